"""Background job of retention: the daily retention run (from `schakel.jobs.schedule`).

Idempotent per category: what a run deleted or anonymised is gone, so a second run on the same
day finds nothing more. A failed category fails the job (after the run is recorded)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django_tasks import task

from schakel.retention.models import ActionOutcome
from schakel.retention.services import retention_run


class RetentionRunFailed(Exception):
    """One or more categories failed; the run and its actions are recorded."""


@task()
def retention_run_job(*, today: str | None = None) -> dict[str, Any]:
    """`retention_run` as on `today` (an ISO date; default: the local date). Returns the run's
    id and, per category, the action, the outcome and the number of records — ids only."""
    report = retention_run(today=dt.date.fromisoformat(today) if today else None)
    run_id = report.run.pk if report.run is not None else None
    failed = [result.category for result in report.results
              if result.outcome == ActionOutcome.FAILED]
    if failed:
        raise RetentionRunFailed(f"retention run #{run_id}: failed: {', '.join(failed)}")
    return {
        "run_id": run_id,
        "today": report.today.isoformat(),
        "results": {result.category: {"action": result.action, "outcome": result.outcome,
                                      "count": result.count} for result in report.results},
    }
