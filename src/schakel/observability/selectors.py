"""What the metrics endpoint reads from the database at scrape time: counts only, of the job
queue and of the access log's refusals; no row's content."""

from __future__ import annotations

from django.db.models import Count
from django_tasks_db.models import DBTaskResult

from schakel.audit.models import AccessEvent, Outcome


def job_counts_by_queue_and_status() -> dict[tuple[str, str], int]:
    """The jobs in the queue table per (queue, status): READY is the queue's depth, FAILED
    the failed jobs not yet pruned (`prune_db_task_results`)."""
    rows = (DBTaskResult.objects.order_by().values("queue_name", "status")
            .annotate(count=Count("pk")))
    return {(row["queue_name"], row["status"]): row["count"] for row in rows}


def access_refusal_count() -> int:
    """Refusals in the access log (outcome denied; the log is append-only)."""
    return AccessEvent.objects.filter(outcome=Outcome.DENIED).count()
