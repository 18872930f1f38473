"""`manage.py serve` (`make run`): the development server and a job worker start together,
and stop together — on Ctrl-C, and when either one dies."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import urllib.error
import urllib.request

import pytest

from tests.jobs.processes import DEADLINE_SECONDS, Processes, wait_until

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _healthy(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as answer:
            return bool(answer.status == 200)
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


def _listening(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def _start(processes: Processes) -> tuple[subprocess.Popen[bytes], int, dict[str, int]]:
    port = _free_port()
    serve = processes.start("serve", f"127.0.0.1:{port}", log="serve")
    pids: dict[str, int] = {}

    def started() -> bool:
        found = re.search(r"runserver pid (\d+), db_worker pid (\d+)", processes.log("serve"))
        if found:
            pids.update(runserver=int(found[1]), db_worker=int(found[2]))
        return (bool(found) and _healthy(port)) or serve.poll() is not None

    wait_until(started, what="serve answers")
    assert serve.poll() is None, processes.log("serve")
    assert _alive(pids["db_worker"])
    return serve, port, pids


def _stopped(serve: subprocess.Popen[bytes], processes: Processes) -> int:
    try:
        return serve.wait(timeout=DEADLINE_SECONDS)
    except subprocess.TimeoutExpired:
        raise AssertionError("serve did not stop:\n" + processes.log("serve")) from None


def test_ctrl_c_stops_the_server_and_the_worker(processes: Processes) -> None:
    serve, port, pids = _start(processes)
    try:
        serve.send_signal(signal.SIGINT)
        assert _stopped(serve, processes) == 0
    finally:
        processes.kill(serve)
    wait_until(lambda: not _listening(port), what="the server stops listening")
    assert not _alive(pids["runserver"])
    assert not _alive(pids["db_worker"])


@pytest.mark.parametrize("dies", ["db_worker", "runserver"])
def test_when_one_dies_the_other_is_stopped(processes: Processes, dies: str) -> None:
    serve, port, pids = _start(processes)
    try:
        os.killpg(pids[dies], signal.SIGKILL)
        assert _stopped(serve, processes) != 0
    finally:
        processes.kill(serve)
    assert f"{dies} stopped" in processes.log("serve")
    wait_until(lambda: not _listening(port), what="the server stops listening")
    other = "runserver" if dies == "db_worker" else "db_worker"
    assert not _alive(pids[other])
