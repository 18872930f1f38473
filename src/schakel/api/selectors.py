"""The API's own reads: which client a token belongs to; the attendance imports a client
started."""

from __future__ import annotations

from typing import Any

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.api.models import ApiClient
from schakel.attendance.models import AttendanceImport, ImportRowError
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.writer import Subject

# The per-row report shown with an import's status: its first problems (all of them are in
# the page's CSV report).
IMPORT_ERRORS_SHOWN = 1000


def client_of_token(token: Any) -> ApiClient | None:
    """The Schakel client of an access token's application, with its account; None for an
    application that is no Schakel client, or whose account was removed."""
    return (ApiClient.objects.select_related("user", "organisation")
            .filter(application_id=token.application_id).first())


def client_attendance_import_get(
    *, actor: Actor, import_id: int,
) -> tuple[AttendanceImport, list[ImportRowError]]:
    """An attendance import this client started, with its first problems; 404 (logged)
    for any other."""
    attendance_import = (AttendanceImport.objects.select_related("school", "profile")
                         .filter(pk=import_id).first())
    subject = Subject("attendance.attendanceimport", str(import_id), None)
    decision = (policy.may_read_attendance_import_status(actor, attendance_import)
                if attendance_import is not None else policy.DENY)
    enforce(actor, decision, event_code=EventCode.ATTENDANCE_IMPORT_VIEW, action=Action.READ,
            subject=subject)
    assert attendance_import is not None  # noqa: S101 - enforce raised otherwise
    return attendance_import, list(attendance_import.row_errors.all()[:IMPORT_ERRORS_SHOWN])
