"""Signal reads: lists by status, the detail, themes, schools to raise at; query counts."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext

from schakel.access.actor import Actor
from schakel.access.policy import Ground
from schakel.audit.models import AccessEvent
from schakel.signals.models import SignalStatus, Theme
from schakel.signals.selectors import (
    _signals_for_actor,
    active_themes,
    new_signals_for_core_team,
    schools_for_raising,
    signal_get,
    signals_for_child,
)
from tests.conftest import World
from tests.factories import (
    CaseFactory,
    ChildFactory,
    SignalFactory,
    ThemeFactory,
    actor_for,
)


def count_queries(action: Callable[[], object]) -> int:
    with CaptureQueriesContext(connection) as ctx:
        action()
    return len(ctx.captured_queries)


def test_signals_for_actor_newest_first_and_by_status(world: World):
    discussed = SignalFactory(school=world.school, discussed=True)
    newest = SignalFactory(school=world.school)
    actor = world.actor(world.core_member)
    assert list(_signals_for_actor(actor=actor)) == [newest, discussed, world.signal]
    assert list(_signals_for_actor(actor=actor, status=SignalStatus.DISCUSSED)) == [discussed]
    assert list(_signals_for_actor(actor=actor, status=SignalStatus.NEW)) == [
        newest, world.signal]


def _read_signals(actor: Actor) -> None:
    for signal in _signals_for_actor(actor=actor):
        _ = (signal.school.name, signal.theme.label, signal.raised_by.organisation.name,
             signal.child, signal.school_class, signal.case)


def _signals(world: World, n: int) -> None:
    for i in range(n):
        SignalFactory(school=world.school, child=ChildFactory(enrolled_at=world.school),
                      case=CaseFactory(school=world.school) if i % 2 else None)
        SignalFactory(school=world.school, class_level=True)


@pytest.mark.parametrize("who", ["core_member", "teacher", "nurse"])
def test_signals_for_actor_takes_constant_queries(world: World, django_assert_num_queries,
                                                  who):
    professional = getattr(world, who)
    _signals(world, 1)
    one = count_queries(lambda: _read_signals(world.actor(professional)))
    _signals(world, 9)
    with django_assert_num_queries(one):
        _read_signals(world.actor(professional))  # a fresh actor: no cached team lookup
    assert one == 3  # the core-team lookup, the listable case ids, then one query


def test_signal_get_logs_child_signals(world: World):
    signal, decision = signal_get(actor=world.actor(world.core_member),
                                  signal_id=world.signal.pk)
    assert (signal, decision.ground) == (world.signal, Ground.CORE_TEAM)
    event = AccessEvent.objects.get()
    assert (event.event_code, event.child_id, event.ground) == (
        "signal.view", world.child.pk, Ground.CORE_TEAM)


def test_signal_get_of_a_class_signal_writes_no_child_row(world: World):
    class_signal = SignalFactory(school=world.school, class_level=True)
    signal, _ = signal_get(actor=world.actor(world.core_member), signal_id=class_signal.pk)
    assert signal == class_signal
    assert not AccessEvent.objects.exists()


def test_signal_get_refuses_outsiders(world: World):
    with pytest.raises(Http404):
        signal_get(actor=world.actor(world.outsider), signal_id=world.signal.pk)


def test_active_themes(db):
    inactive = ThemeFactory(inactive=True)
    active = ThemeFactory()
    themes = set(active_themes())
    assert active in themes
    assert inactive not in themes
    assert all(t.is_active for t in themes)
    assert Theme.objects.filter(code="gedrag", is_active=True).exists()  # from the migration


def test_schools_for_raising(world: World):
    assert list(schools_for_raising(actor=world.actor(world.core_member))) == [world.school]
    assert list(schools_for_raising(actor=world.actor(world.teacher))) == [world.school]
    assert list(schools_for_raising(actor=world.actor(world.outsider))) == []


def test_new_signals_for_core_team(world: World):
    SignalFactory(school=world.school, discussed=True)
    SignalFactory(school=world.other_school)
    class_signal = SignalFactory(school=world.school, class_level=True)
    signals = new_signals_for_core_team(actor=world.actor(world.core_member))
    assert signals == [class_signal, world.signal]
    assert list(AccessEvent.objects.values_list("child_id", flat=True)) == [world.child.pk]
    assert new_signals_for_core_team(actor=world.actor(world.teacher)) == []


def test_signals_for_child(world: World):
    other = SignalFactory(school=world.school)
    assert signals_for_child(actor=world.actor(world.core_member),
                             child_id=world.child.pk) == [world.signal]
    assert signals_for_child(actor=world.actor(world.outsider), child_id=world.child.pk) == []
    assert set(AccessEvent.objects.values_list("child_id", flat=True)) == {world.child.pk}
    assert other.child_id != world.child.pk
    assert signals_for_child(actor=actor_for(world.teacher), child_id=other.child_id) == []
