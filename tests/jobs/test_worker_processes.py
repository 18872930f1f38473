"""Jobs run by real `manage.py db_worker` processes on the test database: the e-mail job, the
retention run (twice: the second changes nothing), and a worker killed halfway through the
e-mail job, whose work the scheduler's daily sweep completes in the next worker."""

from __future__ import annotations

import datetime as dt
import os
import signal
from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from schakel.cases.models import Case
from schakel.dates import add_years
from schakel.jobs.models import ScheduledRun
from schakel.notifications.models import Notification, NotificationKind
from schakel.notifications.services import notification_send
from schakel.notifications.tasks import notification_emails_send
from schakel.retention.models import RetentionRun
from schakel.retention.tasks import retention_run_job
from tests.conftest import take_snapshot
from tests.factories import UserFactory
from tests.jobs.processes import Processes, wait_until
from tests.retention.fixtures import CLOSED_ON, build_world

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

CASE_EXPIRES_ON = add_years(CLOSED_ON, 20)


def test_a_worker_process_emails_the_notifications(processes: Processes) -> None:
    anne, tom, nobody = UserFactory(), UserFactory(), UserFactory(email="")
    notification_send(recipients=[anne, tom, nobody], kind=NotificationKind.CASE_CLOSED,
                      message="Casus C2026-000001 is gesloten.")
    job = DBTaskResult.objects.get()
    assert job.status == "READY"
    processes.run_worker_batch()
    result = notification_emails_send.get_result(str(job.pk))
    assert result.status == "SUCCESSFUL"
    assert result.return_value == 2
    assert result.worker_ids  # claimed by the worker process
    messages = processes.messages()
    assert sorted(m["To"] for m in messages) == sorted([anne.email, tom.email])
    assert {m["Subject"] for m in messages} == {"New notification in Schakel"}
    assert set(Notification.objects.filter(emailed_at__isnull=False).values_list(
        "recipient_id", flat=True)) == {anne.pk, tom.pk}


def test_a_worker_process_runs_the_retention_job_and_a_second_run_changes_nothing(
        processes: Processes) -> None:
    rw = build_world()
    first = retention_run_job.enqueue(today=CASE_EXPIRES_ON.isoformat())
    processes.run_worker_batch()
    first.refresh()
    assert first.status == "SUCCESSFUL"
    assert first.return_value is not None
    assert first.return_value["today"] == CASE_EXPIRES_ON.isoformat()
    assert first.return_value["results"]["case_content"]["count"] == 2
    assert not Case.objects.filter(pk=rw.case.pk).exists()

    before = take_snapshot()
    second = retention_run_job.enqueue(today=CASE_EXPIRES_ON.isoformat())
    processes.run_worker_batch()
    second.refresh()
    assert second.status == "SUCCESSFUL"
    assert second.return_value is not None
    deleted = {category: result["count"] for category, result in
               second.return_value["results"].items() if result["action"] != "report"}
    assert deleted
    assert set(deleted.values()) == {0}
    assert take_snapshot() == before
    assert RetentionRun.objects.count() == 2


def test_a_worker_killed_halfway_is_completed_by_the_next_run(processes: Processes) -> None:
    users = [UserFactory() for _ in range(3)]
    notification_send(recipients=users, kind=NotificationKind.CASE_CLOSED, message="x")
    job = DBTaskResult.objects.get()

    # The mail backend stands still before the second message until the gate file appears.
    worker = processes.start_worker(gated=True)
    try:
        wait_until(lambda: processes.waiting.exists() or worker.poll() is not None,
                   what="the e-mail job stands halfway")
        assert worker.poll() is None, processes.log("worker")
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait(timeout=30)
    finally:
        processes.kill(worker)
    assert worker.returncode == -signal.SIGKILL

    # Halfway: the first mail is out and marked, the others are pending; the job's row stays
    # RUNNING, claimed by a worker that is gone (the backend does not retry it).
    assert [m["To"] for m in processes.messages()] == [users[0].email]
    emailed = Notification.objects.filter(emailed_at__isnull=False)
    assert list(emailed.values_list("recipient_id", flat=True)) == [users[0].pk]
    job.refresh_from_db()
    assert job.status == "RUNNING"

    # The next run: the scheduler enqueues the daily jobs, the sweep among them, and a new
    # worker (its mail backend not gated) runs them.
    call_command("jobs_schedule", now=timezone.make_aware(
        dt.datetime.combine(timezone.localdate(), dt.time(7, 30))), stdout=StringIO())
    processes.run_worker_batch()
    assert Counter(m["To"] for m in processes.messages()) == Counter(u.email for u in users)
    assert not Notification.objects.filter(emailed_at__isnull=True).exists()
    runs = {run.job_name: DBTaskResult.objects.get(pk=run.task_result_id)
            for run in ScheduledRun.objects.all()}
    assert set(runs) == {"retention_run", "access_log_verify", "notification_emails_sweep",
                         "agreement_reminders", "notification_digests", "attendance_figures",
                         "absence_reports_draft", "patterns_detect"}
    assert {name: task.status for name, task in runs.items()} == dict.fromkeys(
        runs, "SUCCESSFUL"), processes.log("worker")
    assert runs["notification_emails_sweep"].return_value == 2
