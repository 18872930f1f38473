"""A ClamAV daemon of its own for development and the tests, which cannot reach ClamAV's
signature mirror: its database is made here with `sigtool` and holds one signature, the EICAR
test file's, named `Schakel-EICAR-Test-File`. Production runs the Debian `clamav-daemon` with
`freshclam` instead (docs/attachments.md). `make run` starts one in `var/clamd`
(`manage.py attachments_scanner`); the tests start one per session (tests/attachments)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

EICAR = rb"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"
SIGNATURE_NAME = "Schakel-EICAR-Test-File"


class ClamdMissing(Exception):
    """clamd or sigtool is not installed (Debian: apt-get install clamav-daemon clamav)."""


def _tool(name: str) -> str:
    found = shutil.which(name) or shutil.which(name, path="/usr/sbin:/usr/bin")
    if found is None:
        raise ClamdMissing(name)
    return found


def signature_database(directory: Path) -> Path:
    """`<directory>/schakel-eicar.hdb`: the EICAR file's hash signature, made by sigtool."""
    directory.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        sample = Path(scratch) / SIGNATURE_NAME
        sample.write_bytes(EICAR)
        line = subprocess.run([_tool("sigtool"), "--sha256", str(sample)], check=True,  # noqa: S603
                              capture_output=True, text=True).stdout.strip()
    database = directory / "schakel-eicar.hdb"
    database.write_text(line + "\n")
    return database


def config(directory: Path, socket_path: Path, *, foreground: bool,
           stream_max_bytes: int) -> Path:
    database_dir = directory / "db"
    signature_database(database_dir)
    conf = directory / "clamd.conf"
    conf.write_text("\n".join([
        f"LocalSocket {socket_path}",
        f"DatabaseDirectory {database_dir}",
        f"LogFile {directory / 'clamd.log'}",
        f"PidFile {directory / 'clamd.pid'}",
        f"Foreground {'yes' if foreground else 'no'}",
        f"StreamMaxLength {stream_max_bytes // (1024 * 1024) + 1}M",
        "MaxFileSize 0",
        "MaxScanSize 0",
        "",
    ]))
    return conf


def start(directory: Path, socket_path: Path, *, foreground: bool,
          stream_max_bytes: int) -> subprocess.Popen[bytes]:
    """Start clamd on `socket_path`; returns once it answers PING (or raises)."""
    socket_path.parent.mkdir(parents=True, exist_ok=True)
    socket_path.unlink(missing_ok=True)
    conf = config(directory, socket_path, foreground=foreground,
                  stream_max_bytes=stream_max_bytes)
    process = subprocess.Popen([_tool("clamd"), "-c", str(conf)],  # noqa: S603
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if socket_path.exists() and _pong(socket_path):
            return process
        if foreground and process.poll() is not None:
            break
        time.sleep(0.1)
    process.kill()
    raise ClamdMissing(f"clamd did not start; see {directory / 'clamd.log'}")


def _pong(socket_path: Path) -> bool:
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
            conn.settimeout(2)
            conn.connect(str(socket_path))
            conn.sendall(b"zPING\0")
            return conn.recv(16).startswith(b"PONG")
    except OSError:
        return False
