"""Background job of the access log: the daily verification of its hash chain (from
`schakel.jobs.schedule`; `manage.py audit_verify` does the same by hand). It only reads."""

from __future__ import annotations

from typing import Any

from django_tasks import task

from schakel.audit.selectors import access_log_verify


class AccessLogChainBroken(Exception):
    """A row of the access log was changed, removed or reordered."""


@task()
def access_log_verify_job() -> dict[str, Any]:
    """Verify the whole chain; fails naming the first broken row's id."""
    report = access_log_verify()
    if report.first_break is not None:
        raise AccessLogChainBroken(
            f"Access log chain broken at row id {report.first_break.row_id}: "
            f"{report.first_break.reason}. {report.rows} rows before it are intact.")
    return {"rows": report.rows, "last_hash": report.last_hash}
