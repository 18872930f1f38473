"""The window rule of the rode draad against a brute-force reference, the class and school
thresholds, and detection that is idempotent and grows an open pattern."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given, settings as hsettings, strategies as st
from hypothesis.extra.django import TestCase

from schakel.audit.models import AccessEvent
from schakel.patterns.detection import Scope, triggers
from schakel.patterns.models import Pattern, PatternStatus
from schakel.patterns.services import patterns_detect
from tests.conftest import World
from tests.factories import ChildFactory, SchoolClassFactory, SchoolFactory, ThemeFactory
from tests.patterns.support import BASE, signal_at

WEEKS_8 = dt.timedelta(weeks=8)


def brute_triggers(moments: list[dt.datetime], k: int) -> list[dt.datetime]:
    """Each moment at which at least k moments lie in the 8 weeks up to it (after it minus 8
    weeks, up to and including it)."""
    return sorted(t for t in moments if sum(t - WEEKS_8 < u <= t for u in moments) >= k)


def brute_exists(moments: list[dt.datetime], k: int) -> bool:
    """Some k signals lie less than 8 weeks apart, first to last."""
    return any(max(group) - min(group) < WEEKS_8
               for group in itertools.combinations(moments, k))


# Whole days from BASE, mostly on a four-week grid, and a second before or after, so that pairs
# exactly 8 weeks apart and a second either side of it are frequent.
moment = st.builds(
    lambda days, second: BASE + dt.timedelta(days=days, seconds=second),
    st.one_of(st.sampled_from([0, 28, 56, 84, 112]), st.integers(0, 120)),
    st.sampled_from([0, 0, 0, -1, 1]))
# Where a signal is: "a" about a child of class A (its class through the enrolment), "b" a
# class signal of class B, "s" a school signal.
placed = st.lists(st.tuples(moment, st.sampled_from(["a", "b", "s"])), max_size=9)


class WindowRule(TestCase):
    @hsettings(max_examples=40, deadline=None)
    @given(signals=placed)
    def test_the_sql_window_is_the_brute_force_rule(
            self, signals: list[tuple[dt.datetime, str]]) -> None:
        school = SchoolFactory()
        class_a = SchoolClassFactory(school=school, name="6A")
        class_b = SchoolClassFactory(school=school, name="6B")
        child = ChildFactory(enrolled_at=school, enrolled_at__school_class=class_a)
        theme = ThemeFactory()
        for at, where in signals:
            if where == "a":
                signal_at(at, school=school, child=child, theme=theme)
            elif where == "b":
                signal_at(at, school=school, class_level=True, school_class=class_b,
                          theme=theme)
            else:
                signal_at(at, school=school, school_level=True, theme=theme)
        until = BASE + dt.timedelta(days=200)
        found_class = triggers(scope=Scope.CLASS, threshold=3, window=WEEKS_8, until=until)
        found_school = triggers(scope=Scope.SCHOOL, threshold=5, window=WEEKS_8, until=until)
        for klass, code in ((class_a, "a"), (class_b, "b")):
            moments = [at for at, where in signals if where == code]
            mine = [t.raised_at for t in found_class if t.class_id == klass.pk]
            assert sorted(mine) == brute_triggers(moments, 3)
            assert any(t.class_id == klass.pk for t in found_class) == brute_exists(moments, 3)
        every = [at for at, _where in signals]
        assert sorted(t.raised_at for t in found_school) == brute_triggers(every, 5)
        assert bool(found_school) == brute_exists(every, 5)

        stored = patterns_detect(as_of=until)
        in_a = [at for at, where in signals if where == "a"]
        assert Pattern.objects.filter(school_class=class_a).exists() == brute_exists(in_a, 3)
        assert Pattern.objects.filter(school_class__isnull=True).exists() == brute_exists(every, 5)
        assert stored == Pattern.objects.count()
        # Run again: nothing new, nothing changed.
        fields = ("pk", "period_start", "period_end", "signal_count")
        before = list(Pattern.objects.order_by("pk").values_list(*fields))
        assert patterns_detect(as_of=until) == 0
        assert before == list(Pattern.objects.order_by("pk").values_list(*fields))


@pytest.mark.parametrize(("gap", "expected"), [
    (WEEKS_8, False), (WEEKS_8 - dt.timedelta(seconds=1), True)])
def test_exactly_eight_weeks_apart_is_not_within_the_window(world: World, gap: dt.timedelta,
                                                            expected: bool):
    for at in (BASE, BASE + gap / 2, BASE + gap):
        signal_at(at, school=world.school, class_level=True, school_class=world.school_class,
                  theme=world.signal.theme)
    patterns_detect(as_of=BASE + dt.timedelta(days=100))
    assert Pattern.objects.filter(school_class=world.school_class).exists() is expected


def test_three_in_a_class_is_a_class_pattern_but_not_yet_a_school_pattern(world: World):
    theme = world.signal.theme
    # The world's signal (about Bas of groep 4) was raised now; these three weeks ago.
    for days in (3, 2, 1):
        signal_at(BASE + dt.timedelta(days=days), school=world.school, class_level=True,
                  school_class=world.school_class, theme=theme)
    assert patterns_detect(as_of=BASE + dt.timedelta(days=10)) == 1
    pattern = Pattern.objects.get()
    assert (pattern.school_class, pattern.theme, pattern.signal_count, pattern.status) == (
        world.school_class, theme, 3, PatternStatus.PROPOSED)
    assert AccessEvent.objects.filter(event_code="pattern.detect",
                                      object_id=str(pattern.pk)).count() == 1


def test_five_in_a_school_is_a_school_pattern(world: World):
    theme = world.signal.theme
    other_class = SchoolClassFactory(school=world.school, name="groep 7")
    for days, klass in ((1, world.school_class), (2, other_class), (3, None), (4, None),
                        (5, other_class)):
        if klass is None:
            signal_at(BASE + dt.timedelta(days=days), school=world.school, school_level=True,
                      theme=theme)
        else:
            signal_at(BASE + dt.timedelta(days=days), school=world.school, class_level=True,
                      school_class=klass, theme=theme)
    patterns_detect(as_of=BASE + dt.timedelta(days=10))
    school_pattern = Pattern.objects.get(school_class__isnull=True)
    assert school_pattern.signal_count == 5
    assert not Pattern.objects.filter(school_class__isnull=False).exists()


def test_the_thresholds_come_from_the_settings(world: World, settings):
    settings.SCHAKEL_PATTERN_CLASS_THRESHOLD = 2
    for days in (1, 2):
        signal_at(BASE + dt.timedelta(days=days), school=world.school, class_level=True,
                  school_class=world.school_class, theme=world.signal.theme)
    patterns_detect(as_of=BASE + dt.timedelta(days=10))
    assert Pattern.objects.get().signal_count == 2


def test_a_later_signal_grows_the_open_pattern_instead_of_a_second_one(world: World):
    theme = world.signal.theme

    def raise_on(days: int) -> None:
        signal_at(BASE + dt.timedelta(days=days), school=world.school, class_level=True,
                  school_class=world.school_class, theme=theme)

    for days in (1, 8, 15):
        raise_on(days)
    patterns_detect(as_of=BASE + dt.timedelta(days=20))
    raise_on(22)
    assert patterns_detect(as_of=BASE + dt.timedelta(days=30)) == 1
    pattern = Pattern.objects.get()
    assert pattern.signal_count == 4
    assert pattern.period_end == BASE + dt.timedelta(days=22)


def test_a_closed_pattern_is_not_reopened_by_its_own_episode(world: World):
    theme = world.signal.theme
    for days in (1, 8, 15):
        signal_at(BASE + dt.timedelta(days=days), school=world.school, class_level=True,
                  school_class=world.school_class, theme=theme)
    patterns_detect(as_of=BASE + dt.timedelta(days=20))
    Pattern.objects.update(status=PatternStatus.CLOSED)
    signal_at(BASE + dt.timedelta(days=22), school=world.school, class_level=True,
              school_class=world.school_class, theme=theme)
    assert patterns_detect(as_of=BASE + dt.timedelta(days=30)) == 0
    assert Pattern.objects.get().signal_count == 3


def test_other_themes_and_classes_do_not_add_up(world: World):
    other_class = SchoolClassFactory(school=world.school, name="groep 8")
    signal_at(BASE, school=world.school, class_level=True, school_class=world.school_class,
              theme=world.signal.theme)
    signal_at(BASE + dt.timedelta(days=1), school=world.school, class_level=True,
              school_class=other_class, theme=world.signal.theme)
    signal_at(BASE + dt.timedelta(days=2), school=world.school, class_level=True,
              school_class=world.school_class, theme=ThemeFactory())
    patterns_detect(as_of=BASE + dt.timedelta(days=10))
    assert not Pattern.objects.exists()
