"""The attendance jobs.

- `attendance_import_job(import_id=...)`, enqueued by `services.start.attendance_import_start`
  once the upload is committed. Its progress is on the `AttendanceImport` row, which the
  progress page polls; the task result only says whether it ran. Run twice, the second run
  finds the import done and does nothing.
- `attendance_figures_daily_job(today=...)`, from the schedule: the figures of every school
  that imports attendance, as of that day (the rolling windows move with the day even
  without a new record). Run twice, it stores the same figures.
"""

from __future__ import annotations

import datetime as dt

from django_tasks import task

from schakel.attendance.models import AbsenceRecord, ImportProfile
from schakel.attendance.services.figures import attendance_figures_recompute
from schakel.attendance.services.run import attendance_import_run


@task(queue_name="default")
def attendance_import_job(*, import_id: int) -> str:
    return attendance_import_run(import_id=import_id)


@task(queue_name="default")
def attendance_figures_daily_job(*, today: str) -> int:
    """The number of schools recomputed."""
    day = dt.date.fromisoformat(today)
    school_ids = sorted(
        set(ImportProfile.objects.values_list("school_id", flat=True))
        | set(AbsenceRecord.objects.values_list("school_id", flat=True).distinct()))
    for school_id in school_ids:  # one school at a time: memory stays one school's
        attendance_figures_recompute(school_ids=[school_id], as_of=day)
    return len(school_ids)
