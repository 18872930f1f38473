"""The schedule and the scheduler: every due job is enqueued once per period, however often
`jobs_schedule` runs; a missed period is caught up once."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from schakel.attendance.tasks import attendance_figures_daily_job
from schakel.audit.tasks import access_log_verify_job
from schakel.cases.tasks import agreement_reminders_job
from schakel.jobs import services
from schakel.jobs.models import ScheduledRun
from schakel.jobs.schedule import SCHEDULE, Daily, Hourly, ScheduleEntry
from schakel.jobs.services import due_jobs_enqueue
from schakel.notifications.tasks import notification_digests_send, notification_emails_sweep
from schakel.patterns.tasks import patterns_detect_job
from schakel.retention.tasks import retention_run_job
from tests.jobs.tasks import noop_job

pytestmark = pytest.mark.django_db


def local(year: int, month: int, day: int, hour: int, minute: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime(year, month, day, hour, minute))  # noqa: DTZ001


def _periods() -> set[tuple[str, str]]:
    return set(ScheduledRun.objects.values_list("job_name", "period_key"))


def test_the_schedule_holds_the_daily_jobs() -> None:
    entries = {entry.name: entry for entry in SCHEDULE}
    assert len(entries) == len(SCHEDULE)  # names are unique
    assert entries["retention_run"].task == retention_run_job
    assert entries["access_log_verify"].task == access_log_verify_job
    assert entries["notification_emails_sweep"].task == notification_emails_sweep
    assert entries["agreement_reminders"].task == agreement_reminders_job
    assert entries["notification_digests"].task == notification_digests_send
    assert entries["attendance_figures"].task == attendance_figures_daily_job
    assert entries["patterns_detect"].task == patterns_detect_job
    assert all(isinstance(entry.every, Daily) for entry in SCHEDULE)


def test_each_due_job_is_enqueued_once_per_period() -> None:
    morning = local(2026, 5, 1, 8, 0)
    first = due_jobs_enqueue(now=morning)
    assert [outcome.enqueued for outcome in first] == [True] * len(SCHEDULE)
    assert _periods() == {("retention_run", "2026-05-01"), ("access_log_verify", "2026-05-01"),
                          ("notification_emails_sweep", "2026-05-01"),
                          ("agreement_reminders", "2026-05-01"),
                          ("notification_digests", "2026-05-01"),
                          ("attendance_figures", "2026-05-01"),
                          ("absence_reports_draft", "2026-05-01"),
                          ("patterns_detect", "2026-05-01")}
    tasks = {str(task.pk): task for task in DBTaskResult.objects.all()}
    assert set(tasks) == {run.task_result_id for run in ScheduledRun.objects.all()}
    retention = tasks[ScheduledRun.objects.get(job_name="retention_run").task_result_id]
    assert retention.task_path == "schakel.retention.tasks.retention_run_job"
    assert retention.args_kwargs == {"args": [], "kwargs": {"today": "2026-05-01"}}
    assert retention.status == "READY"
    reminders = tasks[ScheduledRun.objects.get(job_name="agreement_reminders").task_result_id]
    assert reminders.task_path == "schakel.cases.tasks.agreement_reminders_job"
    assert reminders.args_kwargs == {"args": [], "kwargs": {"today": "2026-05-01"}}

    # Later the same day, and twice: nothing new.
    for later in (morning + dt.timedelta(hours=3), morning + dt.timedelta(hours=3)):
        again = due_jobs_enqueue(now=later)
        assert [outcome.enqueued for outcome in again] == [False] * len(SCHEDULE)
        assert {outcome.run.task_result_id for outcome in again} == set(tasks)
    assert DBTaskResult.objects.count() == len(SCHEDULE)
    assert ScheduledRun.objects.count() == len(SCHEDULE)


def test_a_job_is_due_from_its_time_of_day_on() -> None:
    due_jobs_enqueue(now=local(2026, 5, 1, 8, 0))
    # 01:00 the next day: every daily job's latest period is still yesterday's.
    assert not any(o.enqueued for o in due_jobs_enqueue(now=local(2026, 5, 2, 1, 0)))
    # 02:30: the retention run (02:00) is due, the others are not yet.
    outcomes = due_jobs_enqueue(now=local(2026, 5, 2, 2, 30))
    assert {o.entry.name: (o.enqueued, o.period.key) for o in outcomes} == {
        "retention_run": (True, "2026-05-02"),
        "access_log_verify": (False, "2026-05-01"),
        "notification_emails_sweep": (False, "2026-05-01"),
        "agreement_reminders": (False, "2026-05-01"),
        "notification_digests": (False, "2026-05-01"),
        "attendance_figures": (False, "2026-05-01"),
        "absence_reports_draft": (False, "2026-05-01"),
        "patterns_detect": (False, "2026-05-01"),
    }


def test_missed_days_are_caught_up_once() -> None:
    due_jobs_enqueue(now=local(2026, 5, 1, 8, 0))
    outcomes = due_jobs_enqueue(now=local(2026, 5, 4, 8, 0))  # the scheduler was down 3 days
    assert [o.period.key for o in outcomes if o.enqueued] == ["2026-05-04"] * len(SCHEDULE)
    assert DBTaskResult.objects.count() == 2 * len(SCHEDULE)


def test_the_first_run_before_the_time_catches_up_yesterday() -> None:
    outcomes = due_jobs_enqueue(now=local(2026, 5, 1, 1, 0))
    assert {o.period.key for o in outcomes} == {"2026-04-30"}
    retention = DBTaskResult.objects.get(task_path__endswith="retention_run_job")
    assert retention.args_kwargs["kwargs"] == {"today": "2026-04-30"}


def test_daily_keys_are_local_dates_across_the_clock_change() -> None:
    daily = Daily(at=dt.time(2, 30))  # does not exist on 29 March 2026 in Amsterdam
    assert daily.period(local(2026, 3, 29, 4, 0)).key == "2026-03-29"
    assert daily.period(local(2026, 3, 29, 1, 0)).key == "2026-03-28"
    assert daily.period(local(2026, 10, 25, 23, 0)).key == "2026-10-25"


def test_hourly_keys_are_utc_hours_so_no_hour_repeats_when_the_clocks_go_back() -> None:
    hourly = Hourly(minute=15)
    first = dt.datetime(2026, 10, 25, 0, 30, tzinfo=dt.UTC)  # 02:30 summer time
    second = dt.datetime(2026, 10, 25, 1, 30, tzinfo=dt.UTC)  # 02:30 winter time
    assert timezone.localtime(first).hour == timezone.localtime(second).hour == 2
    assert hourly.period(first).key == "2026-10-25T00:15Z"
    assert hourly.period(second).key == "2026-10-25T01:15Z"
    assert hourly.period(second.replace(minute=10)).key == "2026-10-25T00:15Z"


def test_an_hourly_entry_runs_once_an_hour() -> None:
    schedule = (ScheduleEntry(name="noop", task=noop_job, every=Hourly(),
                              arguments=lambda period: {"label": period.key}),)
    start = dt.datetime(2026, 5, 1, 10, 5, tzinfo=dt.UTC)
    for minutes in (0, 20, 50, 60, 61, 119, 120):
        due_jobs_enqueue(now=start + dt.timedelta(minutes=minutes), schedule=schedule)
    labels = sorted(task.args_kwargs["kwargs"]["label"] for task in DBTaskResult.objects.all())
    assert labels == ["2026-05-01T10:00Z", "2026-05-01T11:00Z", "2026-05-01T12:00Z"]


def test_a_scheduler_that_lost_the_race_enqueues_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two schedulers at once: the second one's insert hits the unique constraint after its
    check found nothing; it enqueues nothing and reports the first one's task."""
    schedule = (ScheduleEntry(name="noop", task=noop_job, every=Daily(at=dt.time(0, 0))),)
    now = local(2026, 5, 1, 8, 0)
    [won] = due_jobs_enqueue(now=now, schedule=schedule)
    monkeypatch.setattr(services, "_enqueued_before", lambda entry, period: None)
    [lost] = due_jobs_enqueue(now=now, schedule=schedule)
    assert won.enqueued is True
    assert lost.enqueued is False
    assert lost.run.pk == won.run.pk
    assert DBTaskResult.objects.count() == 1


def test_the_command_says_what_it_enqueued() -> None:
    out = StringIO()
    call_command("jobs_schedule", now=local(2026, 5, 1, 8, 0), stdout=out)
    call_command("jobs_schedule", now=local(2026, 5, 1, 9, 0), stdout=out)
    lines = out.getvalue().splitlines()
    assert len(lines) == 2 * len(SCHEDULE)
    assert lines[0].startswith("retention_run (daily at 02:00) period 2026-05-01: enqueued, task ")
    assert all(": already enqueued, task " in line for line in lines[len(SCHEDULE):])
    assert DBTaskResult.objects.count() == len(SCHEDULE)


def test_the_command_takes_a_local_moment() -> None:
    call_command("jobs_schedule", "--now", "2026-05-01T01:00", stdout=StringIO())
    assert ScheduledRun.objects.get(job_name="retention_run").period_key == "2026-04-30"
