"""Background job of the access log: the daily verification of its hash chain against the
last anchor, which then writes the new anchor (from `schakel.jobs.schedule`; `manage.py
audit_verify --anchor` does the same by hand). It changes nothing in the database."""

from __future__ import annotations

from typing import Any

from django_tasks import task

from schakel.audit.anchors import anchor_append, anchor_latest
from schakel.audit.selectors import access_log_verify


class AccessLogChainBroken(Exception):
    """A row of the access log was changed, removed or reordered."""


@task()
def access_log_verify_job() -> dict[str, Any]:
    """Verify the whole chain against the last anchor; fails naming the first broken row's id,
    and writes a new anchor when the chain is intact."""
    report = access_log_verify(anchor=anchor_latest())
    if report.first_break is not None:
        raise AccessLogChainBroken(
            f"Access log chain broken at row id {report.first_break.row_id}: "
            f"{report.first_break.reason}. {report.rows} rows before it are intact.")
    anchor_append(rows=report.rows, last_id=report.last_id, last_hash=report.last_hash)
    return {"rows": report.rows, "last_hash": report.last_hash}
