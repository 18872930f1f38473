"""`manage.py serve [addrport]`: the development server and one job worker, together.

`make run` starts this. It runs `runserver` and `db_worker` as two child processes and stops
both together: Ctrl-C (or SIGTERM/SIGHUP) stops both, and when either one ends the other is
stopped and `serve` exits with an error. Each child runs in its own process group, so that the
auto-reloader's own child process goes with it. For development only: production runs
gunicorn and `db_worker` as separate services (docs/jobs.md).
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from argparse import ArgumentParser
from types import FrameType
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django.utils.translation import gettext as _

# How long a child may take to stop after SIGTERM (a worker finishes its current job).
STOP_TIMEOUT_SECONDS = 10.0
POLL_SECONDS = 0.2


class _Stop(Exception):
    """A signal asked `serve` to stop."""


def _raise_stop(signum: int, frame: FrameType | None) -> None:
    raise _Stop(signal.Signals(signum).name)


def _stop(children: dict[str, subprocess.Popen[bytes]]) -> None:
    """SIGTERM each child's process group and wait; SIGKILL what is left after the timeout,
    or at once when asked again (a second Ctrl-C)."""
    try:
        for child in children.values():
            if child.poll() is None:
                _signal_group(child, signal.SIGTERM)
        deadline = time.monotonic() + STOP_TIMEOUT_SECONDS
        for child in children.values():
            with contextlib.suppress(subprocess.TimeoutExpired):
                child.wait(timeout=max(deadline - time.monotonic(), 0.0))
    except (KeyboardInterrupt, _Stop):
        pass
    finally:
        for child in children.values():  # also grandchildren of a child that ended by itself
            _signal_group(child, signal.SIGKILL)
            child.wait()


def _signal_group(child: subprocess.Popen[bytes], signum: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(child.pid, signum)  # the child leads its own session and process group


class Command(BaseCommand):
    help = "Run the development server and one background-job worker; stop both together."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000",
                            help="ipaddr:port for runserver (default: %(default)s)")
        parser.add_argument("--queue-name", default="*",
                            help="Queues of the worker, comma-separated (default: all)")

    def handle(self, *args: Any, **options: Any) -> None:
        django = [sys.executable, "-m", "django"]
        env = {name: value for name, value in os.environ.items()
               if name != DJANGO_AUTORELOAD_ENV}
        commands = {
            "runserver": [*django, "runserver", options["addrport"]],
            "db_worker": [*django, "db_worker", "--queue-name", options["queue_name"]],
        }
        # SIGINT too: a process started in the background by a shell inherits SIGINT ignored,
        # and Python then installs no KeyboardInterrupt handler of its own.
        for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(signum, _raise_stop)
        children: dict[str, subprocess.Popen[bytes]] = {}
        try:
            for name, command in commands.items():
                # Our own interpreter and fixed arguments, no shell.
                children[name] = subprocess.Popen(  # noqa: S603
                    command, env=env, stdin=subprocess.DEVNULL, start_new_session=True)
            self.stdout.write(_("serve: %(children)s; Ctrl-C stops both.") % {
                "children": ", ".join(f"{name} pid {child.pid}"
                                      for name, child in children.items())})
            self.stdout.flush()
            ended = self._wait_for_one(children)
        except (KeyboardInterrupt, _Stop):
            ended = None
        finally:
            _stop(children)
        if ended is not None:
            name, code = ended
            raise CommandError(_("%(name)s stopped (exit status %(code)s); stopped the others "
                                 "too.") % {"name": name, "code": code})

    @staticmethod
    def _wait_for_one(children: dict[str, subprocess.Popen[bytes]]) -> tuple[str, int]:
        while True:
            for name, child in children.items():
                code = child.poll()
                if code is not None:
                    return name, code
            time.sleep(POLL_SECONDS)
