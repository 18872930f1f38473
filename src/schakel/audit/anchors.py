"""Anchors of the access log: the chain head (row count, last id and hash) written after each
verification to an append-only place outside the database, so that a removed tail or a
truncated log — which leaves an intact but shorter chain — is found the next time.

The place is a file (`SCHAKEL_AUDIT_ANCHOR_FILE`, one JSON line per anchor, opened for
appending only). In production point it at storage the application's database role cannot
reach and ship it to write-once storage or a remote log (docs/security.md).
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from django.conf import settings
from django.utils import timezone


@dataclass(frozen=True)
class Anchor:
    written_at: str  # ISO 8601, UTC
    rows: int
    last_id: int | None
    last_hash: str


def anchor_path() -> Path:
    return Path(settings.SCHAKEL_AUDIT_ANCHOR_FILE)


def anchor_append(*, rows: int, last_id: int | None, last_hash: str) -> Anchor:
    anchor = Anchor(written_at=timezone.now().astimezone(dt.UTC).isoformat(timespec="seconds"),
                    rows=rows, last_id=last_id, last_hash=last_hash)
    path = anchor_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as file:
        file.write(json.dumps(asdict(anchor)) + "\n")
        file.flush()
        os.fsync(file.fileno())
    return anchor


def anchor_latest() -> Anchor | None:
    """The last anchor written, or None when there is none yet."""
    path = anchor_path()
    if not path.exists():
        return None
    last = ""
    with path.open(encoding="utf-8") as file:
        for line in file:
            if line.strip():
                last = line
    return Anchor(**json.loads(last)) if last else None
