"""Starting an import: the upload is stored and its job enqueued once that is committed; a
file with errors is run again, importing its valid rows, when the user explicitly asks."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.utils.translation import gettext as _

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.attendance.models import AttendanceImport, ImportProfile, ImportStatus
from schakel.attendance.tasks import attendance_import_job
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.writer import Subject, access_event_record
from schakel.transactions import service_transaction

MAX_FILE_NAME = 255


def _enqueue(import_id: int) -> None:
    attendance_import_job.enqueue(import_id=import_id)


def attendance_import_start(
    *, actor: Actor, profile: ImportProfile, file: File[bytes], file_name: str,
    import_valid_rows: bool = False, enqueue: bool = True,
) -> AttendanceImport:
    """Store the file and enqueue its import (`enqueue=False`: the caller runs it, as the
    command does)."""
    decision = enforce(actor, policy.may_import_attendance(actor, profile.school_id),
                       event_code=EventCode.ATTENDANCE_IMPORT_UPLOAD, action=Action.CREATE,
                       subject=Subject.of(profile, None))
    professional = actor.require_professional()
    name = file_name.replace("\\", "/").rsplit("/", 1)[-1][:MAX_FILE_NAME] or "import"
    with service_transaction():
        attendance_import = AttendanceImport(
            profile=profile, school_id=profile.school_id, imported_by=professional,
            file_name=name, import_valid_rows=import_valid_rows)
        attendance_import.file.save(name, file, save=False)
        attendance_import.save()
        access_event_record(actor=actor, event_code=EventCode.ATTENDANCE_IMPORT_UPLOAD,
                            action=Action.CREATE, subject=Subject.of(attendance_import, None),
                            ground=decision.log_ground)
        if enqueue:
            import_id = attendance_import.pk
            transaction.on_commit(lambda: _enqueue(import_id))
    return attendance_import


def attendance_import_valid_rows(
    *, actor: Actor, attendance_import: AttendanceImport,
) -> AttendanceImport:
    """The user saw the errors and chooses to import the valid rows of the file."""
    decision = enforce(actor, policy.may_view_attendance_import(actor, attendance_import),
                       event_code=EventCode.ATTENDANCE_IMPORT_UPLOAD, action=Action.UPDATE,
                       subject=Subject.of(attendance_import, None))
    if attendance_import.status != ImportStatus.HAS_ERRORS:
        raise ValidationError(_("Only an import that found errors can import its valid rows."))
    with service_transaction():
        updated = AttendanceImport.objects.filter(
            pk=attendance_import.pk, status=ImportStatus.HAS_ERRORS).update(
            status=ImportStatus.QUEUED, import_valid_rows=True, finished_at=None)
        if not updated:
            raise ValidationError(_("Only an import that found errors can import its valid "
                                    "rows."))
        access_event_record(actor=actor, event_code=EventCode.ATTENDANCE_IMPORT_UPLOAD,
                            action=Action.UPDATE, subject=Subject.of(attendance_import, None),
                            ground=decision.log_ground)
        import_id = attendance_import.pk
        transaction.on_commit(lambda: _enqueue(import_id))
    attendance_import.refresh_from_db()
    return attendance_import
