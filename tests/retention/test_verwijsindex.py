"""The Verwijsindex question of a case: when it is due, recording the answer, expiry."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone

from schakel.audit.models import AccessEvent
from schakel.cases.models import Case, CaseStatus
from schakel.children.models import Measure, MeasureKind
from schakel.organisations.models import Professional
from schakel.retention.models import VerwijsindexReport
from schakel.retention.selectors import (
    verwijsindex_question_due,
    verwijsindex_status,
)
from schakel.retention.services import verwijsindex_record
from tests.factories import (
    CaseFactory,
    EscalationFactory,
    OrganisationFactory,
    ProfessionalFactory,
    actor_for,
)


@pytest.fixture
def coordinator(db: None) -> Professional:
    return ProfessionalFactory(nurse=True)


@pytest.fixture
def case(coordinator: Professional) -> Case:
    return CaseFactory(coordinator=coordinator, consented=True)


def _measure(case: Case, kind: MeasureKind, start: dt.date, end: dt.date | None) -> Measure:
    worker = ProfessionalFactory(child_protection_worker=True)
    assert case.child is not None
    return Measure.objects.create(
        child=case.child, kind=kind, organisation=OrganisationFactory(child_protection=True),
        worker=worker, start_date=start, end_date=end, started_by=worker)


def test_not_due_without_a_risk_ground(case: Case) -> None:
    assert not verwijsindex_question_due(case)


def test_due_for_an_escalated_case_until_answered(case: Case, coordinator: Professional
                                                  ) -> None:
    EscalationFactory(case=case, escalated_by=coordinator)
    Case.objects.filter(pk=case.pk).update(status=CaseStatus.ESCALATED)
    case.refresh_from_db()
    assert verwijsindex_question_due(case)
    verwijsindex_record(actor=actor_for(coordinator), case=case, reported=False)
    assert not verwijsindex_question_due(case)


@pytest.mark.parametrize("kind", [MeasureKind.OTS, MeasureKind.GUARDIANSHIP,
                                  MeasureKind.YOUTH_PROBATION])
def test_due_during_an_active_measure(case: Case, kind: MeasureKind) -> None:
    today = timezone.localdate()
    _measure(case, kind, today - dt.timedelta(days=30), None)
    assert verwijsindex_question_due(case)


def test_not_due_after_the_measure_ended(case: Case) -> None:
    today = timezone.localdate()
    _measure(case, MeasureKind.OTS, today - dt.timedelta(days=400), today - dt.timedelta(days=1))
    assert not verwijsindex_question_due(case)


def test_a_report_expires_after_two_years(case: Case, coordinator: Professional) -> None:
    EscalationFactory(case=case, escalated_by=coordinator)
    reported_on = dt.date(2024, 2, 29)
    verwijsindex_record(actor=actor_for(coordinator), case=case, reported=True,
                        reported_on=reported_on, reported_by="Anne, GGD")
    assert not verwijsindex_question_due(case, today=dt.date(2026, 2, 27))
    assert verwijsindex_question_due(case, today=dt.date(2026, 2, 28))
    status = verwijsindex_status(actor=actor_for(coordinator), case_id=case.pk)
    assert status.expires_on == dt.date(2026, 2, 28)
    assert status.latest is not None
    assert status.latest.reported_by == "Anne, GGD"


def test_a_closed_case_asks_nothing(case: Case, coordinator: Professional) -> None:
    EscalationFactory(case=case, escalated_by=coordinator)
    Case.objects.filter(pk=case.pk).update(status=CaseStatus.CLOSED, closed_at=timezone.now())
    case.refresh_from_db()
    assert not verwijsindex_question_due(case)


def test_a_report_needs_its_date(case: Case, coordinator: Professional) -> None:
    with pytest.raises(ValidationError) as exc:
        verwijsindex_record(actor=actor_for(coordinator), case=case, reported=True)
    assert "reported_on" in exc.value.message_dict
    assert not VerwijsindexReport.objects.exists()


def test_recording_is_logged_and_refused_to_outsiders(case: Case, coordinator: Professional
                                                      ) -> None:
    verwijsindex_record(actor=actor_for(coordinator), case=case, reported=False)
    assert AccessEvent.objects.filter(event_code="case.verwijsindex",
                                      child_id=case.child_id).exists()
    outsider = actor_for(ProfessionalFactory())
    with pytest.raises(Http404):
        verwijsindex_record(actor=outsider, case=case, reported=False)
    with pytest.raises(Http404):
        verwijsindex_status(actor=outsider, case_id=case.pk)
    assert VerwijsindexReport.objects.count() == 1


def test_no_bsn_is_stored() -> None:
    names = {f.name for f in VerwijsindexReport._meta.get_fields()}
    assert not any("bsn" in name or "burgerservice" in name for name in names)
