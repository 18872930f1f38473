"""The export of a child's access log for a request of access (inzage, Jeugdwet 7.3.10,
AVG art. 15), which is itself logged."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator

from django.utils.translation import gettext as _

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import AccessEvent, Action
from schakel.audit.writer import Subject, access_event_record

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
        _("User id"), _("User"), _("Role"), _("Organisation"),
        _("On behalf of (user id)"), _("On behalf of"), _("Access point"),
        _("Object type"), _("Object id"), _("Client (child) id"), _("Basis code"), _("Basis"),
        _("Ground"), _("Source system"),
    ]


def _export_row(event: AccessEvent) -> list[str]:
    return [_cell(v) for v in (
        _utc_iso(event.occurred_at), event.event_code, event.action,
        event.get_action_display(), event.get_outcome_display(), event.user_id,
        event.user_name, event.user_function, event.organisation_name,
        event.on_behalf_of_id, event.on_behalf_of_name, event.ip_address,
        event.object_type, event.object_id, event.child_id, event.basis,
        event.get_basis_display() if event.basis else "", event.ground, event.source_system,
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
    decision = policy.may_read_access_log(actor)
    enforce(actor, decision, event_code=EventCode.ACCESS_LOG_EXPORT, action=Action.EXECUTE,
            subject=subject)
    access_event_record(actor=actor, event_code=EventCode.ACCESS_LOG_EXPORT, action=Action.EXECUTE,
                        subject=subject, ground=decision.log_ground)
    events = AccessEvent.objects.filter(child_id=child_id).order_by("occurred_at", "pk")
    return _export_lines(events.iterator(chunk_size=EXPORT_CHUNK_SIZE))


def _export_lines(events: Iterator[AccessEvent]) -> Iterator[str]:
    writer = csv.writer(_Line(), delimiter=";", lineterminator="\r\n")
    yield "\ufeff" + writer.writerow(access_log_export_header())
    for event in events:
        yield writer.writerow(_export_row(event))
