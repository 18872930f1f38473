"""A worker is killed (SIGKILL) in the middle of a job: the job completes on the next run.

django-tasks-db leaves the job RUNNING, claimed by a worker that is gone, and never runs it
again. The scheduler (`manage.py jobs_schedule`, every few minutes) gives a job RUNNING for
longer than SCHAKEL_JOBS_STALE_AFTER_MINUTES back to the queue (`stale_jobs_reclaim`), and
the next worker runs the same job to the end. The job is the e-mail job of three
notifications, stopped after the first mail (tests/jobs/mailbox.py: the gated backend); it
sends the other two, none twice."""

from __future__ import annotations

import os
import signal
from collections import Counter

import pytest
from django_tasks_db.models import DBTaskResult

from schakel.notifications.models import Notification, NotificationKind
from schakel.notifications.services import notification_send
from tests.factories import UserFactory
from tests.jobs.processes import DEADLINE_SECONDS, Processes, wait_until

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_job_whose_worker_was_killed_completes_on_the_next_run(
        processes: Processes, monkeypatch: pytest.MonkeyPatch) -> None:
    users = [UserFactory() for _ in range(3)]
    notification_send(recipients=users, kind=NotificationKind.CASE_CLOSED, message="x")
    job = DBTaskResult.objects.get()

    worker = processes.start_worker(gated=True)
    try:
        wait_until(lambda: processes.waiting.exists() or worker.poll() is not None,
                   what="the e-mail job stands halfway")
        assert worker.poll() is None, processes.log("worker")
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait(timeout=DEADLINE_SECONDS)
    finally:
        processes.kill(worker)
    job.refresh_from_db()
    assert job.status == "RUNNING"
    assert len(job.worker_ids) == 1

    # The scheduler as cron runs it, a moment later: not stale yet, then stale.
    schedule = processes.start("jobs_schedule", log="schedule")
    assert schedule.wait(timeout=DEADLINE_SECONDS * 4) == 0, processes.log("schedule")
    job.refresh_from_db()
    assert job.status == "RUNNING"
    monkeypatch.setenv("SCHAKEL_JOBS_STALE_AFTER_MINUTES", "0")
    schedule = processes.start("jobs_schedule", log="schedule")
    assert schedule.wait(timeout=DEADLINE_SECONDS * 4) == 0, processes.log("schedule")
    assert f"job {job.pk}: its worker was lost; ready to run again" in processes.log("schedule")
    job.refresh_from_db()
    assert job.status == "READY"

    processes.run_worker_batch()
    job.refresh_from_db()
    assert job.status == "SUCCESSFUL", processes.log("worker")
    assert job.return_value == 2  # the two that were still to be sent
    assert len(job.worker_ids) == 2
    assert Counter(m["To"] for m in processes.messages()) == Counter(u.email for u in users)
    assert not Notification.objects.filter(emailed_at__isnull=True).exists()
