"""A small world for the retention tests, built with the ORM and the shared factories.

Nina is a pupil of De Linde; her case, coordinated by the youth nurse Anne, was closed long
ago, on `CLOSED_ON`, and every part of it was written on that day. Her brother Daan has a
family case with her. Anne's GGD reads both on a care consent (the school holds the files).
Petra is the privacy officer; Olaf is an outsider. Timestamps the
models set themselves (`auto_now_add`) are moved with `update()`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from schakel.cases.models import (
    Agreement,
    Case,
    CaseStatus,
    ClassroomAdvice,
    Consultation,
    Escalation,
    PlanStepEntry,
)
from schakel.children.models import Child, Family
from schakel.organisations.models import Professional, School
from schakel.signals.models import Signal
from tests.factories import (
    AgreementFactory,
    CaseFactory,
    ChildFactory,
    ClassroomAdviceFactory,
    ConsultationFactory,
    EnrolmentFactory,
    EscalationFactory,
    FamilyFactory,
    InterventionFactory,
    PlanStepEntryFactory,
    ProfessionalFactory,
    SchoolFactory,
    SignalFactory,
)

CLOSED_ON = dt.date(2004, 3, 15)


def at_noon(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(12, 0)))


def closed_case(
    *, child: Child | None, school: School, coordinator: Professional, closed_on: dt.date,
    family: Family | None = None, title: str = "Zorgen over Nina",
) -> Case:
    """A closed case with a plan step, a consultation, an agreement, an intervention, advice
    and an escalation, all written on `closed_on`; the coordinator's organisation has a care
    consent for every child of it."""
    moment = at_noon(closed_on)
    case = CaseFactory(
        child=child, family=family, school=school, coordinator=coordinator,
        status=CaseStatus.CLOSED, opened_at=moment - dt.timedelta(days=200), closed_at=moment,
        closure_reason="Doelen bereikt.", title=title, consented=True,
    )
    PlanStepEntryFactory(case=case, filled_in_by=coordinator)
    ConsultationFactory(case=case, recorded_by=coordinator)
    AgreementFactory(case=case, owner=coordinator, created_by=coordinator)
    InterventionFactory(case=case, recorded_by=coordinator)
    ClassroomAdviceFactory(case=case, given_by=coordinator)
    EscalationFactory(case=case, escalated_by=coordinator)
    PlanStepEntry.objects.filter(case=case).update(filled_in_at=moment)
    Consultation.objects.filter(case=case).update(recorded_at=moment)
    Agreement.objects.filter(case=case).update(created_at=moment, completed_at=None)
    ClassroomAdvice.objects.filter(case=case).update(given_at=moment)
    Escalation.objects.filter(case=case).update(escalated_at=moment)
    return case


@dataclass
class RetentionWorld:
    school: School
    coordinator: Professional
    privacy_officer: Professional
    outsider: Professional
    family: Family
    child: Child
    sibling: Child
    case: Case
    family_case: Case
    linked_signal: Signal


def build_world() -> RetentionWorld:
    school = SchoolFactory(name="Basisschool De Linde")
    coordinator = ProfessionalFactory(nurse=True, full_name="Anne de Vries")
    privacy_officer = ProfessionalFactory(log_administrator=True, full_name="Petra Log")
    outsider = ProfessionalFactory(youth_director=True, full_name="Olaf Buiten")
    family = FamilyFactory(name="Gezin Mulder")
    child = ChildFactory(first_name="Nina", last_name="Mulder", family=family)
    sibling = ChildFactory(first_name="Daan", last_name="Mulder", family=family)
    for pupil in (child, sibling):
        EnrolmentFactory(child=pupil, school=school, start_date=dt.date(2000, 8, 20))
    case = closed_case(child=child, school=school, coordinator=coordinator,
                       closed_on=CLOSED_ON)
    family_case = closed_case(child=None, family=family, school=school,
                              coordinator=coordinator, closed_on=CLOSED_ON,
                              title="Gezin Mulder")
    linked_signal = SignalFactory(school=school, child=child, case=case,
                                  description="Nina is vaak verdrietig.")
    Signal.objects.filter(pk=linked_signal.pk).update(raised_at=at_noon(CLOSED_ON))
    return RetentionWorld(
        school=school, coordinator=coordinator, privacy_officer=privacy_officer,
        outsider=outsider, family=family, child=child, sibling=sibling, case=case,
        family_case=family_case, linked_signal=linked_signal,
    )
