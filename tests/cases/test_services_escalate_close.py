"""Escalating and closing a case: reasons, notifications, a closed case read-only."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from schakel.audit.models import AccessEvent, Outcome
from schakel.cases.models import (
    Case,
    CaseStatus,
    Escalation,
    EscalationLevel,
)
from schakel.cases.services.lifecycle import (
    case_close,
    case_escalate,
)
from schakel.notifications.models import Notification, NotificationKind
from tests.conftest import World, assert_nothing_changed
from tests.factories import (
    CaseFactory,
    InvolvementFactory,
    ProfessionalFactory,
    actor_for,
)

# --- case_escalate -----------------------------------------------------------------------


def test_escalating_a_case(world: World, django_capture_on_commit_callbacks, mailoutbox):
    worker = ProfessionalFactory()
    gone = ProfessionalFactory()
    InvolvementFactory(case=world.case, professional=worker, consented=True)
    InvolvementFactory(case=world.case, professional=gone, ended=True)
    with django_capture_on_commit_callbacks(execute=True):
        escalation = case_escalate(actor=world.actor(worker), case=world.case,
                                   level=EscalationLevel.SOT_PLUS, reason=" Geen voortgang ")
    assert (escalation.level, escalation.reason, escalation.escalated_by) == (
        EscalationLevel.SOT_PLUS, "Geen voortgang", worker)
    assert Case.objects.get(pk=world.case.pk).status == CaseStatus.ESCALATED
    recipients = set(Notification.objects.values_list("recipient", flat=True))
    assert recipients == {world.nurse.user_id, worker.user_id}
    assert set(Notification.objects.values_list("kind", flat=True)) == {
        NotificationKind.CASE_ESCALATED}
    assert sorted(m.to[0] for m in mailoutbox) == sorted(
        [world.nurse.user.email, worker.user.email])


def test_an_escalated_case_can_be_escalated_further(world: World):
    actor = world.actor(world.nurse)
    case_escalate(actor=actor, case=world.case, level=EscalationLevel.SOT, reason="Eerst")
    case = Case.objects.get(pk=world.case.pk)
    case_escalate(actor=actor, case=case, level=EscalationLevel.MANAGEMENT, reason="Dan")
    assert Escalation.objects.filter(case=case).count() == 2


def test_an_escalation_needs_a_reason(world: World, db_snapshot):
    before = db_snapshot()
    with pytest.raises(ValidationError) as exc:
        case_escalate(actor=world.actor(world.nurse), case=world.case,
                      level=EscalationLevel.SOT, reason="")
    assert "reason" in exc.value.message_dict
    assert_nothing_changed(before)


def test_outsider_cannot_escalate(world: World, db_snapshot):
    before = db_snapshot()
    with pytest.raises(Http404):
        case_escalate(actor=world.actor(world.outsider), case=world.case,
                      level=EscalationLevel.SOT, reason="x")
    assert_nothing_changed(before, denied_rows=1)


# --- case_close --------------------------------------------------------------------------


def test_closing_notifies_everyone_involved_and_the_school(
        world: World, django_capture_on_commit_callbacks, mailoutbox):
    worker = ProfessionalFactory()
    InvolvementFactory(case=world.case, professional=worker)
    InvolvementFactory(case=world.case, ended=True)
    with django_capture_on_commit_callbacks(execute=True):
        case = case_close(actor=world.actor(world.nurse), case=world.case,
                          reason=" Doelen bereikt ")
    stored = Case.objects.get(pk=case.pk)
    assert (stored.status, stored.closure_reason) == (CaseStatus.CLOSED, "Doelen bereikt")
    assert stored.closed_at is not None
    notified = set(Notification.objects.values_list("recipient", flat=True))
    assert notified == {world.nurse.user_id, worker.user_id, world.core_member.user_id}
    assert len(mailoutbox) == 3
    for mail in mailoutbox:
        assert world.child.first_name not in mail.body + mail.subject
    event = AccessEvent.objects.get()
    assert (event.event_code, event.outcome) == ("case.close", Outcome.SUCCESS)


def test_the_contact_point_is_notified_once_when_also_involved(world: World):
    InvolvementFactory(case=world.case, professional=world.core_member)
    case_close(actor=world.actor(world.nurse), case=world.case, reason="Klaar")
    assert Notification.objects.filter(recipient=world.core_member.user).count() == 1


def test_closing_needs_a_reason(world: World, db_snapshot):
    before = db_snapshot()
    with pytest.raises(ValidationError) as exc:
        case_close(actor=world.actor(world.nurse), case=world.case, reason="  ")
    assert "reason" in exc.value.message_dict
    assert_nothing_changed(before)


def test_only_the_coordinator_closes(world: World, db_snapshot):
    worker = ProfessionalFactory()
    InvolvementFactory(case=world.case, professional=worker)
    before = db_snapshot()
    with pytest.raises(Http404):
        case_close(actor=actor_for(worker), case=world.case, reason="Klaar")
    assert_nothing_changed(before, denied_rows=1)


def test_without_a_coordinator_anyone_involved_closes(world: World):
    case = CaseFactory(school=world.school)
    worker = ProfessionalFactory()
    InvolvementFactory(case=case, professional=worker, consented=True)
    assert case_close(actor=actor_for(worker), case=case, reason="Klaar").is_closed
