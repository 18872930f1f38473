"""Reminders of agreements: two days before the due date and once overdue, each exactly once
for a due date, whatever days the job runs (`cases.services.reminders`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import IntegrityError, connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings, strategies as st

from schakel.cases.models import Agreement, AgreementReminder, CaseStatus, ReminderKind
from schakel.cases.services import reminders
from schakel.cases.services.reminders import agreement_reminders_send, agreements_to_remind
from schakel.cases.tasks import agreement_reminders_job
from schakel.notifications.models import Notification, NotificationKind
from tests.factories import AgreementFactory, CaseFactory, InvolvementFactory, ProfessionalFactory

pytestmark = pytest.mark.django_db

DUE = dt.date(2026, 3, 10)  # a Tuesday; the job takes the day it runs as


def _agreement(due: dt.date = DUE, **kwargs: Any) -> Agreement:
    owner = ProfessionalFactory()
    case = kwargs.pop("case", None) or CaseFactory()
    InvolvementFactory(case=case, professional=owner)
    return AgreementFactory(case=case, owner=owner, due_date=due, **kwargs)


def _sent(agreement: Agreement) -> list[str]:
    return sorted(Notification.objects.filter(recipient=agreement.owner.user).values_list(
        "kind", flat=True))


def test_two_days_before_the_owner_is_reminded_once():
    agreement = _agreement()
    assert agreement_reminders_send(today=DUE - dt.timedelta(days=3)).due_soon == 0
    sent = agreement_reminders_send(today=DUE - dt.timedelta(days=2))
    assert (sent.due_soon, sent.overdue) == (1, 0)
    assert agreement_reminders_send(today=DUE - dt.timedelta(days=2)).due_soon == 0  # twice
    assert agreement_reminders_send(today=DUE).due_soon == 0
    notification = Notification.objects.get(recipient=agreement.owner.user)
    assert notification.kind == NotificationKind.AGREEMENT_DUE_SOON
    assert agreement.case.reference in notification.message
    assert "10-03-2026" in notification.message
    assert agreement.description not in notification.message
    assert notification.link.endswith(f"/{agreement.case.pk}/")
    reminder = AgreementReminder.objects.get()
    assert (reminder.kind, reminder.due_date, reminder.sent_on) == (
        ReminderKind.DUE_SOON, DUE, DUE - dt.timedelta(days=2))


def test_the_day_after_the_due_date_it_is_overdue_once():
    agreement = _agreement()
    agreement_reminders_send(today=DUE - dt.timedelta(days=1))
    assert agreement_reminders_send(today=DUE).overdue == 0  # due today: not overdue yet
    assert agreement_reminders_send(today=DUE + dt.timedelta(days=1)).overdue == 1
    assert agreement_reminders_send(today=DUE + dt.timedelta(days=5)).overdue == 0
    assert _sent(agreement) == [NotificationKind.AGREEMENT_DUE_SOON,
                                NotificationKind.AGREEMENT_OVERDUE]


def test_a_missed_window_sends_no_late_reminder_only_the_overdue_notice():
    agreement = _agreement()
    sent = agreement_reminders_send(today=DUE + dt.timedelta(days=4))
    assert (sent.due_soon, sent.overdue) == (0, 1)
    assert _sent(agreement) == [NotificationKind.AGREEMENT_OVERDUE]


@pytest.mark.parametrize("trait", ["done", "cancelled"])
def test_done_and_cancelled_agreements_get_nothing(trait: str):
    agreement = _agreement(DUE, **{trait: True})
    for offset in (-2, 0, 1, 7):
        agreement_reminders_send(today=DUE + dt.timedelta(days=offset))
    assert _sent(agreement) == []


def test_closed_cases_and_owners_no_longer_involved_get_nothing():
    closed = _agreement(case=CaseFactory(status=CaseStatus.CLOSED))
    left = AgreementFactory(due_date=DUE)  # the owner is no longer involved
    InvolvementFactory(case=left.case, professional=left.owner,
                       end_date=DUE - dt.timedelta(days=5))
    never = AgreementFactory(due_date=DUE)
    agreement_reminders_send(today=DUE - dt.timedelta(days=1))
    agreement_reminders_send(today=DUE + dt.timedelta(days=1))
    assert _sent(closed) == []
    assert _sent(left) == []
    assert _sent(never) == []


def test_a_due_date_moved_later_rearms_both():
    agreement = _agreement()
    agreement_reminders_send(today=DUE - dt.timedelta(days=1))
    agreement_reminders_send(today=DUE + dt.timedelta(days=1))
    later = DUE + dt.timedelta(days=14)
    Agreement.objects.filter(pk=agreement.pk).update(due_date=later)
    assert agreement_reminders_send(today=DUE + dt.timedelta(days=2)).overdue == 0  # not yet
    assert agreement_reminders_send(today=later - dt.timedelta(days=2)).due_soon == 1
    assert agreement_reminders_send(today=later + dt.timedelta(days=1)).overdue == 1
    assert _sent(agreement) == [NotificationKind.AGREEMENT_DUE_SOON] * 2 + [
        NotificationKind.AGREEMENT_OVERDUE] * 2
    assert set(AgreementReminder.objects.values_list("due_date", flat=True)) == {DUE, later}


def test_a_run_that_meets_another_runs_rows_starts_over_and_sends_nothing_twice(
        monkeypatch: pytest.MonkeyPatch):
    """Two runs at once: the second selected before the first committed, so its insert hits
    the unique constraint. It rolls back whole (no notification) and selects again."""
    agreement = _agreement()
    today = DUE - dt.timedelta(days=1)
    agreement_reminders_send(today=today)
    stale = Agreement.objects.filter(pk=agreement.pk).select_related("case", "owner__user")
    calls: list[dt.date] = []

    def selection_of_a_moment_ago(day: dt.date) -> Any:
        calls.append(day)
        return stale if len(calls) == 1 else agreements_to_remind(day)

    monkeypatch.setattr(reminders, "agreements_to_remind", selection_of_a_moment_ago)
    sent = agreement_reminders_send(today=today)
    assert (sent.due_soon, sent.overdue) == (0, 0)
    assert len(calls) == 2
    assert _sent(agreement) == [NotificationKind.AGREEMENT_DUE_SOON]


def test_the_constraint_refuses_a_second_reminder_for_the_same_due_date():
    agreement = _agreement()
    AgreementReminder.objects.create(agreement=agreement, kind=ReminderKind.OVERDUE,
                                     due_date=DUE, sent_on=DUE)
    with pytest.raises(IntegrityError):
        AgreementReminder.objects.create(agreement=agreement, kind=ReminderKind.OVERDUE,
                                         due_date=DUE, sent_on=DUE + dt.timedelta(days=1))


def test_the_job_takes_the_day_of_its_period():
    _agreement()
    _agreement(due=DUE - dt.timedelta(days=3))
    assert agreement_reminders_job.call(today=DUE.isoformat()) == {"due_soon": 1, "overdue": 1}
    assert agreement_reminders_job.call(today=DUE.isoformat()) == {"due_soon": 0, "overdue": 0}


def _queries_for(count: int, today: dt.date) -> int:
    for _ in range(count):
        _agreement()
        _agreement(due=DUE - dt.timedelta(days=5))
    with CaptureQueriesContext(connection) as queries:
        sent = agreement_reminders_send(today=today)
    assert (sent.due_soon, sent.overdue) == (count, count)
    return len(queries)


def test_the_number_of_queries_does_not_grow_with_the_agreements():
    few = _queries_for(2, DUE - dt.timedelta(days=1))
    many = _queries_for(30, DUE)  # the first 2 were reminded already: 30 more of each
    assert many == few
    assert few <= 8


# For any due date and any days the job runs (in order, a day perhaps twice), an agreement gets
# the due-soon reminder exactly once if the job ran on a day from D-2 up to D, and the overdue
# notice exactly once if it ran on a day after D; never more, never otherwise.
offsets = st.lists(st.integers(min_value=-8, max_value=8), max_size=10).map(sorted)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(due_offset=st.integers(min_value=-4, max_value=4), run_offsets=offsets)
def test_each_reminder_is_sent_exactly_once_whatever_days_the_job_runs(
        reminded: Agreement, due_offset: int, run_offsets: list[int]):
    due = DUE + dt.timedelta(days=due_offset)
    Agreement.objects.filter(pk=reminded.pk).update(due_date=due)
    Notification.objects.all().delete()
    AgreementReminder.objects.all().delete()
    days = [DUE + dt.timedelta(days=offset) for offset in run_offsets]
    for day in days:
        agreement_reminders_send(today=day)
    kinds = _sent(reminded)
    expected_soon = int(any(due - dt.timedelta(days=2) <= day <= due for day in days))
    expected_overdue = int(any(day > due for day in days))
    assert kinds.count(NotificationKind.AGREEMENT_DUE_SOON) == expected_soon
    assert kinds.count(NotificationKind.AGREEMENT_OVERDUE) == expected_overdue
    assert len(kinds) == expected_soon + expected_overdue


@pytest.fixture
def reminded() -> Agreement:
    return _agreement()
