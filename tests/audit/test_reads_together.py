"""A request's read rows are written together (`audit.writer.reads_together`): one insert,
in the order of events, and never rolled back with a service that fails."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from schakel.access.actor import Actor
from schakel.audit.events import EventCode
from schakel.audit.models import AccessEvent, Action, Outcome
from schakel.audit.selectors import access_log_verify
from schakel.audit.writer import (
    Subject,
    access_event_record,
    access_events_record,
    reads_together,
)
from schakel.transactions import service_transaction
from tests.conftest import World
from tests.factories import ProfessionalFactory, actor_for
from tests.support import sign_in


def _read(actor: Actor, n: int) -> None:
    access_events_record(actor=actor, event_code=EventCode.CASE_LIST, action=Action.READ,
                         subjects=[Subject("cases.case", str(n), n)])


def _codes() -> list[tuple[str, str]]:
    return list(AccessEvent.objects.order_by("pk").values_list("object_id", "action"))


def test_reads_wait_until_the_block_ends_and_keep_their_order(db: None) -> None:
    actor = actor_for(ProfessionalFactory())
    with reads_together():
        _read(actor, 1)
        _read(actor, 2)
        assert not AccessEvent.objects.exists()
    assert _codes() == [("1", Action.READ), ("2", Action.READ)]
    assert access_log_verify().intact


def test_another_row_writes_the_waiting_reads_before_it(db: None) -> None:
    actor = actor_for(ProfessionalFactory())
    with reads_together():
        _read(actor, 1)
        access_event_record(actor=actor, event_code=EventCode.CASE_VIEW, action=Action.READ,
                            subject=Subject("cases.case", "2", 2), outcome=Outcome.DENIED)
        assert _codes() == [("1", Action.READ), ("2", Action.READ)]
        _read(actor, 3)
    assert [pk for pk, _action in _codes()] == ["1", "2", "3"]
    assert access_log_verify().intact


@service_transaction()
def _failing_service(actor: Actor) -> None:
    access_event_record(actor=actor, event_code=EventCode.CASE_CLOSE, action=Action.UPDATE,
                        subject=Subject("cases.case", "9", 9))
    raise ValidationError("refused")


def test_a_failing_service_does_not_take_the_reads_with_it(db: None) -> None:
    actor = actor_for(ProfessionalFactory())
    with reads_together():
        _read(actor, 1)
        with pytest.raises(ValidationError):
            _failing_service(actor)
        assert _codes() == [("1", Action.READ)]
    assert _codes() == [("1", Action.READ)]


def test_without_the_block_every_read_is_written_at_once(db: None) -> None:
    _read(actor_for(ProfessionalFactory()), 1)
    assert _codes() == [("1", Action.READ)]


def test_a_page_writes_its_reads_in_one_insert(world: World) -> None:
    """The child's page reads the child, its signals and its cases: three logged reads."""
    client = sign_in(Client(), world.core_member.user)
    before = AccessEvent.objects.count()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("children:detail", kwargs={"child_id": world.child.pk}))
    assert response.status_code == 200
    inserts = [q for q in queries.captured_queries
               if q["sql"].startswith(f'INSERT INTO "{AccessEvent._meta.db_table}"')]
    codes = set(AccessEvent.objects.order_by("pk")[before:].values_list("event_code",
                                                                          flat=True))
    assert len(inserts) == 1
    assert {EventCode.CHILD_VIEW, EventCode.SIGNAL_LIST, EventCode.CASE_EXISTENCE} <= codes
    assert access_log_verify().intact


def test_a_page_whose_reads_cannot_be_written_is_not_sent(
    world: World, monkeypatch: pytest.MonkeyPatch,
) -> None:
    client = sign_in(Client(raise_request_exception=False), world.core_member.user)
    before = AccessEvent.objects.count()

    def refuse(*args: object, **kwargs: object) -> None:
        raise DatabaseError("the access log cannot be written")

    monkeypatch.setattr(AccessEvent.objects, "bulk_create", refuse)
    response = client.get(reverse("children:detail", kwargs={"child_id": world.child.pk}))
    assert response.status_code == 500
    assert world.child.last_name not in response.content.decode()
    assert AccessEvent.objects.count() == before
