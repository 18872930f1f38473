"""The NEN 7513 fields added later (coded basis, on behalf of) are in the hash chain, and rows
written before them still verify after the upgrade (audit migration 0006)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from schakel.access.actor import OnBehalfOf
from schakel.audit.chain import (
    CHAIN_FIELDS,
    CHAIN_FIELDS_WHEN_SET,
    GENESIS,
    canonical_values,
    row_digest,
    values_of,
)
from schakel.audit.events import EventCode
from schakel.audit.models import AccessEvent, Action, Basis
from schakel.audit.selectors import access_log_verify
from schakel.audit.writer import Subject, access_event_record
from tests.factories import ProfessionalFactory, actor_for

BEFORE = ("audit", "0005_refuse_truncate")
AFTER = ("audit", "0006_nen7513_basis_on_behalf")


def _first_version_digest(values: list[object], previous_hash: str) -> str:
    """The digest as the chain computed it before the later fields existed."""
    payload = json.dumps([*canonical_values(values), previous_hash], ensure_ascii=False,
                         separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _migrate(target: tuple[str, str]) -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([target])


# serialized_rollback: the flush after the test leaves the content types as other
# transactional tests expect them.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_rows_written_before_the_upgrade_verify_after_it():
    _migrate(BEFORE)
    try:
        columns = [*CHAIN_FIELDS, "previous_hash", "row_hash"]
        previous = GENESIS
        at = dt.datetime(2026, 11, 1, 9, 30, tzinfo=dt.UTC)
        with connection.cursor() as cursor:
            for number in range(3):
                values: list[Any] = [
                    at + dt.timedelta(minutes=number), "case.view", "R", "success", 7,
                    "Anne de Vries", "Jeugdverpleegkundige", "GGD Twente", "192.0.2.10",
                    "cases.case", str(number), 40 + number, "involved; consent #3", "schakel"]
                digest = _first_version_digest(values, previous)
                sql = "INSERT INTO audit_accessevent ({}) VALUES ({})".format(  # noqa: S608
                    ", ".join(columns), ", ".join(["%s"] * len(columns)))
                cursor.execute(sql, [*values, previous, digest])
                previous = digest
        _migrate(AFTER)
        old = list(AccessEvent.objects.order_by("pk"))
        assert [event.basis for event in old] == ["", "", ""]
        # New rows after the upgrade carry the coded basis and link on to the old ones.
        actor = actor_for(ProfessionalFactory())
        new = access_event_record(actor=actor, event_code=EventCode.CASE_VIEW,
                                  action=Action.READ, subject=Subject("cases.case", "9", 49),
                                  ground="involved; consent #4")
        assert new.previous_hash == previous
        assert new.basis == Basis.CONSENT
        report = access_log_verify()
        assert report.intact, report.first_break
        assert report.rows == 4
    finally:
        _migrate(AFTER)


def test_a_row_without_the_later_fields_keeps_the_first_digest():
    values: list[object] = [
        dt.datetime(2026, 11, 1, tzinfo=dt.UTC), "case.view", "R", "success", 1, "A", "", "",
        None, "cases.case", "1", 2, "involved", "schakel"]
    assert row_digest(values, "ab") == _first_version_digest(values, "ab")
    assert row_digest([*values, "", None, ""], "ab") == _first_version_digest(values, "ab")


@pytest.mark.parametrize(("name", "value"), [
    ("basis", Basis.EMERGENCY), ("on_behalf_of_id", 12), ("on_behalf_of_name", "B. Baas")])
def test_each_later_field_changes_the_digest_once_set(name: str, value: object):
    values: list[object] = [
        dt.datetime(2026, 11, 1, tzinfo=dt.UTC), "case.view", "R", "success", 1, "A", "", "",
        None, "cases.case", "1", 2, "involved", "schakel"]
    later: list[object] = ["", None, ""]
    later[CHAIN_FIELDS_WHEN_SET.index(name)] = value
    assert row_digest([*values, *later], "ab") != _first_version_digest(values, "ab")


def test_the_writer_copies_on_behalf_of_and_the_hash_covers_it(db: None):
    professional = ProfessionalFactory()
    boss = ProfessionalFactory()
    actor = actor_for(professional)
    actor = type(actor)(user=actor.user, professional=actor.professional,
                        on_behalf_of=OnBehalfOf(boss.user.pk, boss.full_name))
    event = access_event_record(actor=actor, event_code=EventCode.CASE_VIEW,
                                action=Action.READ, subject=Subject("cases.case", "1", 3),
                                ground="coordinator; file_holder")
    event.refresh_from_db()
    assert (event.on_behalf_of_id, event.on_behalf_of_name) == (boss.user.pk, boss.full_name)
    assert event.basis == Basis.TREATMENT
    assert event.row_hash == row_digest(values_of(event), event.previous_hash)
    blanked = values_of(event)
    blanked[len(CHAIN_FIELDS) + CHAIN_FIELDS_WHEN_SET.index("on_behalf_of_name")] = ""
    assert row_digest(blanked, event.previous_hash) != event.row_hash
