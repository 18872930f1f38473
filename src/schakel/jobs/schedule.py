"""The periodic jobs, declared in code in one schedule (docs/jobs.md).

Each entry names a task, how often it runs (daily at a local time, or hourly) and how its
period is keyed. `manage.py jobs_schedule`, started every few minutes by cron, a systemd timer
or a Kubernetes CronJob, enqueues each entry once for the latest period that has started (see
`schakel.jobs.services.due_jobs_enqueue`): a missed period is caught up once, never twice, and
a second run in the same period enqueues nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django_tasks.base import Task

from schakel.absencereports.tasks import absence_reports_draft_job
from schakel.attendance.tasks import attendance_figures_daily_job
from schakel.audit.tasks import access_log_verify_job
from schakel.cases.tasks import agreement_reminders_job
from schakel.notifications.tasks import notification_digests_send, notification_emails_sweep
from schakel.patterns.tasks import patterns_detect_job
from schakel.retention.tasks import retention_run_job


@dataclass(frozen=True)
class Period:
    """One period of an entry: `key` is its stable idempotency key, `start` when it began."""

    key: str
    start: dt.datetime

    @property
    def day(self) -> dt.date:
        """The local date on which the period began."""
        return timezone.localtime(self.start).date()


@dataclass(frozen=True)
class Daily:
    """Every day at a local time (`TIME_ZONE`); the key is the local date, e.g. 2026-05-01."""

    at: dt.time

    def period(self, now: dt.datetime) -> Period:
        """The latest period that has started at `now`: today's, or before `at` yesterday's."""
        day = timezone.localtime(now).date()
        start = self._start(day)
        if now < start:
            day -= dt.timedelta(days=1)
            start = self._start(day)
        return Period(key=day.isoformat(), start=start)

    def _start(self, day: dt.date) -> dt.datetime:
        return dt.datetime.combine(day, self.at, tzinfo=timezone.get_current_timezone())

    def __str__(self) -> str:
        return f"daily at {self.at:%H:%M}"


@dataclass(frozen=True)
class Hourly:
    """Every hour at a minute; the key is the hour in UTC (no local hour repeats or is
    skipped when the clocks change), e.g. 2026-05-01T13:00Z."""

    minute: int = 0

    def period(self, now: dt.datetime) -> Period:
        utc = now.astimezone(dt.UTC)
        start = utc.replace(minute=self.minute, second=0, microsecond=0)
        if utc < start:
            start -= dt.timedelta(hours=1)
        return Period(key=start.strftime("%Y-%m-%dT%H:%MZ"), start=start)

    def __str__(self) -> str:
        return f"hourly at minute {self.minute:02d}"


def _no_arguments(period: Period) -> dict[str, Any]:
    return {}


def _as_on_the_day(period: Period) -> dict[str, Any]:
    """The period's date, so that a job that waited in the queue still runs as on its day."""
    return {"today": period.day.isoformat()}


@dataclass(frozen=True)
class ScheduleEntry:
    """A periodic job. `name` is stored with every period it was enqueued for: keep it stable.
    `arguments` gives the task's keyword arguments for a period (JSON values)."""

    name: str
    task: Task[..., Any]
    every: Daily | Hourly
    arguments: Callable[[Period], dict[str, Any]] = _no_arguments


SCHEDULE: tuple[ScheduleEntry, ...] = (
    # Delete or anonymise what has passed its retention period (docs/retention.md).
    ScheduleEntry(name="retention_run", task=retention_run_job, every=Daily(at=dt.time(2, 0)),
                  arguments=_as_on_the_day),
    # After the retention run, which writes access-log rows: the hash chain is intact.
    ScheduleEntry(name="access_log_verify", task=access_log_verify_job,
                  every=Daily(at=dt.time(3, 30))),
    # Before the working day: e-mail what a killed or failed e-mail job left pending.
    ScheduleEntry(name="notification_emails_sweep", task=notification_emails_sweep,
                  every=Daily(at=dt.time(7, 0))),
    # Agreements due in two days or overdue: their owners are reminded, once each
    # (docs/notifications.md). Before the digest, which counts the reminders of those who
    # chose the daily e-mail.
    ScheduleEntry(name="agreement_reminders", task=agreement_reminders_job,
                  every=Daily(at=dt.time(6, 30)), arguments=_as_on_the_day),
    # The daily e-mail of those who chose it (notifications.preferences).
    # The attendance figures as of the new day (docs/attendance.md), before the school opens.
    ScheduleEntry(name="attendance_figures", task=attendance_figures_daily_job,
                  every=Daily(at=dt.time(5, 0)), arguments=_as_on_the_day),
    # Draft truancy reports from what the figures found (docs/absencereports.md).
    ScheduleEntry(name="absence_reports_draft", task=absence_reports_draft_job,
                  every=Daily(at=dt.time(5, 30))),
    # Rode draad: signals of one theme piling up in a class or school (docs/patterns.md),
    # proposed for the kernteam's agenda before the school opens.
    ScheduleEntry(name="patterns_detect", task=patterns_detect_job,
                  every=Daily(at=dt.time(5, 45)), arguments=_as_on_the_day),
    ScheduleEntry(name="notification_digests", task=notification_digests_send,
                  every=Daily(at=dt.time(7, 0))),
)
