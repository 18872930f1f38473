"""What a case holds: consultation, plan steps, agreements, interventions, classroom advice."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.formats import date_format

from schakel.audit.models import AccessEvent, Action
from schakel.cases.models import AgreementStatus, Case, PlanStepEntry
from schakel.cases.services.plan import (
    EVALUATION_STEP,
    agreement_create,
    agreement_set_status,
    classroom_advice_give,
    consultation_record,
    intervention_record,
    plan_step_save,
)
from schakel.notifications.models import Notification, NotificationKind
from tests.conftest import World, assert_nothing_changed
from tests.factories import (
    AgreementFactory,
    CaseFactory,
    InvolvementFactory,
    PlanTemplateFactory,
    ProfessionalFactory,
    days_ago,
    days_ahead,
    today,
)

# --- consultation ------------------------------------------------------------------------


def test_consultation_records_the_four_questions(world: World):
    consultation = consultation_record(
        actor=world.actor(world.nurse), case=world.case, signals_seen=" Vechten ",
        already_started="Gesprek", wisdom="SMW erbij", who_takes_role="IB")
    assert (consultation.signals_seen, consultation.recorded_by) == ("Vechten", world.nurse)
    assert AccessEvent.objects.get().event_code == "case.consultation"


def test_consultation_needs_the_signals(world: World, db_snapshot):
    before = db_snapshot()
    with pytest.raises(ValidationError) as exc:
        consultation_record(actor=world.actor(world.nurse), case=world.case, signals_seen="")
    assert "signals_seen" in exc.value.message_dict
    assert_nothing_changed(before)


# --- plan steps --------------------------------------------------------------------------


def test_each_save_is_a_new_version(world: World):
    actor = world.actor(world.nurse)
    entries = [plan_step_save(actor=actor, case=world.case, step=2, content=f"Versie {n}")
               for n in range(1, 4)]
    assert [e.version for e in entries] == [1, 2, 3]
    other_step = plan_step_save(actor=actor, case=world.case, step=3, content="Doel")
    assert other_step.version == 1
    other_case = CaseFactory(coordinator=world.nurse, consented=True)
    assert plan_step_save(actor=actor, case=other_case, step=2, content="x").version == 1
    assert PlanStepEntry.objects.filter(case=world.case, step=2).count() == 3
    events = AccessEvent.objects.filter(event_code="case.plan_step")
    assert {(e.action, e.child_id) for e in events} == {
        (Action.UPDATE, world.child.pk), (Action.UPDATE, other_case.child_id)}


def test_saving_a_step_keeps_its_fields(world: World):
    entry = plan_step_save(actor=world.actor(world.nurse), case=world.case, step=3,
                           content="  Rust thuis ", is_provisional=True, consensus=True)
    stored = PlanStepEntry.objects.get(pk=entry.pk)
    assert (stored.content, stored.is_provisional, stored.consensus, stored.filled_in_by) == (
        "Rust thuis", True, True, world.nurse)


def test_the_evaluation_step_counts_as_an_evaluation(world: World):
    assert world.case.last_evaluated_at is None
    plan_step_save(actor=world.actor(world.nurse), case=world.case, step=1, content="x")
    assert Case.objects.get(pk=world.case.pk).last_evaluated_at is None
    entry = plan_step_save(actor=world.actor(world.nurse), case=world.case,
                           step=EVALUATION_STEP, content="Gaat beter")
    assert Case.objects.get(pk=world.case.pk).last_evaluated_at == entry.filled_in_at


def test_without_consensus_the_dissent_is_required(world: World, db_snapshot):
    before = db_snapshot()
    with pytest.raises(ValidationError) as exc:
        plan_step_save(actor=world.actor(world.nurse), case=world.case, step=3,
                       content="Doel", consensus=False, dissent="  ")
    assert "dissent" in exc.value.message_dict
    assert_nothing_changed(before)
    entry = plan_step_save(actor=world.actor(world.nurse), case=world.case, step=3,
                           content="Doel", consensus=False, dissent="Vader wil uithuisplaatsing")
    assert (entry.consensus, entry.dissent) == (False, "Vader wil uithuisplaatsing")


@pytest.mark.parametrize("step", [-1, 8, 99])
def test_a_step_outside_the_template_is_refused(world: World, db_snapshot, step):
    before = db_snapshot()
    with pytest.raises(ValidationError) as exc:
        plan_step_save(actor=world.actor(world.nurse), case=world.case, step=step,
                       content="x")
    assert "step" in exc.value.message_dict
    assert_nothing_changed(before)


def test_steps_follow_the_cases_own_template(world: World, db_snapshot):
    case = CaseFactory(coordinator=world.nurse, consented=True,
                       plan_template=PlanTemplateFactory(one_family_one_plan=True))
    assert plan_step_save(actor=world.actor(world.nurse), case=case, step=6, content="x")
    before = db_snapshot()
    with pytest.raises(ValidationError):  # 1Gezin1Plan has no step 0 or 7
        plan_step_save(actor=world.actor(world.nurse), case=case, step=0, content="x")
    assert_nothing_changed(before)


def test_empty_content_is_refused(world: World, db_snapshot):
    before = db_snapshot()
    with pytest.raises(ValidationError):
        plan_step_save(actor=world.actor(world.nurse), case=world.case, step=1, content=" ")
    assert_nothing_changed(before)


def test_core_team_cannot_write_the_plan(world: World, db_snapshot):
    before = db_snapshot()
    with pytest.raises(Http404):
        plan_step_save(actor=world.actor(world.core_member), case=world.case, step=1,
                       content="x")
    assert_nothing_changed(before, denied_rows=1)


# --- agreements --------------------------------------------------------------------------


def test_an_agreement_for_someone_else_notifies_them(world: World, mailoutbox,
                                                      django_capture_on_commit_callbacks):
    worker = ProfessionalFactory()
    InvolvementFactory(case=world.case, professional=worker)
    with django_capture_on_commit_callbacks(execute=True):
        agreement = agreement_create(
            actor=world.actor(world.nurse), case=world.case, description=" Huisarts bellen ",
            owner=worker, due_date=days_ahead(7), is_provisional=True)
    assert (agreement.description, agreement.owner, agreement.created_by) == (
        "Huisarts bellen", worker, world.nurse)
    assert (agreement.status, agreement.is_provisional) == (AgreementStatus.OPEN, True)
    notification = Notification.objects.get()
    assert (notification.recipient, notification.kind) == (
        worker.user, NotificationKind.AGREEMENT_ASSIGNED)
    assert date_format(days_ahead(7), "j F Y") in notification.message  # the one date format
    assert [m.to for m in mailoutbox] == [[worker.user.email]]
    assert "Huisarts" not in mailoutbox[0].body


def test_an_agreement_of_your_own_notifies_nobody(world: World):
    agreement_create(actor=world.actor(world.nurse), case=world.case, description="Bellen",
                     owner=world.nurse, due_date=today())
    assert not Notification.objects.exists()


@pytest.mark.parametrize("owner", ["outsider", "ended", "core_member"])
def test_the_owner_must_be_involved(world: World, db_snapshot, owner):
    if owner == "ended":
        person = ProfessionalFactory()
        InvolvementFactory(case=world.case, professional=person, ended=True)
    else:
        person = getattr(world, owner)
    before = db_snapshot()
    with pytest.raises(ValidationError) as exc:
        agreement_create(actor=world.actor(world.nurse), case=world.case,
                         description="Bellen", owner=person, due_date=days_ahead(3))
    assert "owner" in exc.value.message_dict
    assert_nothing_changed(before)


def test_a_due_date_in_the_past_is_refused(world: World, db_snapshot):
    before = db_snapshot()
    with pytest.raises(ValidationError) as exc:
        agreement_create(actor=world.actor(world.nurse), case=world.case,
                         description="Bellen", owner=world.nurse, due_date=days_ago(1))
    assert "due_date" in exc.value.message_dict
    with pytest.raises(ValidationError):
        agreement_create(actor=world.actor(world.nurse), case=world.case, description=" ",
                         owner=world.nurse, due_date=days_ahead(1))
    assert_nothing_changed(before)


def test_agreement_status_done_and_back(world: World):
    agreement = AgreementFactory(case=world.case, owner=world.nurse, overdue=True)
    assert agreement.is_overdue
    agreement_set_status(actor=world.actor(world.nurse), agreement=agreement,
                         status=AgreementStatus.DONE)
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.DONE
    assert agreement.completed_at is not None
    assert not agreement.is_overdue
    agreement_set_status(actor=world.actor(world.nurse), agreement=agreement,
                         status=AgreementStatus.OPEN)
    agreement.refresh_from_db()
    assert (agreement.status, agreement.completed_at) == (AgreementStatus.OPEN, None)
    agreement_set_status(actor=world.actor(world.nurse), agreement=agreement,
                         status=AgreementStatus.CANCELLED)
    agreement.refresh_from_db()
    assert (agreement.status, agreement.completed_at) == (AgreementStatus.CANCELLED, None)
    assert AccessEvent.objects.filter(event_code="case.agreement_status").count() == 3


def test_outsider_cannot_change_an_agreement(world: World, db_snapshot):
    agreement = AgreementFactory(case=world.case, owner=world.nurse)
    before = db_snapshot()
    with pytest.raises(Http404):
        agreement_set_status(actor=world.actor(world.outsider), agreement=agreement,
                             status=AgreementStatus.DONE)
    assert_nothing_changed(before, denied_rows=1)


# --- interventions and classroom advice --------------------------------------------------


def test_an_intervention_is_recorded(world: World):
    intervention = intervention_record(
        actor=world.actor(world.nurse), case=world.case, description=" Gezinscoach ",
        provider=" Jeugdhulp ", start_date=days_ago(30), end_date=days_ago(30),
        effect="Meer rust")
    assert (intervention.description, intervention.provider, intervention.recorded_by) == (
        "Gezinscoach", "Jeugdhulp", world.nurse)
    assert AccessEvent.objects.get().event_code == "case.intervention"


def test_an_intervention_does_not_end_before_it_starts(world: World, db_snapshot):
    before = db_snapshot()
    with pytest.raises(ValidationError) as exc:
        intervention_record(actor=world.actor(world.nurse), case=world.case,
                            description="Coach", provider="X", start_date=days_ago(3),
                            end_date=days_ago(4))
    assert "end_date" in exc.value.message_dict
    with pytest.raises(ValidationError):
        intervention_record(actor=world.actor(world.nurse), case=world.case,
                            description="", provider="X", start_date=days_ago(3))
    with pytest.raises(ValidationError):
        intervention_record(actor=world.actor(world.nurse), case=world.case,
                            description="Coach", provider=" ", start_date=days_ago(3))
    assert_nothing_changed(before)


def test_classroom_advice_is_given(world: World, db_snapshot):
    item = classroom_advice_give(actor=world.actor(world.nurse), case=world.case,
                                 advice=" Vaste plek vooraan ")
    assert (item.advice, item.given_by) == ("Vaste plek vooraan", world.nurse)
    before = db_snapshot()
    with pytest.raises(ValidationError):
        classroom_advice_give(actor=world.actor(world.nurse), case=world.case, advice="")
    with pytest.raises(Http404):
        classroom_advice_give(actor=world.actor(world.teacher), case=world.case, advice="x")
    assert_nothing_changed(before, denied_rows=1)
