"""The malware scan: a ClamAV daemon (`clamd`) asked over its UNIX socket (or, when
`SCHAKEL_CLAMD_SOCKET` is `tcp://host:port`, over TCP: a scanner in its own container) with
the INSTREAM command (clamd(8)): the file goes in chunks, each preceded by its length as four
bytes in network order, ended by a zero length; clamd answers `stream: OK`,
`stream: <name> FOUND` or an error. Anything but OK or FOUND, or no answer at all, is
`ScannerUnavailable`: a file is never stored unscanned."""

from __future__ import annotations

import socket
import struct
from dataclasses import dataclass

from django.conf import settings

CHUNK = 64 * 1024
CLAMD_TCP_PORT = 3310  # clamd's usual TCPSocket


class ScannerUnavailable(Exception):
    """clamd did not give a verdict (not running, no socket, an error, a timeout)."""


@dataclass(frozen=True)
class Verdict:
    clean: bool
    threat: str = ""


def _address() -> tuple[socket.AddressFamily, str | tuple[str, int]]:
    where = str(settings.SCHAKEL_CLAMD_SOCKET)
    if where.startswith("tcp://"):
        host, colon, port = where.removeprefix("tcp://").partition(":")
        return socket.AF_INET, (host, int(port) if colon else CLAMD_TCP_PORT)
    return socket.AF_UNIX, where


def _exchange(command: bytes, chunks: list[bytes] | None = None) -> str:
    family, address = _address()
    try:
        with socket.socket(family, socket.SOCK_STREAM) as conn:
            conn.settimeout(float(settings.SCHAKEL_CLAMD_TIMEOUT))
            conn.connect(address)
            conn.sendall(b"z" + command + b"\0")
            if chunks is not None:
                for chunk in chunks:
                    conn.sendall(struct.pack("!L", len(chunk)) + chunk)
                conn.sendall(struct.pack("!L", 0))
            reply = b""
            while not reply.endswith(b"\0"):
                part = conn.recv(4096)
                if not part:
                    break
                reply += part
    except OSError as exc:
        raise ScannerUnavailable(str(exc)) from exc
    return reply.rstrip(b"\0").decode("utf-8", "replace").strip()


def ping() -> bool:
    try:
        return _exchange(b"PING") == "PONG"
    except ScannerUnavailable:
        return False


def scan(data: bytes) -> Verdict:
    reply = _exchange(b"INSTREAM", [data[i:i + CHUNK] for i in range(0, len(data), CHUNK)])
    if reply == "stream: OK":
        return Verdict(clean=True)
    if reply.startswith("stream: ") and reply.endswith(" FOUND"):
        return Verdict(clean=False, threat=reply.removeprefix("stream: ").removesuffix(" FOUND"))
    raise ScannerUnavailable(reply or "no answer")
