"""The import as a background job: enqueued once the upload commits, run by a worker, its
progress committed while it checks (the page polls it); run twice, the second run does
nothing."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.base import ContentFile
from django_tasks_db.models import DBTaskResult

from schakel.attendance.models import AbsenceRecord, AttendanceImport, ImportStatus
from schakel.attendance.services import run
from schakel.attendance.services.start import attendance_import_start
from schakel.attendance.tasks import attendance_import_job
from tests.attendance.support import AttendanceWorld, dmy, magister_csv
from tests.jobs.processes import run_worker_in_process

transactional = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def database_task_backend(settings: Any) -> None:
    settings.TASKS = {"default": {**settings.TASKS["default"],
                                  "BACKEND": "django_tasks_db.DatabaseBackend"}}


@transactional
def test_a_worker_runs_the_import_and_a_second_run_changes_nothing(att: AttendanceWorld) -> None:
    attendance_import = attendance_import_start(
        actor=att.actor(), profile=att.profiles["magister"],
        file=ContentFile(magister_csv(att.monday).encode()), file_name="week.csv")
    assert DBTaskResult.objects.count() == 1  # enqueued on commit (autocommit here)
    attendance_import_job.enqueue(import_id=attendance_import.pk)  # by mistake, again
    run_worker_in_process()
    first, second = DBTaskResult.objects.order_by("enqueued_at")
    assert (first.status, first.return_value) == ("SUCCESSFUL", ImportStatus.DONE)
    assert (second.status, second.return_value) == ("SUCCESSFUL", ImportStatus.DONE)
    attendance_import.refresh_from_db()
    assert (attendance_import.created_count, attendance_import.total_rows) == (4, 4)
    assert AbsenceRecord.objects.count() == 4


@transactional
def test_progress_is_committed_while_checking(att: AttendanceWorld,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(run, "CHUNK_ROWS", 2)
    day = dmy(att.monday)
    rows = [[str(700 + lesson), "1001", f"{day} 08:30", f"{day} 09:20", str(lesson), "nee",
             "1", "A", ""] for lesson in range(1, 9)]
    attendance_import = att.start(magister_csv(att.monday, rows=rows))
    seen: list[tuple[str, int]] = []

    def progress(current: AttendanceImport) -> None:
        stored = AttendanceImport.objects.get(pk=current.pk)  # as the polling page reads it
        seen.append((stored.status, stored.processed_rows))

    run.attendance_import_run(import_id=attendance_import.pk, progress=progress)
    assert seen == [("checking", 2), ("checking", 4), ("checking", 6), ("checking", 8),
                    ("checking", 8), ("writing", 8), ("done", 8)]
    assert AbsenceRecord.objects.count() == 8


@transactional
def test_the_job_refuses_when_the_uploader_left_the_core_team(att: AttendanceWorld) -> None:
    attendance_import = att.start(magister_csv(att.monday))
    att.core.team_memberships.all().delete()
    assert run.attendance_import_run(import_id=attendance_import.pk) == ImportStatus.FAILED
    assert not AbsenceRecord.objects.exists()
