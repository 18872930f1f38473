"""The hash chain of the access log: every insert path chains, `audit_verify` finds changed,
removed and reordered rows, and PostgreSQL refuses UPDATE and DELETE by itself."""

from __future__ import annotations

import datetime as dt
import importlib
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.apps import apps as global_apps
from django.core.management import CommandError, call_command
from django.db import DatabaseError, OperationalError, connection, connections, transaction
from django.utils import timezone

from schakel.audit.chain import CHAIN_FIELDS, GENESIS, row_digest, values_of
from schakel.audit.events import EventCode
from schakel.audit.models import AccessEvent, Action
from schakel.audit.selectors import access_log_verify
from schakel.audit.writer import Subject, access_event_record, access_events_record
from tests.factories import AccessEventFactory, ProfessionalFactory, actor_for

TABLE = AccessEvent._meta.db_table
DISABLE_TRIGGER = "ALTER TABLE audit_accessevent DISABLE TRIGGER audit_accessevent_append_only"
ENABLE_TRIGGER = "ALTER TABLE audit_accessevent ENABLE TRIGGER audit_accessevent_append_only"


@pytest.fixture
def events(db: None) -> list[AccessEvent]:
    actor = actor_for(ProfessionalFactory())
    first = access_event_record(actor=actor, event_code=EventCode.CASE_VIEW, action=Action.READ,
                                subject=Subject("cases.case", "1", 7))
    access_events_record(actor=actor, event_code=EventCode.CASE_LIST, action=Action.READ,
                         subjects=[Subject("cases.case", str(i), i) for i in range(2, 6)])
    AccessEventFactory()
    assert first.previous_hash == GENESIS
    return list(AccessEvent.objects.order_by("pk"))


def _tamper(sql: str, params: list[Any]) -> None:
    """What someone with direct database access could do (on PostgreSQL: after disabling the
    append-only trigger, which a database owner can; the test transaction undoes it)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(DISABLE_TRIGGER)
        cursor.execute(sql, params)
        if connection.vendor == "postgresql":
            cursor.execute(ENABLE_TRIGGER)


def test_every_insert_path_links_to_the_row_before(events: list[AccessEvent]):
    assert len(events) == 6
    previous = GENESIS
    for event in events:
        assert event.previous_hash == previous
        assert event.row_hash == row_digest(values_of(event), previous)
        assert len(event.row_hash) == 64
        previous = event.row_hash


def test_hash_covers_every_nen7513_field(events: list[AccessEvent]):
    event = events[0]
    base = values_of(event)
    digests = {row_digest(base, event.previous_hash)}
    for index, name in enumerate(CHAIN_FIELDS):
        changed = list(base)
        if name == "occurred_at":
            changed[index] = event.occurred_at + dt.timedelta(microseconds=1)
        elif name in {"user_id", "child_id"}:
            changed[index] = int(str(base[index] or 0)) + 1
        elif name == "ip_address":
            changed[index] = "198.51.100.1"
        else:
            changed[index] = f"{base[index]}x"
        digests.add(row_digest(changed, event.previous_hash))
    digests.add(row_digest(base, "0" * 64))
    assert len(digests) == len(CHAIN_FIELDS) + 2


def test_verify_passes_on_an_intact_log(events: list[AccessEvent], capsys):
    report = access_log_verify(chunk_size=2)
    assert report.intact
    assert report.rows == 6
    assert report.last_hash == events[-1].row_hash
    call_command("audit_verify", chunk_size=4)
    assert "6 rows verified" in capsys.readouterr().out


def test_verify_passes_on_an_empty_log(db: None):
    report = access_log_verify()
    assert report.intact
    assert report.rows == 0


def test_a_changed_row_is_found(events: list[AccessEvent]):
    target = events[3]
    _tamper("UPDATE audit_accessevent SET user_name = %s WHERE id = %s",
            ["Iemand Anders", target.pk])
    report = access_log_verify(chunk_size=2)
    assert report.first_break is not None
    assert report.first_break.row_id == target.pk
    assert "changed" in report.first_break.reason
    assert report.rows == 3
    with pytest.raises(CommandError, match=f"row id {target.pk}"):
        call_command("audit_verify")


def test_a_changed_row_with_a_recomputed_hash_is_found_at_the_next_row(
    events: list[AccessEvent],
):
    target = events[2]
    values = values_of(target)
    values[CHAIN_FIELDS.index("ground")] = "forged"
    forged = row_digest(values, target.previous_hash)
    _tamper("UPDATE audit_accessevent SET ground = %s, row_hash = %s WHERE id = %s",
            ["forged", forged, target.pk])
    report = access_log_verify()
    assert report.first_break is not None
    assert report.first_break.row_id == events[3].pk
    assert "removed" in report.first_break.reason


def test_a_removed_row_is_found(events: list[AccessEvent]):
    _tamper("DELETE FROM audit_accessevent WHERE id = %s", [events[1].pk])
    report = access_log_verify()
    assert report.first_break is not None
    assert report.first_break.row_id == events[2].pk


def test_database_refuses_update_and_delete_on_postgresql_only(events: list[AccessEvent]):
    target = events[0]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            for sql in ("UPDATE audit_accessevent SET user_name = 'x' WHERE id = %s",
                        "DELETE FROM audit_accessevent WHERE id = %s"):
                with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
                    cursor.execute(sql, [target.pk])
            assert AccessEvent.objects.get(pk=target.pk).user_name == target.user_name
        else:
            # SQLite (the demo database) has no trigger: rebuilds and flushes of the table
            # would lose or trip over it. There the chain shows tampering (tests above).
            cursor.execute("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                           "AND tbl_name = %s", [TABLE])
            assert cursor.fetchone()[0] == 0
            cursor.execute("UPDATE audit_accessevent SET user_name = 'x' WHERE id = %s",
                           [target.pk])
            assert not access_log_verify().intact


def test_orm_paths_stay_refused(events: list[AccessEvent]):
    with pytest.raises(PermissionError):
        AccessEvent.objects.bulk_update(events, ["ground"])
    with pytest.raises(PermissionError):
        events[0].save()


def test_occurred_at_in_another_time_zone_hashes_the_same(db: None):
    amsterdam = timezone.get_fixed_timezone(60)
    local = timezone.now().astimezone(amsterdam)
    event = AccessEventFactory(occurred_at=local, ip_address="2001:0db8:0000::0001")
    stored = AccessEvent.objects.get(pk=event.pk)
    assert stored.row_hash == event.row_hash
    assert access_log_verify().intact


# --- the migration that links rows already there -----------------------------------------


class _Editor:
    def __init__(self) -> None:
        self.connection = connection


def test_migration_links_existing_rows_in_id_order(events: list[AccessEvent]):
    _tamper("UPDATE audit_accessevent SET previous_hash = '', row_hash = ''", [])
    assert not access_log_verify().intact
    migration = importlib.import_module("schakel.audit.migrations.0002_hash_chain")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(DISABLE_TRIGGER)
    migration.link_existing_rows(global_apps, _Editor())
    report = access_log_verify()
    assert report.intact
    assert report.rows == len(events)
    assert report.last_hash == events[-1].row_hash


# --- concurrent writers ------------------------------------------------------------------


def _rows() -> Iterator[AccessEvent]:
    return AccessEvent.objects.order_by("pk").iterator()


def _with_retry(write: Callable[[], object]) -> None:
    """The in-memory SQLite test database shares one cache between threads, where a second
    writer gets "table is locked" at once instead of waiting (busy_timeout) as it does on a
    database file; it then tries again, as a waiting writer would."""
    for _attempt in range(200):
        try:
            with transaction.atomic():
                write()
            return
        except OperationalError as error:
            if connection.vendor != "sqlite" or "locked" not in str(error):
                raise
            time.sleep(0.005)
    raise AssertionError("writer starved")  # pragma: no cover


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_writers_keep_one_chain():
    """Writers in parallel threads, each in its own transaction, single rows and bulk."""
    actor = actor_for(ProfessionalFactory())
    errors: list[BaseException] = []

    def write(n: int) -> None:
        try:
            for i in range(5):
                if i % 2:
                    _with_retry(lambda: access_events_record(
                        actor=actor, event_code=EventCode.CASE_LIST, action=Action.READ,
                        subjects=[Subject("cases.case", str(j), j) for j in range(3)]))
                else:
                    _with_retry(lambda: access_event_record(
                        actor=actor, event_code=EventCode.CASE_VIEW, action=Action.READ,
                        subject=Subject("cases.case", str(n), n)))
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert AccessEvent.objects.count() == 4 * (3 + 2 * 3)
    report = access_log_verify()
    assert report.intact, report.first_break
    assert len({e.row_hash for e in _rows()}) == AccessEvent.objects.count()
