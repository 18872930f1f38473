"""Case services: opening, involving, coordinating, ending involvements, escalating, closing."""

from __future__ import annotations

import re

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _

from schakel.access.policy import Ground, may_read_case
from schakel.audit.models import AccessEvent, Action
from schakel.cases.models import (
    Case,
    CaseStatus,
    Involvement,
    PlanTemplate,
)
from schakel.cases.services.lifecycle import (
    case_involve,
    case_open,
    case_set_coordinator,
    involvement_end,
)
from schakel.notifications.models import Notification, NotificationKind
from schakel.signals.models import SignalStatus
from tests.conftest import World, assert_nothing_changed
from tests.factories import (
    ChildFactory,
    EnrolmentFactory,
    FamilyFactory,
    InvolvementFactory,
    PlanTemplateFactory,
    ProfessionalFactory,
    SignalFactory,
    actor_for,
    days_ago,
    days_ahead,
    today,
)

# --- case_open ---------------------------------------------------------------------------


def test_core_team_opens_a_case_for_a_pupil(world: World):
    case = case_open(actor=world.actor(world.core_member), school=world.school,
                     title="  Zorgen om Bas  ", child=world.child, signals=[world.signal])
    assert re.fullmatch(r"C\d{4}-\d{6}", case.reference)
    assert case.reference.endswith(f"{case.pk:06d}")
    assert case.title == "Zorgen om Bas"
    assert (case.child, case.family, case.school) == (world.child, None, world.school)
    assert (case.status, case.coordinator, case.opened_by) == (
        CaseStatus.OPEN, None, world.core_member)
    assert case.plan_template.code == "regie-7-stappen"
    involvement = case.involvements.get()
    assert (involvement.professional, involvement.start_date, involvement.end_date) == (
        world.core_member, today(), None)
    assert involvement.part == _("Raised the concern")
    world.signal.refresh_from_db()
    assert (world.signal.case, world.signal.status) == (case, SignalStatus.LINKED_CASE)
    event = AccessEvent.objects.get()
    assert (event.event_code, event.action, event.child_id, event.ground) == (
        "case.open", Action.CREATE, world.child.pk, Ground.CORE_TEAM)


def test_the_opener_can_read_the_case_just_opened(world: World):
    case = case_open(actor=world.actor(world.core_member), school=world.school, title="T",
                     child=world.child, part="Intern begeleider")
    assert case.involvements.get().part == "Intern begeleider"
    assert may_read_case(world.actor(world.core_member), case).ground == Ground.INVOLVED


def test_references_are_unique(world: World):
    actor = world.actor(world.core_member)
    refs = {case_open(actor=actor, school=world.school, title="T", child=world.child).reference
            for _ in range(3)}
    assert len(refs) == 3


def test_the_regions_plan_template_is_used(world: World):
    template = PlanTemplateFactory(one_family_one_plan=True)
    region = world.school.organisation.region
    region.plan_template = template
    region.save()
    world.school.refresh_from_db()
    case = case_open(actor=world.actor(world.core_member), school=world.school, title="T",
                     child=world.child)
    assert case.plan_template == template


def test_without_any_plan_template_nothing_is_opened(world: World, db_snapshot):
    PlanTemplateFactory()  # the default exists ...
    PlanTemplate.objects.update(is_default=False)  # ... but is no longer the default
    before = db_snapshot()
    with pytest.raises(ValidationError):
        case_open(actor=world.actor(world.core_member), school=world.school, title="T",
                  child=world.child)
    assert_nothing_changed(before)


def test_a_family_case_logs_every_child(world: World):
    sister = ChildFactory(family=world.family)
    case = case_open(actor=world.actor(world.core_member), school=world.school,
                     title="Gezin", family=world.family)
    assert (case.child, case.family) == (None, world.family)
    assert set(AccessEvent.objects.values_list("child_id", flat=True)) == {
        world.child.pk, sister.pk}


@pytest.mark.parametrize("who", ["teacher", "nurse", "outsider", "other_core_member",
                                 "log_admin"])
def test_only_the_core_team_opens_cases(world: World, db_snapshot, who):
    before = db_snapshot()
    with pytest.raises(Http404):
        case_open(actor=world.actor(getattr(world, who)), school=world.school, title="T",
                  child=world.child)
    assert_nothing_changed(before, denied_rows=1)


def test_child_xor_family(world: World, db_snapshot):
    actor = world.actor(world.core_member)
    before = db_snapshot()
    with pytest.raises(ValidationError):
        case_open(actor=actor, school=world.school, title="T")
    with pytest.raises(ValidationError):
        case_open(actor=actor, school=world.school, title="T", child=world.child,
                  family=world.family)
    assert_nothing_changed(before)


def test_a_title_is_required(world: World, db_snapshot):
    before = db_snapshot()
    with pytest.raises(ValidationError) as exc:
        case_open(actor=world.actor(world.core_member), school=world.school, title="   ",
                  child=world.child)
    assert "title" in exc.value.message_dict
    assert_nothing_changed(before)


@pytest.mark.parametrize("enrolment", ["none", "ended", "future", "other_school"])
def test_a_case_is_for_a_current_pupil_of_the_school(world: World, db_snapshot, enrolment):
    child = ChildFactory()
    if enrolment == "ended":
        EnrolmentFactory(child=child, school=world.school, ended=True)
    elif enrolment == "future":
        EnrolmentFactory(child=child, school=world.school, future=True)
    elif enrolment == "other_school":
        EnrolmentFactory(child=child, school=world.other_school)
    before = db_snapshot()
    with pytest.raises(ValidationError) as exc:
        case_open(actor=world.actor(world.core_member), school=world.school, title="T",
                  child=child)
    assert "child" in exc.value.message_dict
    assert_nothing_changed(before)


def test_a_family_case_needs_a_pupil_of_the_school_in_the_family(world: World, db_snapshot):
    family = FamilyFactory()
    ChildFactory(family=family, enrolled_at=world.other_school)
    before = db_snapshot()
    with pytest.raises(ValidationError) as exc:
        case_open(actor=world.actor(world.core_member), school=world.school, title="T",
                  family=family)
    assert "family" in exc.value.message_dict
    assert_nothing_changed(before)


def _other_childs_signal(world: World):
    return SignalFactory(school=world.school, child=ChildFactory(enrolled_at=world.school))


@pytest.mark.parametrize("make_signal", [
    pytest.param(lambda w: SignalFactory(school=w.other_school), id="other-school"),
    pytest.param(_other_childs_signal, id="other-child"),
    pytest.param(lambda w: SignalFactory(school=w.school, class_level=True), id="class"),
    pytest.param(lambda w: SignalFactory(school=w.school, child=w.child, closed=True),
                 id="closed"),
    pytest.param(lambda w: SignalFactory(school=w.school, child=w.child, linked_collective=True),
                 id="linked-collective"),
    pytest.param(lambda w: SignalFactory(
        school=w.school, child=w.child, status=SignalStatus.LINKED_CASE, case=w.case),
        id="linked-to-another-case"),
])
def test_signals_that_cannot_be_linked(world: World, db_snapshot, make_signal):
    signal = make_signal(world)
    before = db_snapshot()
    with pytest.raises(ValidationError):
        case_open(actor=world.actor(world.core_member), school=world.school, title="T",
                  child=world.child, signals=[world.signal, signal])
    assert_nothing_changed(before)


def test_a_family_case_links_signals_of_the_familys_children(world: World, db_snapshot):
    stranger = _other_childs_signal(world)
    actor = world.actor(world.core_member)
    before = db_snapshot()
    with pytest.raises(ValidationError):
        case_open(actor=actor, school=world.school, title="T", family=world.family,
                  signals=[stranger])
    assert_nothing_changed(before)
    discussed = SignalFactory(school=world.school, child=world.child, discussed=True)
    case = case_open(actor=actor, school=world.school, title="T", family=world.family,
                     signals=[world.signal, discussed])
    assert set(case.signals.values_list("status", flat=True)) == {SignalStatus.LINKED_CASE}
    assert case.signals.count() == 2


# --- case_involve ------------------------------------------------------------------------


def test_involving_a_professional(world: World, django_capture_on_commit_callbacks,
                                  mailoutbox):
    worker = ProfessionalFactory(social_worker=True)
    with django_capture_on_commit_callbacks(execute=True):
        involvement = case_involve(actor=world.actor(world.nurse), case=world.case,
                                   professional=worker, part="  Gesprekken met Bas  ")
    assert (involvement.professional, involvement.part, involvement.start_date) == (
        worker, "Gesprekken met Bas", today())
    assert (involvement.added_by, involvement.end_date) == (world.nurse, None)
    notification = Notification.objects.get()
    assert (notification.recipient, notification.kind) == (worker.user, NotificationKind.INVOLVED)
    assert world.case.reference in notification.message
    assert notification.link.endswith(f"/{world.case.pk}/")
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == [worker.user.email]
    text = f"{mail.subject}\n{mail.body}"
    for secret in (world.child.first_name, world.child.last_name, world.case.title,
                   world.case.reference):
        assert secret not in text
    assert world.child.first_name not in notification.message
    event = AccessEvent.objects.get()
    assert (event.event_code, event.ground) == (
        "case.involve", f"{Ground.COORDINATOR}; consent #{world.nurse_consent.pk}")


def test_no_mail_before_the_transaction_commits(world: World, mailoutbox,
                                                django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        case_involve(actor=world.actor(world.nurse), case=world.case,
                     professional=ProfessionalFactory(), part="Hulp")
    assert mailoutbox == []
    assert len(callbacks) == 1


def test_involving_from_a_given_date(world: World):
    worker = ProfessionalFactory()
    involvement = case_involve(actor=world.actor(world.nurse), case=world.case,
                               professional=worker, part="Hulp", start_date=days_ago(7))
    assert involvement.start_date == days_ago(7)


@pytest.mark.parametrize("existing_end", [None, 0, 14], ids=["open", "ends-today", "ends-later"])
def test_an_active_professional_is_not_involved_twice(world: World, db_snapshot,
                                                      existing_end):
    worker = ProfessionalFactory()
    InvolvementFactory(case=world.case, professional=worker,
                       end_date=None if existing_end is None else days_ahead(existing_end))
    before = db_snapshot()
    with pytest.raises(ValidationError) as exc:
        case_involve(actor=world.actor(world.nurse), case=world.case, professional=worker,
                     part="Nogmaals")
    assert "professional" in exc.value.message_dict
    assert_nothing_changed(before)


def test_someone_whose_involvement_ended_can_be_involved_again(world: World):
    worker = ProfessionalFactory()
    InvolvementFactory(case=world.case, professional=worker, ended=True, consented=True)
    case_involve(actor=world.actor(world.nurse), case=world.case, professional=worker,
                 part="Weer erbij")
    assert world.case.involvements.filter(professional=worker).count() == 2
    assert may_read_case(actor_for(worker), world.case)


def test_a_part_is_required(world: World, db_snapshot):
    worker = ProfessionalFactory()
    before = db_snapshot()
    with pytest.raises(ValidationError) as exc:
        case_involve(actor=world.actor(world.nurse), case=world.case,
                     professional=worker, part=" ")
    assert "part" in exc.value.message_dict
    assert_nothing_changed(before)


@pytest.mark.parametrize("who", ["core_member", "teacher", "outsider"])
def test_only_those_involved_involve_others(world: World, db_snapshot, who):
    worker = ProfessionalFactory()
    before = db_snapshot()
    with pytest.raises(Http404):
        case_involve(actor=world.actor(getattr(world, who)), case=world.case,
                     professional=worker, part="Hulp")
    assert_nothing_changed(before, denied_rows=1)


# --- case_set_coordinator ----------------------------------------------------------------


def test_an_involved_professional_becomes_coordinator(world: World,
                                                      django_capture_on_commit_callbacks,
                                                      mailoutbox):
    worker = ProfessionalFactory()
    InvolvementFactory(case=world.case, professional=worker)
    with django_capture_on_commit_callbacks(execute=True):
        case = case_set_coordinator(actor=world.actor(world.nurse), case=world.case,
                                    professional=worker)
    assert Case.objects.get(pk=case.pk).coordinator == worker
    assert {(n.recipient, n.kind) for n in Notification.objects.all()} == {
        (worker.user, NotificationKind.BECAME_COORDINATOR),
        (world.nurse.user, NotificationKind.COORDINATOR_CHANGED)}
    assert sorted(m.to[0] for m in mailoutbox) == sorted(
        [worker.user.email, world.nurse.user.email])
    assert AccessEvent.objects.get().event_code == "case.set_coordinator"


@pytest.mark.parametrize("involvement", ["none", "ended"])
def test_only_an_involved_professional_coordinates(world: World, db_snapshot, involvement):
    worker = ProfessionalFactory()
    if involvement == "ended":
        InvolvementFactory(case=world.case, professional=worker, ended=True)
    before = db_snapshot()
    with pytest.raises(ValidationError) as exc:
        case_set_coordinator(actor=world.actor(world.nurse), case=world.case,
                             professional=worker)
    assert "professional" in exc.value.message_dict
    assert_nothing_changed(before)


def test_outsider_cannot_set_the_coordinator(world: World, db_snapshot):
    before = db_snapshot()
    with pytest.raises(Http404):
        case_set_coordinator(actor=world.actor(world.outsider), case=world.case,
                             professional=world.outsider)
    assert_nothing_changed(before, denied_rows=1)


# --- involvement_end ---------------------------------------------------------------------


def test_ending_an_involvement_ends_access(world: World):
    worker = ProfessionalFactory()
    involvement = InvolvementFactory(case=world.case, professional=worker)
    involvement_end(actor=world.actor(world.nurse), involvement=involvement,
                    end_date=days_ago(1))
    assert Involvement.objects.get(pk=involvement.pk).end_date == days_ago(1)
    assert not may_read_case(actor_for(worker), world.case)
    assert AccessEvent.objects.get().event_code == "case.involvement_end"


def test_the_coordinators_involvement_cannot_end(world: World, db_snapshot):
    involvement = world.case.involvements.get(professional=world.nurse)
    before = db_snapshot()
    with pytest.raises(ValidationError):
        involvement_end(actor=world.actor(world.nurse), involvement=involvement,
                        end_date=today())
    assert_nothing_changed(before)


def test_an_involvement_does_not_end_before_it_started(world: World, db_snapshot):
    involvement = InvolvementFactory(case=world.case, start_date=days_ago(5))
    before = db_snapshot()
    with pytest.raises(ValidationError) as exc:
        involvement_end(actor=world.actor(world.nurse), involvement=involvement,
                        end_date=days_ago(6))
    assert "end_date" in exc.value.message_dict
    assert_nothing_changed(before)


def test_outsider_cannot_end_an_involvement(world: World, db_snapshot):
    involvement = InvolvementFactory(case=world.case)
    before = db_snapshot()
    with pytest.raises(Http404):
        involvement_end(actor=world.actor(world.outsider), involvement=involvement,
                        end_date=today())
    assert_nothing_changed(before, denied_rows=1)
