"""The scheduler: enqueue every periodic job that is due, once per period."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import IntegrityError
from django.utils import timezone

from schakel.jobs.models import ScheduledRun
from schakel.jobs.schedule import SCHEDULE, Period, ScheduleEntry
from schakel.transactions import service_transaction


@dataclass(frozen=True)
class ScheduleOutcome:
    entry: ScheduleEntry
    period: Period
    run: ScheduledRun
    enqueued: bool  # by this call; False: enqueued for this period before


def _enqueued_before(entry: ScheduleEntry, period: Period) -> ScheduledRun | None:
    return ScheduledRun.objects.filter(job_name=entry.name, period_key=period.key).first()


def due_jobs_enqueue(
    *, now: dt.datetime | None = None, schedule: Sequence[ScheduleEntry] = SCHEDULE,
) -> list[ScheduleOutcome]:
    """Enqueue each entry of `schedule` for its latest period that has started at `now`
    (default: now), unless it was enqueued for that period already.

    The `ScheduledRun` row and the enqueueing share one transaction: with the database backend
    the task row is committed together with the record of it, or neither is. The unique
    (job, period) constraint settles two schedulers running at once: one enqueues, the other
    finds the row."""
    now = now or timezone.now()
    outcomes = []
    for entry in schedule:
        period = entry.every.period(now)
        existing = _enqueued_before(entry, period)
        if existing is not None:
            outcomes.append(ScheduleOutcome(entry, period, existing, enqueued=False))
            continue
        try:
            with service_transaction():
                run = ScheduledRun.objects.create(
                    job_name=entry.name, period_key=period.key, enqueued_at=timezone.now())
                result = entry.task.enqueue(**entry.arguments(period))
                run.task_result_id = str(result.id)
                run.save(update_fields=["task_result_id"])
        except IntegrityError:  # another scheduler enqueued it a moment ago
            run = ScheduledRun.objects.get(job_name=entry.name, period_key=period.key)
            outcomes.append(ScheduleOutcome(entry, period, run, enqueued=False))
            continue
        outcomes.append(ScheduleOutcome(entry, period, run, enqueued=True))
    return outcomes
