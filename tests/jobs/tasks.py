"""Test-only tasks (a task must be a module-level function)."""

from __future__ import annotations

from django_tasks import task


@task()
def noop_job(*, label: str = "") -> str:
    return label
