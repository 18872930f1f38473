"""One entry of every kind around the world's child (`tests.conftest.World`), with who may
see each: the nurse coordinates the case (care consent for her GGD); the IB'er is in the
school's core team, not involved; the school holds the case's file."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from schakel.cases.models import Agreement, Case, Consultation, Intervention, PlanStepEntry
from schakel.children.models import Measure
from schakel.consent.models import Consent, InformationCategory
from schakel.handover.models import Handover, HandoverKind
from schakel.meetings.models import Meeting, MeetingKind
from schakel.notes.models import ConversationNote, NoteKind
from schakel.organisations.models import Professional
from schakel.signals.models import Signal
from tests.conftest import World
from tests.factories import (
    AgreementFactory,
    CaseFactory,
    ConsentFactory,
    ConsultationFactory,
    InterventionFactory,
    MeasureFactory,
    PlanStepEntryFactory,
    ProfessionalFactory,
    SignalFactory,
    days_ago,
)


@dataclass
class Everything:
    signal_of_case: Signal
    closed_case: Case
    plan: PlanStepEntry
    agreement: Agreement
    intervention: Intervention
    consultation: Consultation
    care_note: ConversationNote
    school_note: ConversationNote
    handover: Handover
    receiver: Professional
    measure: Measure
    withdrawn: Consent
    meeting: Meeting


def note(world: World, category: str, text: str, *, case: Case | None = None,
         held_on: dt.date | None = None) -> ConversationNote:
    return ConversationNote.objects.create(
        case=case or world.case, kind=NoteKind.PARENTS, held_on=held_on or days_ago(3),
        participants="Moeder, IB'er", text=text, category=category, author=world.core_member)


def everything(world: World) -> Everything:
    closed = CaseFactory(child=world.child, school=world.school, opened_by=world.core_member,
                         coordinator=world.nurse, closed=True, title="Eerdere zorgen",
                         opened_at=timezone.now() - dt.timedelta(days=400),
                         closed_at=timezone.now() - dt.timedelta(days=200))
    receiver = ProfessionalFactory(social_worker=True, full_name="Rik Ontvanger")
    meeting = Meeting.objects.create(
        school=world.school, kind=MeetingKind.MDO, organiser=world.core_member,
        case=world.case, starts_at=timezone.now() - dt.timedelta(days=2))
    return Everything(
        signal_of_case=SignalFactory(school=world.school, child=world.child,
                                     raised_by=world.teacher, case=world.case,
                                     description="Slaat andere kinderen"),
        closed_case=closed,
        plan=PlanStepEntryFactory(case=world.case, step=2, content="Rust in de klas",
                                  filled_in_by=world.nurse),
        agreement=AgreementFactory(case=world.case, owner=world.nurse,
                                   description="Huisbezoek plannen"),
        intervention=InterventionFactory(case=world.case, description="Weerbaarheidstraining",
                                         provider="Sportbedrijf"),
        consultation=ConsultationFactory(case=world.case, recorded_by=world.core_member,
                                         signals_seen="Onrust op het plein"),
        care_note=note(world, InformationCategory.CARE, "Moeder maakt zich zorgen"),
        school_note=note(world, InformationCategory.SCHOOL, "Cijfers gaan achteruit"),
        handover=Handover.objects.create(
            case=world.case, kind=HandoverKind.PROFESSIONALS, from_professional=world.nurse,
            to_professional=receiver, summary="Overdracht", offered_at=timezone.now()),
        receiver=receiver,
        measure=MeasureFactory(child=world.child),
        withdrawn=ConsentFactory(child=world.child, withdrawn=True,
                                 organisation=receiver.organisation,
                                 category=InformationCategory.SCHOOL),
        meeting=meeting,
    )
