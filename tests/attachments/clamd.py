"""A real ClamAV daemon for the tests (a pytest plugin, registered in tests/conftest.py):
started once per test process, on first use, with the local database of
`schakel.attachments.localclamd` (EICAR only — ClamAV's mirror cannot be reached here), on
the socket the test settings name."""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings

from schakel.attachments import localclamd


@pytest.fixture(scope="session")
def clamd() -> Iterator[Path]:
    """The socket of a running clamd."""
    socket_path = Path(settings.SCHAKEL_CLAMD_SOCKET)
    with tempfile.TemporaryDirectory(prefix="schakel-clamd-conf-") as directory:
        process = localclamd.start(Path(directory), socket_path, foreground=True,
                                   stream_max_bytes=settings.SCHAKEL_ATTACHMENT_MAX_BYTES)
        try:
            yield socket_path
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
            socket_path.unlink(missing_ok=True)


@pytest.fixture
def scanner_down(settings: Any, tmp_path: Path) -> None:
    """No clamd on the socket the service asks."""
    settings.SCHAKEL_CLAMD_SOCKET = str(tmp_path / "no-clamd.sock")
