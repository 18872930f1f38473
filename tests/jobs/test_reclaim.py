"""The scheduler gives the jobs of a lost worker back to the queue (`stale_jobs_reclaim`);
with a real killed worker: tests/faults/test_worker_killed.py."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django_tasks_db.models import DBTaskResult

from schakel.jobs.services import WORKER_LOST, stale_jobs_reclaim

NOW = dt.datetime(2026, 5, 4, 7, 0, tzinfo=dt.UTC)


def _job(*, status: str = "RUNNING", started_minutes_ago: int,
         workers: int) -> DBTaskResult[Any, Any]:
    return DBTaskResult.objects.create(
        status=status, task_path="schakel.notifications.tasks.notification_emails_sweep",
        args_kwargs={"args": [], "kwargs": {}}, backend_name="default", queue_name="email",
        run_after=NOW - dt.timedelta(hours=2),
        started_at=NOW - dt.timedelta(minutes=started_minutes_ago),
        worker_ids=[f"worker-{n}" for n in range(workers)])


@pytest.mark.parametrize(("minutes", "stale_after", "expected"), [
    (61, 60, "READY"), (59, 60, "RUNNING"), (60, 60, "RUNNING"), (1, 0, "READY")])
def test_a_job_running_longer_than_the_limit_is_ready_again(
        db: None, settings: Any, minutes: int, stale_after: int, expected: str) -> None:
    settings.SCHAKEL_JOBS_STALE_AFTER_MINUTES = stale_after
    job = _job(started_minutes_ago=minutes, workers=1)
    outcome = stale_jobs_reclaim(now=NOW)
    job.refresh_from_db()
    assert job.status == expected
    assert outcome.requeued == ([str(job.pk)] if expected == "READY" else [])
    assert outcome.failed == []


def test_a_job_that_lost_its_worker_too_often_fails(db: None, settings: Any) -> None:
    settings.SCHAKEL_JOBS_MAX_ATTEMPTS = 3
    again = _job(started_minutes_ago=120, workers=2)
    lost = _job(started_minutes_ago=120, workers=3)
    outcome = stale_jobs_reclaim(now=NOW)
    again.refresh_from_db()
    lost.refresh_from_db()
    assert (again.status, lost.status) == ("READY", "FAILED")
    assert lost.exception_class_path == WORKER_LOST
    assert "lost 3 times" in lost.traceback
    assert lost.finished_at == NOW
    assert (outcome.requeued, outcome.failed) == ([str(again.pk)], [str(lost.pk)])


def test_other_jobs_are_left_alone(db: None) -> None:
    for status in ("READY", "SUCCESSFUL", "FAILED"):
        _job(status=status, started_minutes_ago=600, workers=1)
    assert stale_jobs_reclaim(now=NOW).requeued == []
    assert sorted(DBTaskResult.objects.values_list("status", flat=True)) == [
        "FAILED", "READY", "SUCCESSFUL"]
