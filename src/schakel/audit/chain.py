"""The hash chain that makes the access log tamper-evident (ASVS 16.4.2).

Each row stores `previous_hash` (the `row_hash` of the row before it, "" for the first) and
`row_hash`: SHA-256 over the canonical form of its NEN 7513 fields plus `previous_hash`.

Fields added to the log later (`CHAIN_FIELDS_WHEN_SET`: the coded basis and the user on whose
behalf) are hashed only when set, after the previous hash, as one object of name and value.
A row written before they existed has them empty and keeps the digest it was written with,
so old rows verify unchanged after the upgrade; a new row that has them set is hashed with
them, so blanking or changing them breaks its hash like any other field. Changing,
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
# Hashed only when not empty (see above). Append-only as well.
CHAIN_FIELDS_WHEN_SET: tuple[str, ...] = ("basis", "on_behalf_of_id", "on_behalf_of_name")
ALL_CHAIN_FIELDS: tuple[str, ...] = CHAIN_FIELDS + CHAIN_FIELDS_WHEN_SET
_INTEGER_FIELDS = frozenset({"user_id", "child_id", "on_behalf_of_id"})

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


_CONVERTERS_WHEN_SET = tuple(
    _integer if name in _INTEGER_FIELDS else _text for name in CHAIN_FIELDS_WHEN_SET)


def canonical_values(values: Sequence[object]) -> list[object]:
    """`values` in `CHAIN_FIELDS` order, normalised to what survives a round trip through
    SQLite or PostgreSQL."""
    if len(values) != len(CHAIN_FIELDS):
        raise ValueError(f"expected {len(CHAIN_FIELDS)} values, got {len(values)}")
    return [convert(value) for convert, value in zip(_CONVERTERS, values, strict=True)]


def _set_values(values: Sequence[object]) -> dict[str, object]:
    """The fields of `CHAIN_FIELDS_WHEN_SET` that are not empty, normalised."""
    if len(values) != len(CHAIN_FIELDS_WHEN_SET):
        raise ValueError(f"expected {len(CHAIN_FIELDS_WHEN_SET)} values, got {len(values)}")
    normalised = (convert(value) for convert, value in
                  zip(_CONVERTERS_WHEN_SET, values, strict=True))
    return {name: value for name, value in zip(CHAIN_FIELDS_WHEN_SET, normalised, strict=True)
            if value not in (None, "")}


def row_digest(values: Sequence[object], previous_hash: str) -> str:
    """SHA-256 (hex) over the canonical JSON of the fields followed by the previous hash.

    `values` are those of `CHAIN_FIELDS` or of `ALL_CHAIN_FIELDS`; the ones of
    `CHAIN_FIELDS_WHEN_SET` that are set follow the previous hash as one JSON object (a row
    without them gets the digest of the first version of the chain)."""
    base, rest = values[:len(CHAIN_FIELDS)], values[len(CHAIN_FIELDS):]
    payload: list[object] = [*canonical_values(base), previous_hash]
    if rest:
        extra = _set_values(rest)
        if extra:
            payload.append(extra)
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def values_of(obj: object) -> list[object]:
    """The values of `ALL_CHAIN_FIELDS` of a row."""
    return [getattr(obj, name) for name in ALL_CHAIN_FIELDS]


def mapping_values(row: Mapping[str, object]) -> list[object]:
    """The values of `ALL_CHAIN_FIELDS` (or of `CHAIN_FIELDS`, for rows that lack the later
    fields) of a row given as a mapping."""
    return [row[name] for name in CHAIN_FIELDS] + [
        row[name] for name in CHAIN_FIELDS_WHEN_SET if name in row]
