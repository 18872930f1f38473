"""Destruction requests (Jeugdwet 7.3.9): due date, decision, carrying out, access."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone
from hypothesis import given, strategies as st

from schakel.audit.models import AccessEvent, Action
from schakel.cases.models import Case, PlanStepEntry
from schakel.dates import add_months
from schakel.retention.models import (
    DestructionRequest,
    DestructionStatus,
    RefusalGround,
    RequesterRelation,
)
from schakel.retention.periods import destruction_due_on
from schakel.retention.selectors import destruction_requests, destruction_requests_overdue
from schakel.retention.services import (
    destruction_request_carry_out,
    destruction_request_decide,
    destruction_request_register,
    requester_may_request,
)
from schakel.signals.models import Signal
from tests.factories import ChildFactory, actor_for
from tests.retention.fixtures import RetentionWorld

# --- the due date --------------------------------------------------------------------------

dates = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 12, 31))


@given(dates)
def test_due_date_is_three_calendar_months_later(received_on: dt.date) -> None:
    due = destruction_due_on(received_on)
    months = (due.year - received_on.year) * 12 + due.month - received_on.month
    assert months == 3
    last_day = calendar.monthrange(due.year, due.month)[1]
    assert due.day == min(received_on.day, last_day)
    assert 89 <= (due - received_on).days <= 92


@given(dates, dates)
def test_a_later_receipt_never_has_an_earlier_due_date(a: dt.date, b: dt.date) -> None:
    first, second = sorted((a, b))
    assert destruction_due_on(first) <= destruction_due_on(second)


@given(st.integers(min_value=2000, max_value=2100), st.integers(min_value=1, max_value=12))
def test_month_ends_clamp_to_the_shorter_month(year: int, month: int) -> None:
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    due = destruction_due_on(last)
    assert due.month == (month + 2) % 12 + 1
    assert due.day == min(last.day, calendar.monthrange(due.year, due.month)[1])


@pytest.mark.parametrize(("received", "due"), [
    (dt.date(2025, 11, 30), dt.date(2026, 2, 28)),
    (dt.date(2023, 11, 30), dt.date(2024, 2, 29)),
    (dt.date(2025, 8, 31), dt.date(2025, 11, 30)),
    (dt.date(2025, 12, 31), dt.date(2026, 3, 31)),
    (dt.date(2025, 1, 15), dt.date(2025, 4, 15)),
])
def test_known_due_dates(received: dt.date, due: dt.date) -> None:
    assert destruction_due_on(received) == due


def test_add_months_goes_backwards_too() -> None:
    assert add_months(dt.date(2024, 3, 31), -1) == dt.date(2024, 2, 29)
    assert add_months(dt.date(2024, 1, 31), -13) == dt.date(2022, 12, 31)


# --- registering and deciding --------------------------------------------------------------


def _register(rw: RetentionWorld, received_on: dt.date | None = None) -> DestructionRequest:
    return destruction_request_register(
        actor=actor_for(rw.privacy_officer), child=rw.child, requested_by="Eva Mulder",
        requester_relation=RequesterRelation.PARENT,
        received_on=received_on or timezone.localdate() - dt.timedelta(days=3),
    )


def test_registering_computes_the_due_date_and_logs(rw: RetentionWorld) -> None:
    request = _register(rw, dt.date(2025, 11, 30))
    assert request.due_on == dt.date(2026, 2, 28)
    assert request.status == DestructionStatus.RECEIVED
    assert AccessEvent.objects.filter(
        event_code="destruction_request.register", child_id=rw.child.pk,
        action=Action.CREATE).exists()


def test_registering_needs_a_requester_and_no_future_date(rw: RetentionWorld) -> None:
    with pytest.raises(ValidationError) as exc:
        destruction_request_register(
            actor=actor_for(rw.privacy_officer), child=rw.child, requested_by=" ",
            requester_relation=RequesterRelation.PARENT,
            received_on=timezone.localdate() + dt.timedelta(days=2))
    assert set(exc.value.message_dict) == {"requested_by", "received_on"}
    assert not DestructionRequest.objects.exists()


def test_refusal_needs_a_reason_and_a_ground(rw: RetentionWorld) -> None:
    request = _register(rw)
    actor = actor_for(rw.coordinator)
    with pytest.raises(ValidationError) as exc:
        destruction_request_decide(actor=actor, request=request, grant=False, reason="  ")
    assert set(exc.value.message_dict) == {"reason", "refusal_ground"}
    request.refresh_from_db()
    assert request.status == DestructionStatus.RECEIVED
    refused = destruction_request_decide(
        actor=actor, request=request, grant=False, reason="Een broer heeft belang bij het "
        "dossier.", refusal_ground=RefusalGround.OTHER_PERSON_INTEREST)
    assert refused.status == DestructionStatus.REFUSED
    assert refused.handled_by == rw.coordinator


def test_the_database_refuses_a_refusal_without_reason(rw: RetentionWorld) -> None:
    request = _register(rw)
    with pytest.raises(IntegrityError), transaction.atomic():
        DestructionRequest.objects.filter(pk=request.pk).update(
            status=DestructionStatus.REFUSED, decision_reason="")


def test_a_request_is_decided_once(rw: RetentionWorld) -> None:
    request = _register(rw)
    actor = actor_for(rw.privacy_officer)
    destruction_request_decide(actor=actor, request=request, grant=True)
    with pytest.raises(ValidationError):
        destruction_request_decide(actor=actor, request=request, grant=False, reason="x",
                                   refusal_ground=RefusalGround.STATUTORY_DUTY)


def test_standing_of_the_requester() -> None:
    child = ChildFactory.build(birth_date=dt.date(2015, 6, 1))
    assert not requester_may_request(child, RequesterRelation.YOUNG_PERSON, dt.date(2027, 5, 31))
    assert requester_may_request(child, RequesterRelation.YOUNG_PERSON, dt.date(2027, 6, 1))
    assert requester_may_request(child, RequesterRelation.PARENT, dt.date(2020, 1, 1))


# --- carrying out --------------------------------------------------------------------------


def test_carrying_out_destroys_the_childs_cases_and_logs_deletes(rw: RetentionWorld) -> None:
    actor = actor_for(rw.coordinator)
    request = _register(rw)
    destruction_request_decide(actor=actor, request=request, grant=True)
    done = destruction_request_carry_out(actor=actor, request=request, today=dt.date(2026, 1, 5))

    assert not Case.objects.filter(pk=rw.case.pk).exists()
    assert not PlanStepEntry.objects.filter(case_id=rw.case.pk).exists()
    assert not Signal.objects.filter(pk=rw.linked_signal.pk).exists()
    assert Case.objects.filter(pk=rw.family_case.pk).exists()  # the sibling's data too
    assert done.status == DestructionStatus.CARRIED_OUT
    assert done.carried_out_on == dt.date(2026, 1, 5)
    assert done.destroyed == {"case_content": 1, "school_signal": 1, "family_cases_kept": 1}
    deletes = AccessEvent.objects.filter(
        event_code="destruction_request.carry_out", action=Action.DELETE, child_id=rw.child.pk)
    assert set(deletes.values_list("object_type", "object_id")) == {
        ("retention.destructionrequest", str(request.pk)), ("cases.case", str(rw.case.pk))}


def test_only_a_granted_request_is_carried_out(rw: RetentionWorld) -> None:
    request = _register(rw)
    with pytest.raises(ValidationError):
        destruction_request_carry_out(actor=actor_for(rw.privacy_officer), request=request)
    assert Case.objects.filter(pk=rw.case.pk).exists()


# --- access --------------------------------------------------------------------------------


def test_an_outsider_can_do_nothing(rw: RetentionWorld) -> None:
    outsider = actor_for(rw.outsider)
    with pytest.raises(Http404):
        destruction_request_register(
            actor=outsider, child=rw.child, requested_by="Eva Mulder",
            requester_relation=RequesterRelation.PARENT, received_on=dt.date(2025, 1, 1))
    request = _register(rw)
    with pytest.raises(Http404):
        destruction_request_decide(actor=outsider, request=request, grant=True)
    destruction_request_decide(actor=actor_for(rw.privacy_officer), request=request, grant=True)
    with pytest.raises(Http404):
        destruction_request_carry_out(actor=outsider, request=request)
    assert Case.objects.filter(pk=rw.case.pk).exists()
    assert AccessEvent.objects.filter(user_id=rw.outsider.user_id, outcome="denied").count() == 3


def test_the_sibling_case_coordinator_may_handle_a_request(rw: RetentionWorld) -> None:
    """Coordinating the family case is enough: it is the child's case too."""
    request = destruction_request_register(
        actor=actor_for(rw.coordinator), child=rw.sibling, requested_by="Daan Mulder",
        requester_relation=RequesterRelation.YOUNG_PERSON, received_on=dt.date(2025, 1, 1))
    assert request.child == rw.sibling


def test_overdue_requests_are_listed_for_the_privacy_officer(rw: RetentionWorld) -> None:
    officer = actor_for(rw.privacy_officer)
    today = dt.date(2026, 6, 1)
    overdue = _register(rw, dt.date(2026, 1, 10))  # due 10 April
    on_time = _register(rw, dt.date(2026, 3, 1))  # due 1 June: not yet overdue
    finished = _register(rw, dt.date(2026, 1, 5))
    destruction_request_decide(actor=officer, request=finished, grant=False, reason="Wet.",
                               refusal_ground=RefusalGround.STATUTORY_DUTY)
    assert [r.pk for r in destruction_requests_overdue(actor=officer, today=today)] == [
        overdue.pk]
    assert on_time.pk in [r.pk for r in destruction_requests(actor=officer)]
    with pytest.raises(Http404):
        destruction_requests_overdue(actor=actor_for(rw.coordinator), today=today)
    with pytest.raises(Http404):
        destruction_requests(actor=actor_for(rw.outsider))
