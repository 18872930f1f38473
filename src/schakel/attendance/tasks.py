"""The import job: `attendance_import_job(import_id=...)`, enqueued by
`services.start.attendance_import_start` once the upload is committed. Its progress is on the
`AttendanceImport` row, which the progress page polls; the task result only says whether it
ran. Run twice, the second run finds the import done and does nothing."""

from __future__ import annotations

from django_tasks import task

from schakel.attendance.services.run import attendance_import_run


@task(queue_name="default")
def attendance_import_job(*, import_id: int) -> str:
    return attendance_import_run(import_id=import_id)
