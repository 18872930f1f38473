"""The access-log writer. Services and selectors of every app call it; nothing else writes
the log. Every row is linked into the hash chain on insert (see `models` and `chain`).

The ground is the access policy's decision as logged (`Decision.log_ground`); the writer
codes it into the row's `basis` (`audit.basis`) and copies the user on whose behalf the actor
acts (`Actor.on_behalf_of`) next to the user, so callers pass the decision's ground only.

Within `reads_together` (a request: `audit.middleware`) the read rows wait and are written
together, one link of the chain and one insert, instead of a transaction each. Any other row
first writes the waiting ones with it, and so does the start of a service's transaction
(`transactions.before_service_transactions`), so the chain keeps the order of events and a
service that rolls back cannot take the reads with it. Only inside a transaction that is not
a service's (rare) does a row go before the reads that wait, which keep their own time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.db import connection, models
from django.utils import timezone

from schakel.access.actor import Actor
from schakel.audit.basis import basis_of
from schakel.audit.events import EventCode
from schakel.audit.models import AccessEvent, Action, Outcome
from schakel.transactions import before_service_transactions

# The read rows waiting to be written, while `reads_together` runs.
_waiting: ContextVar[list[AccessEvent] | None] = ContextVar("schakel_waiting_reads",
                                                             default=None)


@dataclass(frozen=True)
class Subject:
    """What an event is about: an object and, when the object is a child's data, the child."""

    object_type: str
    object_id: str
    child_id: int | None

    @classmethod
    def of(cls, obj: models.Model, child_id: int | None) -> Subject:
        return cls(obj._meta.label_lower, str(obj.pk), child_id)


def _event(
    actor: Actor, *, event_code: EventCode, action: Action, subject: Subject, outcome: Outcome,
    ground: str, now: dt.datetime,
) -> AccessEvent:
    professional = actor.professional
    on_behalf_of = actor.on_behalf_of
    return AccessEvent(
        occurred_at=now,
        event_code=event_code.value,
        action=action,
        outcome=outcome,
        user_id=actor.user.pk,
        user_name=actor.name,
        user_function=professional.get_function_display() if professional else actor.role,
        organisation_name=professional.organisation.name if professional else (
            actor.system.organisation_name if actor.system else ""),
        ip_address=actor.ip_address,
        object_type=subject.object_type,
        object_id=subject.object_id,
        child_id=subject.child_id,
        ground=ground,
        source_system=actor.source_system,
        basis=basis_of(ground, portal=professional is None and bool(actor.role))
        if outcome == Outcome.SUCCESS else "",
        on_behalf_of_id=on_behalf_of.user_id if on_behalf_of else None,
        on_behalf_of_name=on_behalf_of.name if on_behalf_of else "",
    )


def access_event_record(
    *, actor: Actor, event_code: EventCode, action: Action, subject: Subject,
    outcome: Outcome = Outcome.SUCCESS, ground: str = "",
) -> AccessEvent:
    """One row. A code that is not an `EventCode` is a ValueError, so it is never written."""
    event = _event(
        actor, event_code=EventCode(event_code), action=action, subject=subject, outcome=outcome,
        ground=ground, now=timezone.now(),
    )
    _write([event], read=action == Action.READ and outcome == Outcome.SUCCESS)
    return event


def access_events_record(
    *, actor: Actor, event_code: EventCode, action: Action, subjects: Iterable[Subject],
    ground: str = "",
) -> int:
    """One row per subject in one query: used when a list shows several children."""
    code = EventCode(event_code)
    now = timezone.now()
    events = [
        _event(actor, event_code=code, action=action, subject=subject,
               outcome=Outcome.SUCCESS, ground=ground, now=now)
        for subject in subjects
    ]
    _write(events, read=action == Action.READ)
    return len(events)


def _write(events: list[AccessEvent], *, read: bool) -> None:
    waiting = _waiting.get()
    if waiting is None:
        AccessEvent.objects.bulk_create(events)
    elif read:
        waiting.extend(events)
    elif _in_transaction():
        AccessEvent.objects.bulk_create(events)
    else:
        together = [*waiting, *events]
        waiting.clear()
        AccessEvent.objects.bulk_create(together)


def _in_transaction() -> bool:
    """Inside a transaction that may still roll back (the test case's own is not one)."""
    return any(not getattr(block, "_from_testcase", False) for block in connection.atomic_blocks)


def waiting_reads_write() -> None:
    """Write the read rows that wait, now."""
    waiting = _waiting.get()
    if waiting and not _in_transaction():
        events = list(waiting)
        waiting.clear()
        AccessEvent.objects.bulk_create(events)


@contextmanager
def reads_together() -> Iterator[None]:
    """Within: read rows are written together (see the module's docstring); all of them are
    written when the block ends, also when it raises."""
    waiting: list[AccessEvent] = []
    token = _waiting.set(waiting)
    try:
        yield
    finally:
        _waiting.reset(token)
        if waiting:
            AccessEvent.objects.bulk_create(waiting)


before_service_transactions(waiting_reads_write)
