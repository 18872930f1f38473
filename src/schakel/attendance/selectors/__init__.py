"""Reads of the import pages: the profiles a core-team member may import with, one import
with its progress and errors. No child's record is read here: an import is about a file (its
counts and the problems of its rows); the records themselves are read by the pages of the
engine's figures, which log their reads."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.attendance.models import AttendanceImport, ImportProfile, ImportRowError
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.writer import Subject
from schakel.organisations.models import School

RECENT_IMPORTS = 20
ERRORS_ON_PAGE = 100


def import_profiles_for(*, actor: Actor) -> list[ImportProfile]:
    """The import page's profiles; someone in no school's core team gets the 404."""
    enforce(actor, policy.may_import_attendance_somewhere(actor),
            event_code=EventCode.ATTENDANCE_IMPORT_VIEW, action=Action.READ,
            subject=Subject("attendance.importprofile", "", None))
    return list(ImportProfile.objects.filter(
        school_id__in=sorted(policy.attendance_import_school_ids(actor)))
        .select_related("school").order_by("school__name", "name"))


def import_schools_for(*, actor: Actor) -> list[School]:
    """The schools the actor imports for (the choice of a new profile's school)."""
    return list(School.objects.filter(
        pk__in=sorted(policy.attendance_import_school_ids(actor))).order_by("name"))


def recent_imports_for(*, actor: Actor) -> list[AttendanceImport]:
    return list(AttendanceImport.objects.filter(
        school_id__in=sorted(policy.attendance_import_school_ids(actor)))
        .select_related("school", "profile", "imported_by")[:RECENT_IMPORTS])


def attendance_import_get(*, actor: Actor, import_id: int) -> AttendanceImport:
    attendance_import = (AttendanceImport.objects
                         .select_related("school", "profile", "imported_by")
                         .filter(pk=import_id).first())
    subject = Subject("attendance.attendanceimport", str(import_id), None)
    if attendance_import is None:
        enforce(actor, policy.DENY, event_code=EventCode.ATTENDANCE_IMPORT_VIEW,
                action=Action.READ, subject=subject)
    assert attendance_import is not None  # noqa: S101 - enforce raised otherwise
    enforce(actor, policy.may_view_attendance_import(actor, attendance_import),
            event_code=EventCode.ATTENDANCE_IMPORT_VIEW, action=Action.READ, subject=subject)
    return attendance_import


def import_first_errors(*, attendance_import: AttendanceImport) -> list[ImportRowError]:
    """The first problems, for the page (all of them are in the report)."""
    return list(attendance_import.row_errors.all()[:ERRORS_ON_PAGE])


def import_error_report(*, attendance_import: AttendanceImport) -> Iterator[str]:
    """The error report as CSV lines (`;`, with a BOM so Excel reads it as UTF-8)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")

    def flush() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    writer.writerow(["regel", "kolom", "melding"])
    yield "\ufeff" + flush()
    for line, column, message in attendance_import.row_errors.values_list(
            "line", "column", "message").iterator(chunk_size=2000):
        writer.writerow([line, column, message])
        yield flush()
