"""clamd in its own container is reached over TCP (`SCHAKEL_CLAMD_SOCKET=tcp://host:port`).
The tests' clamd listens on a UNIX socket only, so a relay on 127.0.0.1 passes the bytes on:
the scan over TCP still gets the real daemon's verdicts."""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from schakel.attachments import scanner
from tests.attachments.support import EICAR, PDF


def _pipe(source: socket.socket, target: socket.socket) -> None:
    with contextlib.suppress(OSError):
        while data := source.recv(65536):
            target.sendall(data)
    with contextlib.suppress(OSError):
        target.shutdown(socket.SHUT_WR)


@pytest.fixture
def tcp_relay(clamd: Path) -> Iterator[int]:
    server = socket.create_server(("127.0.0.1", 0))
    port = server.getsockname()[1]

    def accept() -> None:
        while True:
            try:
                client, _address = server.accept()
            except OSError:
                return
            upstream = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            upstream.connect(str(clamd))
            threading.Thread(target=_pipe, args=(client, upstream), daemon=True).start()
            threading.Thread(target=_pipe, args=(upstream, client), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    try:
        yield port
    finally:
        server.close()


def test_a_scan_over_tcp_gets_the_daemons_verdicts(tcp_relay: int, settings: Any) -> None:
    settings.SCHAKEL_CLAMD_SOCKET = f"tcp://127.0.0.1:{tcp_relay}"
    assert scanner.ping()
    assert scanner.scan(PDF).clean
    verdict = scanner.scan(EICAR)
    assert (verdict.clean, verdict.threat) == (False, "Schakel-EICAR-Test-File.UNOFFICIAL")


def test_nothing_listening_on_the_tcp_port_is_unavailable(settings: Any) -> None:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]
    settings.SCHAKEL_CLAMD_SOCKET = f"tcp://127.0.0.1:{port}"
    assert not scanner.ping()
    with pytest.raises(scanner.ScannerUnavailable):
        scanner.scan(PDF)
