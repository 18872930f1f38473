"""`enforce`: an allowed decision passes, a refused one is logged as denied and becomes 404."""

from __future__ import annotations

import pytest
from django.http import Http404

from schakel.access import policy
from schakel.access.policy import Decision, Ground
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import AccessEvent, Action, Outcome
from schakel.audit.writer import Subject
from schakel.cases.selectors import case_get
from schakel.children.selectors import child_get
from schakel.signals.selectors import signal_get
from tests.conftest import World


def test_allowed_decision_passes_without_a_log_row(world: World):
    decision = Decision(True, Ground.INVOLVED)
    result = enforce(world.actor(world.nurse), decision, event_code=EventCode.CASE_VIEW,
                     action=Action.READ, subject=Subject.of(world.case, world.child.pk))
    assert result is decision
    assert not AccessEvent.objects.exists()


def test_refusal_is_logged_as_denied_and_raises_404(world: World):
    actor = world.actor(world.outsider)
    with pytest.raises(Http404):
        enforce(actor, policy.may_read_case(actor, world.case), event_code=EventCode.CASE_VIEW,
                action=Action.READ, subject=Subject.of(world.case, world.child.pk))
    event = AccessEvent.objects.get()
    assert event.outcome == Outcome.DENIED
    assert event.event_code == "case.view"
    assert event.action == Action.READ
    assert event.user_id == world.outsider.user_id
    assert event.user_name == world.outsider.full_name
    assert event.object_type == "cases.case"
    assert event.object_id == str(world.case.pk)
    assert event.child_id == world.child.pk
    assert event.ground == ""


def test_forbidden_and_missing_case_look_the_same(world: World):
    actor = world.actor(world.outsider)
    with pytest.raises(Http404) as forbidden:
        case_get(actor=actor, case_id=world.case.pk)
    with pytest.raises(Http404) as missing:
        case_get(actor=actor, case_id=world.case.pk + 1000)
    assert str(forbidden.value) == str(missing.value)
    events = list(AccessEvent.objects.order_by("id"))
    assert [e.outcome for e in events] == [Outcome.DENIED, Outcome.DENIED]
    assert events[0].child_id == world.child.pk
    assert (events[1].object_id, events[1].child_id) == (str(world.case.pk + 1000), None)


def test_core_team_is_refused_case_content_and_the_refusal_is_logged(world: World):
    with pytest.raises(Http404):
        case_get(actor=world.actor(world.core_member), case_id=world.case.pk)
    event = AccessEvent.objects.get()
    assert (event.outcome, event.user_id) == (Outcome.DENIED, world.core_member.user_id)


def test_refused_child_and_signal_reads_are_logged(world: World):
    actor = world.actor(world.outsider)
    with pytest.raises(Http404):
        child_get(actor=actor, child_id=world.child.pk)
    with pytest.raises(Http404):
        signal_get(actor=actor, signal_id=world.signal.pk)
    with pytest.raises(Http404):
        signal_get(actor=actor, signal_id=world.signal.pk + 1000)
    events = AccessEvent.objects.order_by("id")
    assert [(e.event_code, e.outcome) for e in events] == [
        ("child.view", Outcome.DENIED), ("signal.view", Outcome.DENIED),
        ("signal.view", Outcome.DENIED)]


def test_allowed_reads_are_logged_with_their_ground(world: World):
    case, decision = case_get(actor=world.actor(world.nurse), case_id=world.case.pk)
    assert case == world.case
    assert decision.ground == Ground.COORDINATOR
    child, _ = child_get(actor=world.actor(world.core_member), child_id=world.child.pk)
    signal, _ = signal_get(actor=world.actor(world.teacher), signal_id=world.signal.pk)
    assert (child, signal) == (world.child, world.signal)
    events = AccessEvent.objects.order_by("id")
    assert [(e.event_code, e.outcome, e.ground, e.child_id) for e in events] == [
        ("case.view", Outcome.SUCCESS, f"coordinator; consent #{world.nurse_consent.pk}",
         world.child.pk),
        ("child.view", Outcome.SUCCESS, "core_team", world.child.pk),
        ("signal.view", Outcome.SUCCESS, "raised_by", world.child.pk),
    ]
