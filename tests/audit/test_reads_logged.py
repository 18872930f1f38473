"""Reads of a child's data are logged by construction: every public selector is a logged read
(`audit.reads.logged_read`) or is listed here with why it returns no child's data, and every
logged read leaves a row naming the child it showed."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from types import ModuleType

import pytest
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext

import schakel
from schakel.access import policy
from schakel.access.actor import Actor
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import AccessEvent, Action, Outcome
from schakel.audit.reads import LOGGED_READS, logged_read
from schakel.audit.writer import Subject
from schakel.cases.selectors import (
    case_get,
    case_list_page,
)
from schakel.signals.selectors import (
    signals_for_child,
)
from tests.audit.read_scenarios import READS
from tests.audit.unlogged_selectors import NOT_CHILD_DATA
from tests.conftest import World
from tests.factories import (
    CaseFactory,
)


def _selector_modules() -> list[ModuleType]:
    modules = []
    for app in pkgutil.iter_modules(schakel.__path__):
        name = f"schakel.{app.name}.selectors"
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name == name:
                continue
            raise
        modules.append(module)
        if hasattr(module, "__path__"):
            modules += [importlib.import_module(f"{name}.{sub.name}")
                        for sub in pkgutil.iter_modules(module.__path__)]
    return modules


def _public_selectors() -> list[str]:
    return sorted(
        f"{module.__name__}.{name}" for module in _selector_modules()
        for name, function in inspect.getmembers(module, inspect.isfunction)
        if function.__module__ == module.__name__ and not name.startswith("_"))


def _short(name: str) -> str:
    return name.removeprefix("schakel.")


def test_every_public_selector_is_a_logged_read_or_returns_no_child_data() -> None:
    selectors = _public_selectors()
    assert len(selectors) > 60
    unaccounted = [_short(s) for s in selectors
                   if s not in LOGGED_READS and _short(s) not in NOT_CHILD_DATA]
    assert unaccounted == []
    both = [_short(s) for s in selectors if s in LOGGED_READS and _short(s) in NOT_CHILD_DATA]
    assert both == []
    stale = set(NOT_CHILD_DATA) - {_short(s) for s in selectors}
    assert stale == set()
    assert all(reason.strip() for reason in NOT_CHILD_DATA.values())


def test_every_logged_read_has_a_code_and_subjects() -> None:
    assert len(LOGGED_READS) >= 35
    for name, entry in LOGGED_READS.items():
        assert entry.selector == name
        assert isinstance(entry.event_code, EventCode) or callable(entry.event_code), name
        assert callable(entry.subjects), name


# --- each logged read leaves a row naming the child it showed ----------------------------


def test_every_logged_read_has_a_scenario_below() -> None:
    assert sorted(READS) == sorted(_short(name) for name in LOGGED_READS)


@pytest.mark.parametrize("name", sorted(READS))
def test_a_logged_read_leaves_a_row_naming_the_child(world: World, name: str) -> None:
    read, actor, child_id = READS[name](world)[name]
    entry = LOGGED_READS[f"schakel.{name}"]
    before = AccessEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    result = read()
    rows = AccessEvent.objects.filter(pk__gt=before)
    codes = set(EventCode) if callable(entry.event_code) else {entry.event_code}
    mine = [row for row in rows if row.child_id == child_id and row.user_id == actor.user.pk
            and row.event_code in codes and row.action == Action.READ
            and row.outcome == Outcome.SUCCESS]
    assert mine, (name, [(r.event_code, r.child_id) for r in rows])
    assert mine[0].event_code == entry.code_of(result)


# --- the mechanism -----------------------------------------------------------------------


def test_the_rows_go_on_the_ground_that_allowed_the_read(world: World) -> None:
    case_get(actor=world.actor(world.nurse), case_id=world.case.pk)
    event = AccessEvent.objects.get()
    assert (event.event_code, event.ground, event.object_id) == (
        "case.view", policy.may_read_case(world.actor(world.nurse), world.case).log_ground,
        str(world.case.pk))


def test_a_refused_read_leaves_only_the_refusal(world: World) -> None:
    with pytest.raises(Http404):
        case_get(actor=world.actor(world.outsider), case_id=world.case.pk)
    assert [(e.event_code, e.outcome) for e in AccessEvent.objects.all()] == [
        ("case.view", Outcome.DENIED)]


def test_a_list_is_logged_in_one_insert(world: World) -> None:
    for _ in range(5):
        CaseFactory(coordinator=world.nurse, school=world.school, consented=True)
    with CaptureQueriesContext(connection) as queries:
        page = case_list_page(actor=world.actor(world.nurse), page_number=1)
    inserts = [q for q in queries.captured_queries
               if q["sql"].startswith('INSERT INTO "audit_accessevent"')]
    assert len(inserts) == 1
    assert AccessEvent.objects.count() == len(page.object_list) == 6


def test_a_read_that_shows_nothing_writes_nothing(world: World) -> None:
    with CaptureQueriesContext(connection) as queries:
        assert signals_for_child(actor=world.actor(world.outsider), child_id=world.child.pk) == []
    assert not AccessEvent.objects.exists()
    assert not any("audit_accessevent" in q["sql"] for q in queries.captured_queries)


def test_a_logged_read_takes_the_actor_first_by_keyword() -> None:
    def subjects(result: object) -> list[Subject]:
        return []

    with pytest.raises(TypeError, match="actor"):
        @logged_read(event_code=EventCode.CASE_VIEW, subjects=subjects)
        def positional(actor: Actor) -> object:
            return None

    with pytest.raises(TypeError, match="actor"):
        @logged_read(event_code=EventCode.CASE_VIEW, subjects=subjects)
        def actor_second(*, case_id: int, actor: Actor) -> object:
            return None


def test_a_decision_outside_a_logged_read_goes_nowhere(world: World) -> None:
    decision = policy.may_read_case(world.actor(world.nurse), world.case)
    assert enforce(world.actor(world.nurse), decision, event_code=EventCode.CASE_VIEW,
                   action=Action.READ, subject=Subject.of(world.case, world.child.pk)) == decision
    assert not AccessEvent.objects.exists()
