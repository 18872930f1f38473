"""Writing the access log. Services and selectors call these; nothing else writes it.
Every row is linked into the hash chain on insert (see `models` and `chain`).

Also the export of a child's access log for a request of access (inzage, Jeugdwet 7.3.10,
AVG art. 15), which is itself logged."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.audit.models import AccessEvent, Action, Outcome


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
    actor: Actor, *, event_code: str, action: Action, subject: Subject, outcome: Outcome,
    ground: str, now: dt.datetime,
) -> AccessEvent:
    professional = actor.professional
    return AccessEvent(
        occurred_at=now,
        event_code=event_code,
        action=action,
        outcome=outcome,
        user_id=actor.user.pk,
        user_name=actor.name,
        user_function=professional.get_function_display() if professional else actor.role,
        organisation_name=professional.organisation.name if professional else "",
        ip_address=actor.ip_address,
        object_type=subject.object_type,
        object_id=subject.object_id,
        child_id=subject.child_id,
        ground=ground,
    )


def access_event_record(
    *, actor: Actor, event_code: str, action: Action, subject: Subject,
    outcome: Outcome = Outcome.SUCCESS, ground: str = "",
) -> AccessEvent:
    event = _event(
        actor, event_code=event_code, action=action, subject=subject, outcome=outcome,
        ground=ground, now=timezone.now(),
    )
    event.save()
    return event


def access_events_record(
    *, actor: Actor, event_code: str, action: Action, subjects: Iterable[Subject],
    ground: str = "",
) -> int:
    """One row per subject in one query: used when a list shows several children."""
    now = timezone.now()
    events = [
        _event(actor, event_code=event_code, action=action, subject=subject,
               outcome=Outcome.SUCCESS, ground=ground, now=now)
        for subject in subjects
    ]
    AccessEvent.objects.bulk_create(events)
    return len(events)


# --- export for a request of access (inzage) ---------------------------------------------

EXPORT_CHUNK_SIZE = 2000
# Spreadsheet programs run cells that start with these as formulas (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(_FORMULA_START) else text


def _utc_iso(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def access_log_export_header() -> list[str]:
    """The NEN 7513 fields, in the user's language."""
    return [
        _("Date and time (UTC)"), _("Event"), _("Action code"), _("Action"), _("Outcome"),
        _("User id"), _("User"), _("Role"), _("Organisation"), _("Access point"),
        _("Object type"), _("Object id"), _("Client (child) id"), _("Ground"),
        _("Source system"),
    ]


def _export_row(event: AccessEvent) -> list[str]:
    return [_cell(v) for v in (
        _utc_iso(event.occurred_at), event.event_code, event.action,
        event.get_action_display(), event.get_outcome_display(), event.user_id,
        event.user_name, event.user_function, event.organisation_name, event.ip_address,
        event.object_type, event.object_id, event.child_id, event.ground, event.source_system,
    )]


class _Line:
    """A file-like object for `csv.writer` that hands back each line."""

    def write(self, value: str) -> str:
        return value


def access_log_export(*, actor: Actor, child_id: int) -> Iterator[str]:
    """Every access to one child's data, oldest first, as CSV lines (UTF-8 with BOM,
    semicolon-separated, as spreadsheet programs in Dutch expect). Only for the log
    administrator; refused is 404 and logged. The export itself is logged (action E) before
    the first line is produced, so it is part of what it exports."""
    subject = Subject("audit.accessevent", "", child_id)
    decision = policy.audit_log_read(actor)
    # As `audit.enforce` does (which imports this module, hence not used here).
    access_event_record(
        actor=actor, event_code="access_log.export", action=Action.EXECUTE, subject=subject,
        outcome=Outcome.SUCCESS if decision else Outcome.DENIED, ground=decision.log_ground,
    )
    if not decision:
        raise Http404
    events = AccessEvent.objects.filter(child_id=child_id).order_by("occurred_at", "pk")
    return _export_lines(events.iterator(chunk_size=EXPORT_CHUNK_SIZE))


def _export_lines(events: Iterator[AccessEvent]) -> Iterator[str]:
    writer = csv.writer(_Line(), delimiter=";", lineterminator="\r\n")
    yield "\ufeff" + writer.writerow(access_log_export_header())
    for event in events:
        yield writer.writerow(_export_row(event))
