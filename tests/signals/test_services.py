"""Raising signals at child, class and school level, and moving them through their statuses."""

from __future__ import annotations

import itertools

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from schakel.access.policy import Ground
from schakel.audit.models import AccessEvent, Action
from schakel.signals.models import Signal, SignalLevel, SignalStatus
from schakel.signals.services import SIGNAL_TRANSITIONS, signal_raise, signal_set_status
from tests.conftest import World, assert_nothing_changed
from tests.factories import (
    ChildFactory,
    EnrolmentFactory,
    SchoolClassFactory,
    SignalFactory,
    ThemeFactory,
)

# --- raising -----------------------------------------------------------------------------


def test_a_teacher_raises_a_signal_about_a_pupil(world: World):
    theme = ThemeFactory(code="welbevinden")
    signal = signal_raise(
        actor=world.actor(world.teacher), level=SignalLevel.CHILD, school=world.school,
        theme=theme, description="  Trekt zich terug  ", child=world.child,
        observed_outside_school=True)
    stored = Signal.objects.get(pk=signal.pk)
    assert (stored.level, stored.school, stored.child, stored.school_class) == (
        SignalLevel.CHILD, world.school, world.child, None)
    assert (stored.theme, stored.description, stored.raised_by) == (
        theme, "Trekt zich terug", world.teacher)
    assert (stored.status, stored.case, stored.observed_outside_school) == (
        SignalStatus.NEW, None, True)
    event = AccessEvent.objects.get()
    assert (event.event_code, event.action, event.child_id, event.object_id) == (
        "signal.raise", Action.CREATE, world.child.pk, str(signal.pk))
    assert event.ground == Ground.INVOLVED


def test_the_core_team_raises_on_its_own_ground(world: World):
    signal_raise(actor=world.actor(world.core_member), level=SignalLevel.CHILD,
                 school=world.school, theme=ThemeFactory(), description="x", child=world.child)
    assert AccessEvent.objects.get().ground == Ground.CORE_TEAM


@pytest.mark.parametrize("enrolment", ["none", "ended", "future", "other_school"])
def test_a_child_signal_is_about_a_current_pupil(world: World, db_snapshot, enrolment):
    child = ChildFactory()
    if enrolment == "ended":
        EnrolmentFactory(child=child, school=world.school, ended=True)
    elif enrolment == "future":
        EnrolmentFactory(child=child, school=world.school, future=True)
    elif enrolment == "other_school":
        EnrolmentFactory(child=child, school=world.other_school)
    theme = ThemeFactory()
    before = db_snapshot()
    with pytest.raises(ValidationError) as exc:
        signal_raise(actor=world.actor(world.teacher), level=SignalLevel.CHILD,
                     school=world.school, theme=theme, description="x", child=child)
    assert set(exc.value.message_dict) == {"child"}
    assert_nothing_changed(before)


def test_a_child_signal_needs_a_child(world: World, db_snapshot):
    theme = ThemeFactory()
    before = db_snapshot()
    with pytest.raises(ValidationError) as exc:
        signal_raise(actor=world.actor(world.teacher), level=SignalLevel.CHILD,
                     school=world.school, theme=theme, description="x")
    assert set(exc.value.message_dict) == {"child"}
    assert_nothing_changed(before)


def test_a_class_signal_names_a_class_of_the_school_and_no_child(world: World):
    signal = signal_raise(
        actor=world.actor(world.teacher), level=SignalLevel.CLASS, school=world.school,
        theme=ThemeFactory(), description="Onrust in de klas", school_class=world.school_class,
        child=world.child)
    assert (signal.school_class, signal.child) == (world.school_class, None)
    assert AccessEvent.objects.get().child_id is None


@pytest.mark.parametrize("which", ["missing", "other_school"])
def test_a_class_signal_refuses_a_foreign_or_missing_class(world: World, db_snapshot, which):
    school_class = None if which == "missing" else SchoolClassFactory(school=world.other_school)
    theme = ThemeFactory()
    before = db_snapshot()
    with pytest.raises(ValidationError) as exc:
        signal_raise(actor=world.actor(world.teacher), level=SignalLevel.CLASS,
                     school=world.school, theme=theme, description="x",
                     school_class=school_class)
    assert set(exc.value.message_dict) == {"school_class"}
    assert_nothing_changed(before)


def test_a_school_signal_has_neither_class_nor_child(world: World):
    signal = signal_raise(
        actor=world.actor(world.core_member), level=SignalLevel.SCHOOL, school=world.school,
        theme=ThemeFactory(), description="Drugs rond de school",
        school_class=world.school_class, child=world.child)
    assert (signal.level, signal.school_class, signal.child) == (SignalLevel.SCHOOL, None, None)


def test_an_inactive_theme_is_refused(world: World, db_snapshot):
    theme = ThemeFactory(inactive=True)
    before = db_snapshot()
    with pytest.raises(ValidationError) as exc:
        signal_raise(actor=world.actor(world.teacher), level=SignalLevel.CHILD,
                     school=world.school, theme=theme, description="x", child=world.child)
    assert set(exc.value.message_dict) == {"theme"}
    assert_nothing_changed(before)


def test_every_problem_is_reported_at_once(world: World, db_snapshot):
    theme = ThemeFactory(inactive=True)
    before = db_snapshot()
    with pytest.raises(ValidationError) as exc:
        signal_raise(actor=world.actor(world.teacher), level=SignalLevel.CHILD,
                     school=world.school, theme=theme, description="  ")
    assert set(exc.value.message_dict) == {"description", "theme", "child"}
    assert_nothing_changed(before)


@pytest.mark.parametrize("who", ["outsider", "nurse", "other_core_member", "log_admin"])
def test_only_staff_and_core_team_raise_signals(world: World, db_snapshot, who):
    theme = ThemeFactory()
    before = db_snapshot()
    with pytest.raises(Http404):
        signal_raise(actor=world.actor(getattr(world, who)), level=SignalLevel.CHILD,
                     school=world.school, theme=theme, description="x", child=world.child)
    assert_nothing_changed(before, denied_rows=1)
    event = AccessEvent.objects.get()
    assert (event.outcome, event.child_id) == ("denied", world.child.pk)


# --- statuses ----------------------------------------------------------------------------

ALLOWED = {
    (SignalStatus.NEW, SignalStatus.DISCUSSED),
    (SignalStatus.NEW, SignalStatus.LINKED_COLLECTIVE),
    (SignalStatus.NEW, SignalStatus.CLOSED),
    (SignalStatus.DISCUSSED, SignalStatus.LINKED_COLLECTIVE),
    (SignalStatus.DISCUSSED, SignalStatus.CLOSED),
    (SignalStatus.LINKED_CASE, SignalStatus.CLOSED),
    (SignalStatus.LINKED_COLLECTIVE, SignalStatus.CLOSED),
}
PAIRS = list(itertools.product(SignalStatus, SignalStatus))


def test_the_table_covers_every_status():
    assert set(SIGNAL_TRANSITIONS) == set(SignalStatus)
    assert {(a, b) for a, targets in SIGNAL_TRANSITIONS.items() for b in targets} == ALLOWED


@pytest.mark.parametrize(("current", "target"), PAIRS, ids=[f"{a}->{b}" for a, b in PAIRS])
def test_status_transition(world: World, db_snapshot, current, target):
    signal = SignalFactory(school=world.school, child=world.child, status=current,
                           case=world.case if current == SignalStatus.LINKED_CASE else None)
    actor = world.actor(world.core_member)
    if (current, target) in ALLOWED:
        signal_set_status(actor=actor, signal=signal, status=target,
                          collective_action="Weerbaarheidstraining groep 4")
        assert Signal.objects.get(pk=signal.pk).status == target
        event = AccessEvent.objects.get()
        assert (event.event_code, event.action, event.ground) == (
            "signal.status", Action.UPDATE, Ground.CORE_TEAM)
    else:
        before = db_snapshot()
        with pytest.raises(ValidationError):
            signal_set_status(actor=actor, signal=signal, status=target,
                              collective_action="Weerbaarheidstraining groep 4")
        assert_nothing_changed(before)


def test_a_collective_action_must_be_named(world: World, db_snapshot):
    before = db_snapshot()
    with pytest.raises(ValidationError) as exc:
        signal_set_status(actor=world.actor(world.core_member), signal=world.signal,
                          status=SignalStatus.LINKED_COLLECTIVE, collective_action="  ")
    assert set(exc.value.message_dict) == {"collective_action"}
    assert_nothing_changed(before)
    signal_set_status(actor=world.actor(world.core_member), signal=world.signal,
                      status=SignalStatus.LINKED_COLLECTIVE, collective_action=" Training ")
    signal_set_status(actor=world.actor(world.core_member), signal=world.signal,
                      status=SignalStatus.CLOSED)
    stored = Signal.objects.get(pk=world.signal.pk)
    assert (stored.status, stored.collective_action) == (SignalStatus.CLOSED, "Training")


@pytest.mark.parametrize("who", ["teacher", "nurse", "outsider", "other_core_member"])
def test_only_the_core_team_triages(world: World, db_snapshot, who):
    before = db_snapshot()
    with pytest.raises(Http404):
        signal_set_status(actor=world.actor(getattr(world, who)), signal=world.signal,
                          status=SignalStatus.DISCUSSED)
    assert_nothing_changed(before, denied_rows=1)
