"""Case reads: lists, the detail page, the plan, agreements, existence; query counts."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from schakel.access.actor import Actor
from schakel.audit.models import AccessEvent
from schakel.cases.models import AgreementStatus
from schakel.cases.selectors import (
    _cases_for_actor,
    agreements_for_owner,
    case_existence_for_child,
    case_get,
    case_list_page,
    health_indicators,
    plan_steps,
)
from tests.conftest import World
from tests.factories import (
    AgreementFactory,
    CaseFactory,
    ChildFactory,
    ClassroomAdviceFactory,
    ConsultationFactory,
    EscalationFactory,
    FamilyFactory,
    InterventionFactory,
    InvolvementFactory,
    PlanStepEntryFactory,
    PlanTemplateFactory,
    ProfessionalFactory,
    SignalFactory,
    actor_for,
)


def count_queries(action: Callable[[], object]) -> int:
    with CaptureQueriesContext(connection) as ctx:
        action()
    return len(ctx.captured_queries)


# --- lists -------------------------------------------------------------------------------


def test_cases_for_actor_lists_own_cases_newest_first(world: World):
    later = CaseFactory(coordinator=world.nurse, school=world.school, consented=True)
    CaseFactory(school=world.school)  # not the nurse's
    closed = CaseFactory(coordinator=world.nurse, closed=True, consented=True)
    actor = world.actor(world.nurse)
    assert list(_cases_for_actor(actor=actor)) == [later, world.case]
    assert set(_cases_for_actor(actor=actor, include_closed=True)) == {
        later, world.case, closed}
    assert list(_cases_for_actor(actor=world.actor(world.core_member))) == []


def test_family_cases_are_listed_for_those_involved(world: World):
    family_case = CaseFactory(for_family=True, school=world.school, coordinator=world.nurse)
    assert family_case in _cases_for_actor(actor=world.actor(world.nurse))


def _cases_with_everything(nurse, n: int) -> None:
    for _ in range(n):
        # Opened by the nurse's own organisation: the file holder lists it without a consent.
        case = CaseFactory(coordinator=nurse, opened_by=nurse, involved=[ProfessionalFactory()])
        AgreementFactory(case=case, owner=nurse, overdue=True)
        PlanStepEntryFactory(case=case)


def _read_list(actor: Actor) -> None:
    cases = list(_cases_for_actor(actor=actor))
    assert cases
    for case in cases:
        assert case.child is not None
        assert case.coordinator is not None
        _ = (case.child.first_name, case.school.name, case.coordinator.organisation.name)
        _ = case.family
        health_indicators(case)


def test_cases_for_actor_takes_constant_queries(db, django_assert_num_queries):
    nurse = ProfessionalFactory()
    _cases_with_everything(nurse, 1)
    one = count_queries(lambda: _read_list(actor_for(nurse)))
    _cases_with_everything(nurse, 9)
    with django_assert_num_queries(one):
        _read_list(actor_for(nurse))  # a fresh actor, as a new request has
    assert one == 2  # the listable case ids, then the list


def test_case_list_page_takes_constant_queries(db, settings):
    settings.SCHAKEL_PAGE_SIZE = 50
    nurse = ProfessionalFactory()
    family = FamilyFactory()
    ChildFactory.create_batch(2, family=family)
    CaseFactory(for_family=True, family=family, coordinator=nurse)
    _cases_with_everything(nurse, 1)
    one = count_queries(lambda: list(case_list_page(actor=actor_for(nurse), page_number=1)))
    _cases_with_everything(nurse, 9)
    family_two = FamilyFactory()
    ChildFactory.create_batch(3, family=family_two)
    CaseFactory(for_family=True, family=family_two, coordinator=nurse)
    ten = count_queries(lambda: list(case_list_page(actor=actor_for(nurse), page_number=1)))
    assert ten == one


# --- the detail page ---------------------------------------------------------------------


def _fill(case, nurse, n: int) -> None:
    for _ in range(n):
        worker = ProfessionalFactory()
        InvolvementFactory(case=case, professional=worker)
        AgreementFactory(case=case, owner=worker)
        PlanStepEntryFactory(case=case, step=2, filled_in_by=worker)
        InterventionFactory(case=case, recorded_by=worker)
        ClassroomAdviceFactory(case=case, given_by=worker)
        EscalationFactory(case=case, escalated_by=worker)
        ConsultationFactory(case=case, recorded_by=worker)
        SignalFactory(case=case, school=case.school, child=case.child)


def _read_detail(actor: Actor, case_id: int) -> None:
    case, _decision = case_get(actor=actor, case_id=case_id)
    for inv in case.involvements.all():
        _ = (inv.professional.organisation.name, getattr(inv, "is_active"))  # noqa: B009
    for agreement in case.agreements.all():
        _ = agreement.owner.full_name
    for advice in case.classroom_advice.all():
        _ = advice.given_by.full_name
    for escalation in case.escalations.all():
        _ = escalation.escalated_by.full_name
    for consultation in case.consultations.all():
        _ = consultation.recorded_by.full_name
    for signal in case.signals.all():
        _ = signal.theme.label
    assert case.child is not None
    assert case.coordinator is not None
    _ = (list(case.interventions.all()), case.school.contact_point, case.child.family,
         case.coordinator.organisation.name, case.opened_by.full_name)
    for step in plan_steps(case):
        _ = step.current.filled_in_by.full_name if step.current else None
    health_indicators(case)


@pytest.mark.parametrize("who", ["nurse", "worker"])
def test_case_get_takes_constant_queries(world: World, django_assert_num_queries, who):
    worker = ProfessionalFactory()
    InvolvementFactory(case=world.case, professional=worker, consented=True)
    actor = world.actor(world.nurse if who == "nurse" else worker)
    _fill(world.case, world.nurse, 1)
    one = count_queries(lambda: _read_detail(actor, world.case.pk))
    _fill(world.case, world.nurse, 9)
    with django_assert_num_queries(one):
        _read_detail(actor, world.case.pk)


def test_plan_steps_show_current_and_history(world: World):
    for n in (1, 2, 3):
        PlanStepEntryFactory(case=world.case, step=3, content=f"v{n}")
    PlanStepEntryFactory(case=world.case, step=0, content="start")
    case, _ = case_get(actor=world.actor(world.nurse), case_id=world.case.pk)
    steps = plan_steps(case)
    assert [s.number for s in steps] == list(range(8))
    by_number = {s.number: s for s in steps}
    assert by_number[3].current is not None
    assert by_number[3].current.content == "v3"
    assert [e.content for e in by_number[3].history] == ["v2", "v1"]
    assert by_number[3].records_consensus
    assert by_number[0].current is not None
    assert by_number[0].history == []
    assert by_number[1].current is None
    assert by_number[1].questions


def test_plan_steps_follow_another_template(world: World):
    case = CaseFactory(coordinator=world.nurse, consented=True,
                       plan_template=PlanTemplateFactory(one_family_one_plan=True))
    read, _ = case_get(actor=world.actor(world.nurse), case_id=case.pk)
    assert [s.number for s in plan_steps(read)] == [1, 2, 3, 4, 5, 6]


# --- agreements and existence ------------------------------------------------------------


def test_agreements_for_owner(world: World):
    mine = AgreementFactory(case=world.case, owner=world.nurse)
    AgreementFactory(case=world.case, owner=world.nurse, done=True)
    AgreementFactory(case=world.case, owner=world.nurse, status=AgreementStatus.CANCELLED)
    gone_case = CaseFactory(school=world.school)
    InvolvementFactory(case=gone_case, professional=world.nurse, ended=True)
    AgreementFactory(case=gone_case, owner=world.nurse)
    earlier = AgreementFactory(case=world.case, owner=world.nurse, overdue=True)
    assert list(agreements_for_owner(actor=world.actor(world.nurse))) == [earlier, mine]
    assert list(agreements_for_owner(actor=world.actor(world.outsider))) == []
    assert agreements_for_owner(actor=world.actor(world.nurse), limit=1) == [earlier]


def test_own_agreements_are_logged_once_per_case_shown(world: World):
    AgreementFactory.create_batch(3, case=world.case, owner=world.nurse)
    agreements_for_owner(actor=world.actor(world.nurse))
    rows = list(AccessEvent.objects.values_list("event_code", "child_id", "object_id"))
    assert rows == [("case.agreement_list", world.child.pk, str(world.case.pk))]


def test_case_existence_for_child(world: World):
    assert list(case_existence_for_child(actor=world.actor(world.core_member),
                                         child_id=world.child.pk)) == [world.case]
    assert list(case_existence_for_child(actor=world.actor(world.nurse),
                                         child_id=world.child.pk)) == [world.case]
    assert list(case_existence_for_child(actor=world.actor(world.outsider),
                                         child_id=world.child.pk)) == []
    assert list(case_existence_for_child(actor=world.actor(world.other_core_member),
                                         child_id=world.child.pk)) == []


def test_the_cases_shown_on_the_childs_page_are_logged(world: World):
    case_existence_for_child(actor=world.actor(world.core_member), child_id=world.child.pk)
    event = AccessEvent.objects.get()
    assert (event.event_code, event.child_id, event.object_id, event.user_id) == (
        "case.existence", world.child.pk, str(world.case.pk), world.core_member.user.pk)
