"""The web process is killed (SIGKILL: gunicorn's master and its workers at once) in the middle
of a burst of writes: every write that was answered as saved is stored whole, with its
access-log row; nothing else is stored but whole writes; the access log's chain verifies; a
new gunicorn serves again. On the suite's own database: SQLite's WAL on the SQLite run,
PostgreSQL on the PostgreSQL run."""

from __future__ import annotations

import os
import signal
import sqlite3
import time
from pathlib import Path

import pytest

from tests.faults.burst import Burst, committed_texts, sent_texts
from tests.faults.conftest import Database
from tests.faults.production import (
    CASE_TITLE,
    Browser,
    audit_verify,
    csrf_token,
    gunicorn_start,
    notes_stored,
    signed_in,
    world_create,
)
from tests.production_support import free_port as _free_port, stop as _stop

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

COMMITTED_BEFORE_THE_KILL = 15


def test_sigkill_in_a_burst_of_writes_leaves_only_whole_writes(
        production_database: Database, tmp_path: Path) -> None:
    env = production_database.env
    world = world_create(env)
    port = _free_port()
    web = gunicorn_start(port, env, tmp_path / "web.log", own_session=True)
    try:
        browser = signed_in(port, world)
        burst = Burst(browser, world, csrf_token(browser, world)).start()
        deadline = time.monotonic() + 120
        while burst.committed() < COMMITTED_BEFORE_THE_KILL:
            assert time.monotonic() < deadline, (tmp_path / "web.log").read_text()[-3000:]
            time.sleep(0.05)
        os.killpg(web.pid, signal.SIGKILL)  # the master and every worker, mid-request
        web.wait(timeout=30)
        outcomes = burst.finish()
    finally:
        if web.poll() is None:
            os.killpg(web.pid, signal.SIGKILL)
    assert web.returncode == -signal.SIGKILL
    statuses = {o.status for o in outcomes}
    assert statuses <= {302, None}, [o.body[:300] for o in outcomes if o.status not in (302, None)]
    assert None in statuses  # requests were in flight when the process died

    if production_database.sqlite_path is not None:
        with sqlite3.connect(production_database.sqlite_path) as db:
            assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    stored, events = notes_stored(env, world)
    assert committed_texts(outcomes) <= set(stored)  # every acknowledged write is there
    assert set(stored) <= sent_texts(outcomes)  # and whole (its full text)
    assert len(stored) == len(set(stored)) == events  # each with its access-log row
    assert audit_verify(env).startswith("Access log intact: ")
    restarted = gunicorn_start(port, env, tmp_path / "web2.log")
    try:
        again = signed_in(port, world)
        page = again.get(f"/casussen/{world.case_id}/")
        assert page.status == 200
        assert CASE_TITLE.split()[0] in page.body
        assert Browser(port).get("/readyz").status == 200
    finally:
        _stop(restarted)
