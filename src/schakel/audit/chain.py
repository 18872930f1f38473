"""The hash chain that makes the access log tamper-evident (ASVS 16.4.2).

Each row stores `previous_hash` (the `row_hash` of the row before it, "" for the first) and
`row_hash`: SHA-256 over the canonical form of its NEN 7513 fields plus `previous_hash`. Changing,
removing or reordering any row breaks the link of the next one, which `manage.py audit_verify`
finds. This module is pure (no database); `models` keeps the chain when rows are inserted and
`selectors.access_log_verify` walks it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import ipaddress
import json
from collections.abc import Mapping, Sequence
from functools import lru_cache

GENESIS = ""

# The NEN 7513 fields, in the order they are hashed. Append-only: a new field changes the hash
# of every row, so a new field needs a new chain version, not an edit here.
CHAIN_FIELDS: tuple[str, ...] = (
    "occurred_at", "event_code", "action", "outcome",
    "user_id", "user_name", "user_function", "organisation_name", "ip_address",
    "object_type", "object_id", "child_id", "ground", "source_system",
)
_INTEGER_FIELDS = frozenset({"user_id", "child_id"})

# Key of the PostgreSQL transaction-level advisory lock that serialises writers of the chain
# (any constant bigint; this one is "schakel" + "audit" in ASCII, truncated).
ADVISORY_LOCK_KEY = 0x73636861_6B656C61


def _utc_text(value: object) -> str:
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    if not isinstance(value, dt.datetime):
        raise TypeError(f"occurred_at must be a datetime, not {type(value).__name__}")
    if value.tzinfo is None:
        raise ValueError("occurred_at must be timezone-aware")
    return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@lru_cache(maxsize=4096)
def _ip_text(value: str) -> str:
    """The same text whatever the database gives back (PostgreSQL `inet` rewrites IPv6)."""
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return value


def _integer(value: object) -> int | None:
    return None if value is None or value == "" else int(str(value))


def _ip(value: object) -> str | None:
    return _ip_text(str(value)) if value else None


def _text(value: object) -> str:
    return "" if value is None else str(value)


_CONVERTERS = tuple(
    _utc_text if name == "occurred_at" else _integer if name in _INTEGER_FIELDS
    else _ip if name == "ip_address" else _text
    for name in CHAIN_FIELDS
)


def canonical_values(values: Sequence[object]) -> list[object]:
    """`values` in `CHAIN_FIELDS` order, normalised to what survives a round trip through
    SQLite or PostgreSQL."""
    if len(values) != len(CHAIN_FIELDS):
        raise ValueError(f"expected {len(CHAIN_FIELDS)} values, got {len(values)}")
    return [convert(value) for convert, value in zip(_CONVERTERS, values, strict=True)]


def row_digest(values: Sequence[object], previous_hash: str) -> str:
    """SHA-256 (hex) over the canonical JSON of the fields followed by the previous hash."""
    payload = json.dumps([*canonical_values(values), previous_hash], ensure_ascii=False,
                         separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def values_of(obj: object) -> list[object]:
    return [getattr(obj, name) for name in CHAIN_FIELDS]


def mapping_values(row: Mapping[str, object]) -> list[object]:
    return [row[name] for name in CHAIN_FIELDS]
