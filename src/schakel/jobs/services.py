"""The scheduler: enqueue every periodic job that is due, once per period, and give the jobs
of a lost worker back to the queue."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

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


# A job whose worker died (killed, the machine lost) stays RUNNING: django-tasks-db does not
# notice. The scheduler reclaims it (`stale_jobs_reclaim`).
WORKER_LOST = "schakel.jobs.services.WorkerLost"


@dataclass(frozen=True)
class ReclaimOutcome:
    requeued: list[str]  # job ids, READY again
    failed: list[str]  # job ids that lost their worker `SCHAKEL_JOBS_MAX_ATTEMPTS` times


def stale_jobs_reclaim(*, now: dt.datetime | None = None) -> ReclaimOutcome:
    """Give every job RUNNING for longer than `SCHAKEL_JOBS_STALE_AFTER_MINUTES` back to the
    queue: its worker is taken to be gone, and the next worker runs it again from the start.
    Every job is written to be run again (each does its work in short transactions that skip
    what is done: docs/jobs.md), so a job that was in fact still running does no harm beyond
    the duplicate effort. A job whose worker was lost `SCHAKEL_JOBS_MAX_ATTEMPTS` times (one
    that kills its worker, say by running out of memory) is marked FAILED instead."""
    now = now or timezone.now()
    cutoff = now - dt.timedelta(minutes=settings.SCHAKEL_JOBS_STALE_AFTER_MINUTES)
    requeued, failed = [], []
    with service_transaction():
        stale = DBTaskResult.objects.running().filter(started_at__lt=cutoff).order_by("pk")
        for job in stale.select_for_update(skip_locked=True):
            if len(job.worker_ids) >= settings.SCHAKEL_JOBS_MAX_ATTEMPTS:
                job.status = TaskResultStatus.FAILED
                job.finished_at = now
                job.exception_class_path = WORKER_LOST
                job.traceback = (f"The worker running this job was lost "
                                 f"{len(job.worker_ids)} times ({', '.join(job.worker_ids)}).")
                job.save(update_fields=["status", "finished_at", "exception_class_path",
                                        "traceback"])
                failed.append(str(job.pk))
            else:
                job.status = TaskResultStatus.READY
                job.save(update_fields=["status"])
                requeued.append(str(job.pk))
    return ReclaimOutcome(requeued=requeued, failed=failed)
