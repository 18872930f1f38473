"""A full disk under the SQLite default (issue 11, item 7): gunicorn with the production
settings on a database in a small tmpfs of its own (as root; elsewhere a file-size limit,
RLIMIT_FSIZE, does the same to the database's files), notes written until the disk is full.
The user gets the Dutch 503 page, the log says "database or disk is full", nothing is
half-written, and `PRAGMA integrity_check` and the access log's chain are intact afterwards;
on the tmpfs, once space is freed, the same gunicorn writes again."""

from __future__ import annotations

import contextlib
import resource
import sqlite3
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.faults.burst import Burst, Outcome, committed_texts, sent_texts
from tests.faults.conftest import sqlite_copy
from tests.faults.production import (
    UNAVAILABLE,
    audit_verify,
    csrf_token,
    environment,
    gunicorn_start,
    note_post,
    notes_stored,
    signed_in,
    world_create,
)
from tests.production_support import free_port as _free_port, stop as _stop

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

HEADROOM = 2 * 1024 * 1024  # what is left for the notes to fill
NOTE_SIZE = 20_000


@contextlib.contextmanager
def small_disk(folder: Path, size: int) -> Iterator[bool]:
    """A tmpfs of `size` bytes at `folder`; False when it cannot be mounted here."""
    folder.mkdir()
    mounted = subprocess.run(  # noqa: S603
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],  # noqa: S607
        capture_output=True, check=False).returncode == 0
    try:
        yield mounted
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(folder)], check=False)  # noqa: S603, S607


def _fill(folder: Path) -> Path:
    """Take all the space that is left with one file."""
    filler = folder / "filler"
    with filler.open("wb") as out, contextlib.suppress(OSError):
        while True:
            out.write(b"\0" * 65536)
            out.flush()
    return filler


def _file_limit(limit: int) -> Callable[[], None]:
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


def _until_refused(burst: Burst, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with burst.lock:
            if any(o.status != 302 for o in burst.outcomes):
                return
        time.sleep(0.1)


def test_a_full_disk_gives_a_clear_error_and_no_corrupted_database(
        tmp_path: Path, static_root: Path, migrated_sqlite: Path) -> None:
    copy = tmp_path / "copy.sqlite3"
    sqlite_copy(migrated_sqlite, copy)
    disk = tmp_path / "disk"
    with small_disk(disk, copy.stat().st_size + 2 * HEADROOM) as on_tmpfs:
        database = disk / "schakel.sqlite3"
        database.write_bytes(copy.read_bytes())  # a copy of a closed database: no WAL
        env = environment(tmp_path, sqlite_path=str(database), static_root=static_root)
        env["GUNICORN_WORKERS"] = "1"
        world = world_create(env)
        port = _free_port()
        log = tmp_path / "web.log"
        limit = None if on_tmpfs else _file_limit(database.stat().st_size + HEADROOM)
        web = gunicorn_start(port, env, log, preexec=limit)
        filler = None
        try:
            browser = signed_in(port, world)
            token = csrf_token(browser, world)
            filler = _fill(disk) if on_tmpfs else None
            burst = Burst(browser, world, token, clients=1, text_size=NOTE_SIZE).start()
            _until_refused(burst)
            outcomes = burst.finish()
            refused = [o for o in outcomes if o.status != 302]
            assert refused, "the disk never filled"
            assert {o.status for o in refused} == {503}
            assert all(UNAVAILABLE in o.body for o in refused)
            # SQLite says so on the write, or as an I/O error when the full disk leaves it
            # no room for its journal on opening the connection.
            assert ("database or disk is full" in log.read_text()
                    or "disk I/O error" in log.read_text()), log.read_text()[-6000:]
            assert web.poll() is None
            if filler is not None:  # space again: the same gunicorn writes again
                filler.unlink()
                token = csrf_token(browser, world)
                again = note_post(browser, world, token, "Na het opruimen")
                assert again.status == 302
                outcomes.append(Outcome("Na het opruimen", 302))
        finally:
            _stop(web)
        with sqlite3.connect(database) as db:
            assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        stored, events = notes_stored(env, world)
        assert committed_texts(outcomes) <= set(stored) <= sent_texts(outcomes)
        assert len(stored) == events
        assert audit_verify(env).startswith("Access log intact: ")
