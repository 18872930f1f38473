"""A removed tail or a truncated log leaves an intact but shorter chain; the anchor written
after each verification (outside the database) finds it. On PostgreSQL the database refuses
TRUNCATE of the log."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction

from schakel.audit.anchors import anchor_latest
from schakel.audit.models import AccessEvent
from schakel.audit.selectors import access_log_verify
from schakel.audit.tasks import AccessLogChainBroken, access_log_verify_job
from tests.factories import AccessEventFactory

DISABLE = "ALTER TABLE audit_accessevent DISABLE TRIGGER audit_accessevent_append_only"
ENABLE = "ALTER TABLE audit_accessevent ENABLE TRIGGER audit_accessevent_append_only"


def _delete_raw(where: str, params: list[int]) -> None:
    """What someone with direct database access could do (on PostgreSQL the owner disables the
    trigger first; the test transaction undoes it)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(DISABLE)
        cursor.execute(f"DELETE FROM audit_accessevent WHERE {where}", params)  # noqa: S608
        if connection.vendor == "postgresql":
            cursor.execute(ENABLE)


@pytest.fixture
def log(db: None) -> list[AccessEvent]:
    return [AccessEventFactory() for _ in range(5)]


def test_the_command_writes_an_anchor_of_the_chain_head(
        log: list[AccessEvent], anchor_file: Path, capsys):
    call_command("audit_verify", "--anchor")
    anchor = anchor_latest()
    assert anchor is not None
    assert (anchor.rows, anchor.last_id, anchor.last_hash) == (5, log[-1].pk, log[-1].row_hash)
    assert len(anchor_file.read_text().splitlines()) == 1
    call_command("audit_verify")
    assert "checked against the anchor" in capsys.readouterr().out


def test_a_removed_tail_is_found_by_the_anchor(log: list[AccessEvent]):
    call_command("audit_verify", "--anchor")
    _delete_raw("id >= %s", [log[3].pk])
    assert access_log_verify().intact  # the chain alone cannot tell
    report = access_log_verify(anchor=anchor_latest())
    assert report.first_break is not None
    assert "fewer than the 5 of the anchor" in report.first_break.reason
    with pytest.raises(CommandError, match="rows were removed from its end"):
        call_command("audit_verify")


def test_an_emptied_log_is_found_and_the_job_fails(log: list[AccessEvent]):
    access_log_verify_job.call()
    _delete_raw("id > %s", [0])
    with pytest.raises(AccessLogChainBroken, match="0 rows"):
        access_log_verify_job.call()


def test_a_rewritten_log_is_found(log: list[AccessEvent], anchor_file: Path):
    call_command("audit_verify", "--anchor")
    line = json.loads(anchor_file.read_text())
    line["last_hash"] = "0" * 64  # the anchor names another row than the one now there
    anchor_file.write_text(json.dumps(line) + "\n")
    report = access_log_verify(anchor=anchor_latest())
    assert report.first_break is not None
    assert report.first_break.row_id == log[-1].pk


def test_the_job_appends_an_anchor_each_run(log: list[AccessEvent], anchor_file: Path):
    access_log_verify_job.call()
    AccessEventFactory()
    access_log_verify_job.call()
    rows = [json.loads(line)["rows"] for line in anchor_file.read_text().splitlines()]
    assert rows == [5, 6]


def test_truncate_is_refused_on_postgresql_and_found_elsewhere(log: list[AccessEvent]):
    call_command("audit_verify", "--anchor")
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL schakel.allow_log_truncate = 'off'")
            with pytest.raises(DatabaseError, match="TRUNCATE refused"), transaction.atomic():
                cursor.execute("TRUNCATE audit_accessevent")
            assert AccessEvent.objects.count() == 5
        else:
            cursor.execute("DELETE FROM audit_accessevent")  # SQLite has no TRUNCATE
            assert not access_log_verify(anchor=anchor_latest()).intact
