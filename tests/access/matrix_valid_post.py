"""The valid POST of one (write URL, role) cell of the matrix: what came back, what it
changed in the database and what it wrote to the access log, against `WRITES`.

Every cell starts from the same world (each test runs in a savepoint of the module's world,
rolled back after it), so "nothing changed" is checked against the state the world had when
it was built (`MatrixWorld.baseline`), and only for the tables the request wrote to: every
INSERT, UPDATE and DELETE statement is watched. Reading that state once per cell, for every
table, would take longer than the request itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db import connection
from django.db.models import Max

from schakel.audit.models import AccessEvent, Outcome as LogOutcome
from tests.access.matrix_request import Outcome, request_cell
from tests.access.matrix_urls import Expected, Pattern
from tests.access.matrix_world import MatrixWorld
from tests.access.matrix_write import Write

# What any request may write: the session (its times), django-axes' record of sign-in
# attempts, and the access log (reads are logged; refusals are counted on their own).
NOISY_APPS = frozenset({"sessions", "axes", "audit"})
NOISY_MODELS = frozenset({"accounts.UserSession"})

State = dict[str, list[tuple[Any, ...]]]

_WRITE_STATEMENT = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?',
                              re.IGNORECASE)


def _is_watched(label: str) -> bool:
    return label not in NOISY_MODELS and label.split(".")[0] not in NOISY_APPS


def world_state(labels: Iterable[str] | None = None) -> State:
    """Every row of the watched tables (or of those named), many-to-many tables included."""
    wanted = None if labels is None else set(labels)
    return {
        model._meta.label: list(model._base_manager.order_by("pk").values_list())
        for model in apps.get_models(include_auto_created=True)
        if _is_watched(model._meta.label) and (wanted is None or model._meta.label in wanted)}


@contextmanager
def tables_written() -> Iterator[set[str]]:
    """The labels of the models whose tables the block wrote to."""
    by_table = {model._meta.db_table: model._meta.label
                for model in apps.get_models(include_auto_created=True)}
    written: set[str] = set()

    def watch(execute: Callable[..., Any], sql: str, params: Any, many: bool,
              context: dict[str, Any]) -> Any:
        match = _WRITE_STATEMENT.match(sql)
        if match:
            written.add(by_table.get(match.group(1), match.group(1)))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(watch):
        yield written


@dataclass(frozen=True)
class Observed:
    outcome: Outcome
    effect_changed: bool
    # Watched tables whose rows differ from the world's baseline, with what is new in them.
    tables_changed: dict[str, list[tuple[Any, ...]]]
    refusals: int

    @property
    def as_expected(self) -> Expected:
        response = self.outcome.as_expected()
        return Expected(response.status, sign_in=response.sign_in,
                        shows_child=response.shows_child,
                        changes=self.effect_changed or bool(self.tables_changed),
                        logs_refusal=self.refusals > 0)


def post_valid(world: MatrixWorld, pattern: Pattern, role: str, write: Write) -> Observed:
    """POST the write's payload as the role; what came back, changed and was logged."""
    effect_before = write.effect(world)
    last_event = AccessEvent.objects.aggregate(last=Max("pk"))["last"] or 0
    with tables_written() as written:
        outcome = request_cell(world, pattern, "POST", role, write.payload(world))
    watched = sorted(label for label in written if _is_watched(label))
    after = world_state(watched)
    changed = {label: [row for row in rows if row not in world.baseline[label]]
               for label, rows in after.items() if rows != world.baseline[label]}
    refusals = AccessEvent.objects.filter(pk__gt=last_event, outcome=LogOutcome.DENIED).count()
    return Observed(outcome=outcome, effect_changed=write.effect(world) != effect_before,
                    tables_changed=changed, refusals=refusals)


def problems(expected: Expected, observed: Observed) -> list[str]:
    """What in the observed cell differs from the expected one, in words."""
    found: list[str] = []
    outcome = observed.outcome
    if outcome.status in (403, 500):
        found.append(f"answered {outcome.status}")
    if outcome.as_expected() != expected.response:
        found.append(f"answered {outcome.as_expected()} (Location: {outcome.location!r}), "
                     f"not {expected.response}")
    if expected.changes and not observed.effect_changed:
        found.append("the write did not happen: its effect is unchanged")
    if not expected.changes:
        if observed.effect_changed:
            found.append("the write happened: its effect changed")
        for label, new_rows in observed.tables_changed.items():
            found.append(f"changed {label}: new or altered rows {new_rows[:2]!r}")
    if expected.logs_refusal and not observed.refusals:
        found.append("no refusal row in the access log")
    if observed.refusals and not expected.logs_refusal:
        found.append(f"{observed.refusals} refusal row(s) in the access log")
    return found
