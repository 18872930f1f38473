"""`manage.py jobs_schedule [--now ISO-DATETIME]`: enqueue the periodic jobs that are due.

Run it every few minutes (cron, a systemd timer, a Kubernetes CronJob: docs/jobs.md); each
job is enqueued once per period, however often this runs. `db_worker` runs the jobs. First it
gives the jobs of a lost worker (RUNNING for too long) back to the queue.
"""

from __future__ import annotations

import datetime as dt
from argparse import ArgumentParser, ArgumentTypeError
from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from schakel.jobs.services import due_jobs_enqueue, stale_jobs_reclaim


def _moment(value: str) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError as exc:
        raise ArgumentTypeError(f"not a date and time (ISO 8601): {value}") from exc
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment)


class Command(BaseCommand):
    help = "Enqueue every periodic job that is due, once per period."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--now", type=_moment, default=None,
                            help="Schedule as at this moment (ISO 8601, local time unless an "
                                 "offset is given); default: now.")

    def handle(self, *args: Any, **options: Any) -> None:
        # Staleness is a matter of the real clock, whatever `--now` says of the schedule.
        reclaimed = stale_jobs_reclaim()
        for job_id in reclaimed.requeued:
            self.stdout.write(f"job {job_id}: its worker was lost; ready to run again")
        for job_id in reclaimed.failed:
            self.stdout.write(f"job {job_id}: its worker was lost too often; failed")
        for outcome in due_jobs_enqueue(now=options["now"]):
            what = "enqueued" if outcome.enqueued else "already enqueued"
            self.stdout.write(
                f"{outcome.entry.name} ({outcome.entry.every}) period {outcome.period.key}: "
                f"{what}, task {outcome.run.task_result_id or '?'}")
