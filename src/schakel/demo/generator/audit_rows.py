"""A generated access log: reads and changes by the professionals involved in cases, core
teams looking at their pupils, and some refusals. Spread over a year.

A million rows through the ORM's `bulk_create` spend most of their time compiling SQL, so
the generator appends them with COPY (PostgreSQL) or one prepared INSERT (SQLite). The rows
are linked into the hash chain exactly as `audit.models` links them — the same lock, the same
`audit.chain` digest over the same fields, in insertion order — and the tests check the chain
with `audit.selectors.access_log_verify` after generating."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from itertools import islice
from typing import Any, cast

from django.db import connection

from schakel.audit.chain import ADVISORY_LOCK_KEY, CHAIN_FIELDS, GENESIS, row_digest
from schakel.audit.events import EventCode
from schakel.audit.models import AccessEvent, Action, Outcome
from schakel.demo.generator.cases import CaseDraft, noon
from schakel.demo.generator.config import RegionSize
from schakel.demo.generator.organisations import Pro, RegionIndex
from schakel.demo.generator.pupils import PupilIndex

CASE_EVENTS = (
    [(EventCode.CASE_VIEW, Action.READ), (EventCode.CASE_LIST, Action.READ),
     (EventCode.CASE_PLAN_STEP, Action.UPDATE), (EventCode.CASE_AGREEMENT, Action.CREATE),
     (EventCode.CASE_INTERVENTION, Action.CREATE), (EventCode.CHILD_VIEW, Action.READ)],
    [50, 28, 8, 5, 2, 7],
)
KIND_WEIGHTS = ([0, 1, 2], [85, 11, 4])  # case work, core team, refused
SOURCE_SYSTEM = "schakel"

Row = tuple[object, ...]  # the values of `CHAIN_FIELDS`, in that order


def _row(pro: Pro, ip: str, at: dt.datetime, code: EventCode, action: Action, object_type: str,
         object_id: int, child_id: int | None, ground: str,
         outcome: Outcome = Outcome.SUCCESS) -> Row:
    values = {
        "occurred_at": at, "event_code": code.value, "action": action.value,
        "outcome": outcome.value, "user_id": pro.user_id, "user_name": pro.name,
        "user_function": pro.function, "organisation_name": pro.organisation,
        "ip_address": ip, "object_type": object_type, "object_id": str(object_id),
        "child_id": child_id, "ground": ground, "source_system": SOURCE_SYSTEM,
    }
    return tuple(values[name] for name in CHAIN_FIELDS)


def _rows(region: RegionIndex, pupils: PupilIndex, drafts: list[CaseDraft],
          size: RegionSize, rng: random.Random) -> Iterator[Row]:
    now = noon(size.day())
    seconds = 365 * 24 * 3600
    ips = {p.id: f"10.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(1, 255)}"
           for p in region.professionals}
    work = [(d, p) for d in drafts for p in d.active_team]
    for _ in range(size.audit_rows):
        at = now - dt.timedelta(seconds=rng.randrange(seconds))
        kind = rng.choices(*KIND_WEIGHTS)[0] if work else 1
        if kind == 0:
            d, pro = rng.choice(work)
            code, action = rng.choices(*CASE_EVENTS)[0]
            ground = "coordinator" if pro is d.coordinator else "involved"
            child = rng.choice(d.child_ids)
            if code == EventCode.CHILD_VIEW:
                yield _row(pro, ips[pro.id], at, code, action, "children.child", child,
                           child, ground)
            else:
                yield _row(pro, ips[pro.id], at, code, action, "cases.case", d.id, child,
                           ground)
        elif kind == 1:
            s = rng.randrange(len(region.schools))
            info = region.schools[s]
            child = rng.choice(pupils.by_school[s]).child_id
            code = rng.choice([EventCode.CHILD_VIEW, EventCode.CHILD_SEARCH, EventCode.SIGNAL_LIST])
            yield _row(info.contact, ips[info.contact.id], at, code, Action.READ,
                       "children.child", child, child, "core_team")
        else:
            d = rng.choice(drafts)
            pro = rng.choice(region.professionals)
            yield _row(pro, ips[pro.id], at, EventCode.CASE_VIEW, Action.READ, "cases.case", d.id,
                       None, "", Outcome.DENIED)


def _chained(rows: Iterator[Row], previous: str) -> Iterator[list[Any]]:
    """Each row's values followed by `previous_hash` and `row_hash`, as `audit.models`
    links them."""
    for values in rows:
        digest = row_digest(values, previous)
        yield [*values, previous, digest]
        previous = digest


def _append_chained(rows: Iterator[Row], batch_size: int) -> int:
    """Append rows to the end of the hash chain; run inside the generating transaction.
    PostgreSQL takes them through COPY, SQLite through one prepared INSERT."""
    meta = AccessEvent._meta
    column_of = {f.name: str(f.column) for f in meta.concrete_fields}
    quote = connection.ops.quote_name
    table = quote(meta.db_table)
    columns = ", ".join(
        quote(column_of[name]) for name in (*CHAIN_FIELDS, "previous_hash", "row_hash"))
    at = CHAIN_FIELDS.index("occurred_at")
    ip = CHAIN_FIELDS.index("ip_address")
    count = 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [ADVISORY_LOCK_KEY])
        previous: str = (AccessEvent._base_manager.order_by("-pk")
                         .values_list("row_hash", flat=True).first()) or GENESIS
        chained = _chained(rows, previous)
        if connection.vendor == "postgresql":
            # Table and column names come from the model's metadata.
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in chained:
                    copy.write_row(row)
                    count += 1
            return count
        # Table and column names come from the model's metadata; the values are parameters.
        sql = (f"INSERT INTO {table} ({columns}) "  # noqa: S608
               f"VALUES ({', '.join(['%s'] * (len(CHAIN_FIELDS) + 2))})")
        while batch := list(islice(chained, batch_size)):
            for row in batch:
                row[at] = connection.ops.adapt_datetimefield_value(cast(dt.datetime, row[at]))
                row[ip] = connection.ops.adapt_ipaddressfield_value(cast(str, row[ip]))
            cursor.executemany(sql, batch)
            count += len(batch)
    return count


def audit_generate(region: RegionIndex, pupils: PupilIndex, drafts: list[CaseDraft],
                   size: RegionSize) -> int:
    rng = size.rng("audit")
    return _append_chained(_rows(region, pupils, drafts, size, rng), size.batch_size)
