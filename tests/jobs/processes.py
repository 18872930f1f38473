"""Real worker processes for the tests: `manage.py db_worker` (and `serve`) started against
this pytest process's test database, and the backend's worker run in this process."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from email.message import Message
from pathlib import Path

from django.conf import settings
from django.db import connection
from django_tasks_db.management.commands.db_worker import Worker

from tests.jobs.mailbox import GATE_ENV, read_mailbox, waiting_marker

BASE_DIR = Path(settings.BASE_DIR)
DEADLINE_SECONDS = 30.0


def wait_until(predicate: Callable[[], bool], *, what: str,
               timeout: float = DEADLINE_SECONDS) -> None:
    """Poll `predicate` until it holds; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout:.0f} s: {what}")
        time.sleep(0.05)


def run_worker_in_process() -> None:
    """The database backend's worker loop, as `db_worker --batch` runs it, in this process:
    it claims and runs every ready task, then returns. Needs a transactional test (the loop
    checks the connection as after a request)."""
    Worker(queue_names=["*"], interval=0, batch=True, backend_name="default",
           startup_delay=False, max_tasks=None, worker_id="pytest-in-process",
           excluded_queue_names=[]).run()


@dataclass
class Processes:
    """Starts `manage.py` commands as separate processes on the test database, each with its
    output in a log file; e-mail goes to `mail_dir`; `gate` holds the gated mail backend."""

    tmp: Path

    @property
    def mail_dir(self) -> Path:
        return self.tmp / "mail"

    @property
    def gate(self) -> Path:
        return self.tmp / "gate"

    @property
    def waiting(self) -> Path:
        return waiting_marker(self.gate)

    def env(self, *, gated: bool = False) -> dict[str, str]:
        name = str(connection.settings_dict["NAME"])
        if connection.vendor == "sqlite":
            in_memory = name == ":memory:" or name.startswith("file:memorydb")
            assert not in_memory, (
                "the subprocess needs a test database in a file (settings.test: TEST NAME)")
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.jobs.worker_settings",
            "SCHAKEL_TEST_DATABASE": name,
            "SCHAKEL_TEST_MAIL_DIR": str(self.mail_dir),
            "SCHAKEL_AUDIT_ANCHOR_FILE": str(settings.SCHAKEL_AUDIT_ANCHOR_FILE),
            "PYTHONUNBUFFERED": "1",
        }
        env.pop(GATE_ENV, None)
        if gated:
            env[GATE_ENV] = str(self.gate)
        return env

    def start(self, *arguments: str, log: str = "process",
              gated: bool = False) -> subprocess.Popen[bytes]:
        self.mail_dir.mkdir(exist_ok=True)
        with (self.tmp / f"{log}.log").open("ab") as output:
            return subprocess.Popen(  # noqa: S603 - our interpreter, fixed arguments
                [sys.executable, "manage.py", *arguments], cwd=BASE_DIR,
                env=self.env(gated=gated), stdin=subprocess.DEVNULL, stdout=output,
                stderr=subprocess.STDOUT)

    def start_worker(self, *extra: str, gated: bool = False) -> subprocess.Popen[bytes]:
        """`db_worker` on every queue; `gated`: its mail backend stands still before the
        second message of a connection until the gate file exists."""
        return self.start("db_worker", "--queue-name", "*", "--no-reload",
                          "--no-startup-delay", "--interval", "0.1", *extra, log="worker",
                          gated=gated)

    def run_worker_batch(self) -> None:
        """`db_worker --batch`: run every ready task, then exit (successfully)."""
        worker = self.start_worker("--batch")
        try:
            code = worker.wait(timeout=DEADLINE_SECONDS)
        except subprocess.TimeoutExpired:
            raise AssertionError(f"worker still running after {DEADLINE_SECONDS:.0f} s:\n"
                                 + self.log("worker")) from None
        finally:
            self.kill(worker)
        assert code == 0, self.log("worker")

    def kill(self, process: subprocess.Popen[bytes]) -> None:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=DEADLINE_SECONDS)

    def log(self, name: str) -> str:
        path = self.tmp / f"{name}.log"
        return path.read_text(errors="replace")[-4000:] if path.exists() else ""

    def messages(self) -> list[Message]:
        return read_mailbox(self.mail_dir) if self.mail_dir.exists() else []
