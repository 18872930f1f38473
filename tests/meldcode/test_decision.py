"""Step 5: acute or structural unsafety (afwegingskader question 2) requires a report to
Veilig Thuis; a report records the legal ground of kind MELDCODE for Veilig Thuis within its
rule (categories, longest period), in the same transaction as the step."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from schakel.access import policy
from schakel.audit.events import EventCode
from schakel.audit.models import AccessEvent
from schakel.consent.models import InformationCategory, LegalGround, LegalGroundKind
from schakel.meldcode.models import MeldcodeRoute, RouteStatus
from schakel.meldcode.services import meldcode_step_record
from tests.factories import InvolvementFactory, OrganisationFactory, actor_for
from tests.meldcode.conftest import (
    ANSWERS_SAFE,
    ANSWERS_UNSAFE,
    MeldcodeWorld,
    days_ago,
    record,
    walk_to,
)

pytestmark = pytest.mark.django_db

RULE = policy.GROUND_RULES[LegalGroundKind.MELDCODE]
ALL = [InformationCategory.CARE, InformationCategory.SCHOOL, InformationCategory.CONTACT]


def _unsafe_route(mc: MeldcodeWorld) -> MeldcodeRoute:
    route = mc.start()
    walk_to(mc, route, 4, answers=ANSWERS_UNSAFE)
    return route


def test_unsafety_refuses_help_only(mc: MeldcodeWorld) -> None:
    route = _unsafe_route(mc)
    with pytest.raises(ValidationError) as refusal:
        record(mc, route, 5, help_organised=True, reported=False)
    assert "reported" in refusal.value.message_dict
    assert "Veilig Thuis" in refusal.value.message_dict["reported"][0]
    route.refresh_from_db()
    assert route.status == RouteStatus.OPEN
    assert route.steps.count() == 4


def test_without_unsafety_help_only_finishes_the_route(mc: MeldcodeWorld) -> None:
    route = mc.start()
    walk_to(mc, route, 5)
    route.refresh_from_db()
    assert route.is_finished
    assert not LegalGround.objects.exists()


def test_a_report_records_the_meldcode_ground_within_its_rule(mc: MeldcodeWorld) -> None:
    route = _unsafe_route(mc)
    day = days_ago(1)
    step = record(mc, route, 5, help_organised=True, reported=True,
                  veilig_thuis=mc.veilig_thuis, categories=ALL, performed_on=day)
    grounds = list(LegalGround.objects.order_by("category"))
    assert {g.category for g in grounds} == set(RULE.categories)
    assert RULE.max_days is not None
    for ground in grounds:
        assert (ground.kind, ground.organisation, ground.child) == (
            LegalGroundKind.MELDCODE, mc.veilig_thuis, mc.world.child)
        assert ground.valid_from == day
        assert ground.valid_until == day + dt.timedelta(days=RULE.max_days - 1)
        assert ground.recorded_by == mc.runner
        assert not policy.ground_rule_problems(
            kind=ground.kind, category=ground.category, organisation=ground.organisation,
            valid_from=ground.valid_from, valid_until=ground.valid_until)
    assert set(step.legal_grounds.all()) == set(grounds)
    assert step.reported
    assert step.help_organised
    assert step.veilig_thuis == mc.veilig_thuis
    route.refresh_from_db()
    assert route.is_finished
    assert AccessEvent.objects.filter(event_code=EventCode.LEGAL_GROUND_RECORD).count() == 3
    # Veilig Thuis now receives what the report opens.
    assert policy.may_receive_category(mc.world.child, mc.veilig_thuis,
                                       InformationCategory.CARE)


def test_a_report_opens_only_the_categories_chosen(mc: MeldcodeWorld) -> None:
    route = _unsafe_route(mc)
    record(mc, route, 5, reported=True, help_organised=False, veilig_thuis=mc.veilig_thuis,
           categories=[InformationCategory.CONTACT])
    assert list(LegalGround.objects.values_list("category", flat=True)) == ["contact"]


@pytest.mark.parametrize(("overrides", "field"), [
    ({"veilig_thuis": None}, "veilig_thuis"),
    ({"categories": []}, "categories"),
    ({"categories": [InformationCategory.ATTENDANCE]}, "categories"),
])
def test_a_bad_report_stores_nothing(mc: MeldcodeWorld, overrides: dict[str, object],
                                     field: str) -> None:
    route = _unsafe_route(mc)
    fields: dict[str, object] = {"reported": True, "veilig_thuis": mc.veilig_thuis,
                                 "categories": ALL, **overrides}
    with pytest.raises(ValidationError) as refusal:
        record(mc, route, 5, **fields)
    assert field in refusal.value.message_dict
    assert not LegalGround.objects.exists()
    assert route.steps.count() == 4


def test_a_report_goes_to_the_safety_sector_only(mc: MeldcodeWorld) -> None:
    route = _unsafe_route(mc)
    with pytest.raises(ValidationError) as refusal:
        record(mc, route, 5, reported=True, veilig_thuis=OrganisationFactory(care=True),
               categories=ALL)
    assert "veilig_thuis" in refusal.value.message_dict
    assert not LegalGround.objects.exists()


def test_a_runner_whose_organisation_holds_no_file_cannot_record_the_ground(
        mc: MeldcodeWorld) -> None:
    """The nurse's GGD did not open the case: only the file holder or the privacy officer
    opens the child's file to Veilig Thuis (`policy.may_record_legal_ground`)."""
    nurse = actor_for(mc.world.nurse)
    route = MeldcodeRoute.objects.create(case=mc.world.case, runner=mc.world.nurse,
                                         started_at=mc.world.case.opened_at)
    for step in range(1, 5):
        meldcode_step_record(actor=nurse, route=route, step=step, performed_on=days_ago(5),
                             findings="Gezien.", answers=ANSWERS_UNSAFE if step == 4 else None)
    with pytest.raises(ValidationError) as refusal:
        meldcode_step_record(actor=nurse, route=route, step=5, performed_on=days_ago(1),
                             findings="Melden.", reported=True, veilig_thuis=mc.veilig_thuis,
                             categories=ALL)
    assert "reported" in refusal.value.message_dict
    assert not LegalGround.objects.exists()
    assert route.steps.count() == 4


def test_a_ground_refused_inside_the_transaction_leaves_no_step(mc: MeldcodeWorld) -> None:
    """A professional of Veilig Thuis itself runs the route: the consent service refuses a
    ground for one's own organisation, and the step is not stored either."""
    worker = InvolvementFactory(case=mc.world.case,
                                professional__organisation=mc.veilig_thuis).professional
    actor = actor_for(worker)
    route = MeldcodeRoute.objects.create(case=mc.world.case, runner=worker,
                                         started_at=mc.world.case.opened_at)
    for step in range(1, 5):
        meldcode_step_record(actor=actor, route=route, step=step, performed_on=days_ago(5),
                             findings="Gezien.", answers=ANSWERS_UNSAFE if step == 4 else None)
    with pytest.raises(ValidationError):
        meldcode_step_record(actor=actor, route=route, step=5, performed_on=days_ago(1),
                             findings="Melden.", reported=True, veilig_thuis=mc.veilig_thuis,
                             categories=ALL)
    assert not LegalGround.objects.exists()
    assert route.steps.count() == 4


@pytest.mark.parametrize("question", ["can_help", "help_accepted", "help_suffices"])
def test_a_no_to_questions_3_to_5_requires_a_report_too(mc: MeldcodeWorld, question: str) -> None:
    route = mc.start()
    walk_to(mc, route, 4, answers={**ANSWERS_SAFE, question: False})
    with pytest.raises(ValidationError) as refusal:
        record(mc, route, 5, help_organised=True, reported=False)
    number = {"can_help": 3, "help_accepted": 4, "help_suffices": 5}[question]
    assert f"answered no at question {number}" in refusal.value.message_dict["reported"][0]
    assert route.steps.count() == 4
    record(mc, route, 5, help_organised=True, reported=True, veilig_thuis=mc.veilig_thuis,
           categories=ALL)
    route.refresh_from_db()
    assert route.is_finished
