"""Case health indicators (`with_health` + `health_indicators`), as properties over dates.

"Today" is not mocked: every date is built relative to `timezone.localdate()` and
`timezone.now()`, so that the properties hold on whatever day they run."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from hypothesis import assume, given, settings, strategies as st

from schakel.cases.models import Agreement, AgreementStatus, Case
from schakel.cases.selectors import health_indicators, with_health
from tests.factories import (
    AgreementFactory,
    CaseFactory,
    InvolvementFactory,
    PlanStepEntryFactory,
    ProfessionalFactory,
    days_ahead,
)

MINUTES_PER_WEEK = 7 * 24 * 60


@contextmanager
def rolled_back() -> Iterator[None]:
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def codes(case: Case) -> set[str]:
    annotated = with_health(Case.objects.filter(pk=case.pk)).get()
    return {indicator.code for indicator in health_indicators(annotated)}


@settings(max_examples=40)
@given(weeks=st.integers(1, 12), minutes=st.integers(0, 20 * MINUTES_PER_WEEK),
       evaluated=st.booleans())
def test_no_evaluation_after_n_weeks(db, weeks, minutes, evaluated):
    boundary = weeks * MINUTES_PER_WEEK
    assume(abs(minutes - boundary) > 10)  # the clock moves while the test runs
    moment = timezone.now() - dt.timedelta(minutes=minutes)
    with rolled_back(), override_settings(SCHAKEL_EVALUATION_WEEKS=weeks):
        if evaluated:  # an evaluation since opening counts from the evaluation
            case = CaseFactory(opened_at=moment - dt.timedelta(weeks=52),
                               last_evaluated_at=moment, with_coordinator=True)
        else:  # never evaluated: counts from opening
            case = CaseFactory(opened_at=moment, with_coordinator=True)
        assert ("no_evaluation" in codes(case)) is (minutes > boundary)


@settings(max_examples=40)
@given(agreements=st.lists(
    st.tuples(st.integers(-60, 60), st.sampled_from(AgreementStatus.values)), max_size=6))
def test_overdue_agreements_follow_due_date_and_status(db, agreements):
    with rolled_back():
        case = CaseFactory(with_coordinator=True)
        for offset, status in agreements:
            AgreementFactory(case=case, owner=case.coordinator, due_date=days_ahead(offset),
                             status=status)
        expected = sum(1 for offset, status in agreements
                       if status == AgreementStatus.OPEN and offset < 0)
        annotated = with_health(Case.objects.filter(pk=case.pk)).get()
        assert getattr(annotated, "overdue_agreements") == expected  # noqa: B009
        assert ("overdue_agreements" in codes(case)) is (expected > 0)
        assert sum(a.is_overdue for a in Agreement.objects.filter(case=case)) == expected


@settings(max_examples=40)
@given(ends=st.lists(st.one_of(st.none(), st.integers(-30, 30)), max_size=8),
       has_plan=st.booleans(), threshold=st.integers(1, 6))
def test_many_professionals_without_a_plan(db, ends, has_plan, threshold):
    with rolled_back(), override_settings(SCHAKEL_MANY_PROFESSIONALS=threshold):
        case = CaseFactory(with_coordinator=True, involve_coordinator=False)
        for end in ends:
            InvolvementFactory(case=case, professional=ProfessionalFactory(),
                               end_date=None if end is None else days_ahead(end))
        if has_plan:
            PlanStepEntryFactory(case=case)
        active = sum(1 for end in ends if end is None or end >= 0)
        annotated = with_health(Case.objects.filter(pk=case.pk)).get()
        assert getattr(annotated, "involved_count") == active  # noqa: B009
        assert getattr(annotated, "has_plan") is has_plan  # noqa: B009
        assert ("many_without_plan" in codes(case)) is (active >= threshold and not has_plan)


def test_no_coordinator_is_flagged_while_open(db):
    assert "no_coordinator" in codes(CaseFactory())
    assert "no_coordinator" not in codes(CaseFactory(with_coordinator=True))


def test_a_fresh_healthy_case_has_no_indicators(db):
    case = CaseFactory(with_coordinator=True)
    AgreementFactory(case=case, owner=case.coordinator)
    assert codes(case) == set()


def test_a_closed_case_has_no_indicators(db):
    case = CaseFactory(closed=True, opened_at=timezone.now() - dt.timedelta(weeks=60))
    for _ in range(6):
        InvolvementFactory(case=case)
    AgreementFactory(case=case, overdue=True)
    assert codes(case) == set()


def test_the_labels_name_the_numbers(db):
    case = CaseFactory(opened_at=timezone.now() - dt.timedelta(weeks=10))
    for _ in range(2):
        AgreementFactory(case=case, overdue=True)
    with override_settings(SCHAKEL_EVALUATION_WEEKS=6, SCHAKEL_MANY_PROFESSIONALS=1):
        InvolvementFactory(case=case)
        annotated = with_health(Case.objects.filter(pk=case.pk)).get()
        labels = {i.code: i.label for i in health_indicators(annotated)}
    assert set(labels) == {"no_coordinator", "no_evaluation", "overdue_agreements",
                           "many_without_plan"}
    assert "6" in labels["no_evaluation"]
    assert "2" in labels["overdue_agreements"]
    assert "1" in labels["many_without_plan"]
