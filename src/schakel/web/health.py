"""Health: liveness (`/healthz`) and readiness (`/readyz`).

Liveness says only that the process answers; it touches no database, so that an outage of
the database does not make an orchestrator restart healthy application processes. Readiness
says whether this instance can do its work: the database answers, every migration of the code
is applied (a new release whose `migrate` has not run yet is not ready), and the job queue's
table (django-tasks-db, `docs/jobs.md`) can be read. Each check returns what failed, in a
short line for the operator, or None.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django_tasks_db.models import DBTaskResult


def database_problem() -> str | None:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError as error:
        return f"database: unreachable ({type(error).__name__})"
    return None


def migrations_problem() -> str | None:
    try:
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError as error:
        return f"migrations: cannot be read ({type(error).__name__})"
    if plan:
        return f"migrations: {len(plan)} not applied"
    return None


def job_queue_problem() -> str | None:
    try:
        DBTaskResult.objects.only("pk").first()
    except DatabaseError as error:
        return f"job queue: table cannot be read ({type(error).__name__})"
    return None


# In this order; when the database cannot be reached, the other checks are not run.
READINESS_CHECKS: tuple[Callable[[], str | None], ...] = (
    database_problem, migrations_problem, job_queue_problem)


def readiness_problems() -> list[str]:
    """What keeps this instance from being ready; empty when it is ready."""
    first = READINESS_CHECKS[0]()
    if first is not None:
        return [first]
    return [problem for check in READINESS_CHECKS[1:] if (problem := check()) is not None]
