"""The chronology shows exactly the entries the policy allows (the issue's property test):
in random worlds around one child — a few cases (the child's own and the family's) with
notes of random category, plan versions, agreements, help, consultations, hand-overs and
meetings, signals, consents given and withdrawn, a measure, an emergency access — the entries
the selector shows each actor are the candidates that the per-object decisions
(`may_read_signal`, `may_read_case`, `may_read_notes_of_category`, `may_view_handover`,
`may_read_measures`, `may_read_consent`, `may_view_meeting`) allow, within the filter drawn;
whoever `may_read_child` refuses gets a 404."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from hypothesis import given, settings, strategies as st

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.cases.models import (
    Agreement,
    Case,
    CaseStatus,
    Consultation,
    EmergencyAccess,
    Intervention,
    PlanStepEntry,
)
from schakel.children.models import Child, Measure
from schakel.chronology.kinds import KIND_OF, EntryType, Kind
from schakel.chronology.selectors import ChronologyFilter, chronology_page
from schakel.consent.models import Consent, InformationCategory
from schakel.handover.models import Handover, HandoverKind, HandoverStatus
from schakel.meetings.models import Meeting, MeetingKind, Participant
from schakel.notes.models import ConversationNote, NoteKind
from schakel.organisations.models import Professional
from schakel.signals.models import Signal
from tests.factories import (
    AgreementFactory,
    CaseFactory,
    ChildFactory,
    ConsentFactory,
    ConsultationFactory,
    EnrolmentFactory,
    FamilyFactory,
    GuardianshipFactory,
    InterventionFactory,
    InvolvementFactory,
    MeasureFactory,
    PlanStepEntryFactory,
    ProfessionalFactory,
    SchoolFactory,
    SignalFactory,
    actor_for,
    care_consent,
    days_ago,
    today,
)

Key = tuple[str, int]


@contextmanager
def rolled_back() -> Iterator[None]:
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


@dataclass
class Cast:
    coordinator: Professional
    unconsented: Professional
    core: Professional
    teacher: Professional
    outsider: Professional

    def everyone(self) -> list[Professional]:
        return [self.coordinator, self.unconsented, self.core, self.teacher, self.outsider]


def _when(days: int) -> dt.datetime:
    return timezone.now() - dt.timedelta(days=days)


def _build_case(data: st.DataObject, cast: Cast, child: Child, index: int) -> Case:
    about_family = index > 0 and data.draw(st.booleans())
    closed = data.draw(st.booleans())
    case: Case = CaseFactory(
        child=None if about_family else child,
        family=child.family if about_family else None,
        school=child.enrolments.get().school, opened_by=cast.core,
        coordinator=data.draw(st.sampled_from([None, cast.coordinator])),
        opened_at=_when(data.draw(st.integers(0, 90))),
        status=CaseStatus.CLOSED if closed else CaseStatus.OPEN,
        closed_at=_when(data.draw(st.integers(0, 5))) if closed else None)
    for professional in (cast.coordinator, cast.unconsented, cast.teacher):
        if professional != case.coordinator and data.draw(st.booleans()):
            InvolvementFactory(case=case, professional=professional)
    people = st.sampled_from(cast.everyone())
    for _ in range(data.draw(st.integers(0, 3))):
        ConversationNote.objects.create(
            case=case, kind=NoteKind.PHONE, held_on=days_ago(data.draw(st.integers(0, 60))),
            participants="Moeder", text="Gesprek", author=cast.core,
            category=data.draw(st.sampled_from([InformationCategory.CARE,
                                                InformationCategory.SCHOOL])))
    for step in range(data.draw(st.integers(0, 2))):
        PlanStepEntryFactory(case=case, step=step + 1, filled_in_by=cast.core)
    for _ in range(data.draw(st.integers(0, 2))):
        AgreementFactory(case=case, owner=cast.core)
    if data.draw(st.booleans()):
        InterventionFactory(case=case, start_date=days_ago(data.draw(st.integers(0, 60))))
    if data.draw(st.booleans()):
        ConsultationFactory(case=case, recorded_by=cast.core)
    if data.draw(st.booleans()):
        kind = data.draw(st.sampled_from(HandoverKind.values))
        Handover.objects.create(
            case=case, kind=kind, from_professional=data.draw(people),
            to_professional=data.draw(people) if kind == HandoverKind.PROFESSIONALS else None,
            to_school=case.school if kind == HandoverKind.SCHOOLS else None,
            status=data.draw(st.sampled_from(HandoverStatus.values)),
            offered_at=_when(data.draw(st.integers(0, 30))))
    if data.draw(st.booleans()):
        meeting = Meeting.objects.create(
            school=case.school, kind=data.draw(st.sampled_from(MeetingKind.values)),
            organiser=data.draw(people), case=case,
            starts_at=_when(data.draw(st.integers(-10, 30))))
        if data.draw(st.booleans()):
            Participant.objects.create(meeting=meeting, professional=data.draw(people))
    return case


def build(data: st.DataObject) -> tuple[Child, Cast]:
    school = SchoolFactory()
    cast = Cast(
        coordinator=ProfessionalFactory(nurse=True),
        unconsented=ProfessionalFactory(social_worker=True),
        core=ProfessionalFactory(support_coordinator=True, organisation=school.organisation,
                                 core_team_of=school),
        teacher=ProfessionalFactory(teacher=True, organisation=school.organisation),
        outsider=ProfessionalFactory(youth_director=True))
    school.contact_point = cast.core  # receives the hand-overs between schools
    school.save(update_fields=["contact_point"])
    child = ChildFactory(family=FamilyFactory(), under_12=True)
    EnrolmentFactory(child=child, school=school)
    GuardianshipFactory(child=child)
    # The coordinator's GGD: no consent, care, care and school data, or a withdrawn one.
    consent = data.draw(st.sampled_from(["none", "care", "care+school", "withdrawn"]))
    if consent != "none":
        care_consent(child, cast.coordinator.organisation,
                     **({"withdrawn_at": _when(1)} if consent == "withdrawn" else {}))
    if consent == "care+school":
        care_consent(child, cast.coordinator.organisation, category=InformationCategory.SCHOOL)
    if data.draw(st.booleans()):
        ConsentFactory(child=child, withdrawn=True, category=InformationCategory.SCHOOL)
    if data.draw(st.booleans()):
        MeasureFactory(child=child)
    cases = [_build_case(data, cast, child, index)
             for index in range(data.draw(st.integers(1, 3)))]
    for _ in range(data.draw(st.integers(0, 3))):
        SignalFactory(school=child.enrolments.get().school, child=child,
                      raised_by=data.draw(st.sampled_from(cast.everyone())),
                      case=data.draw(st.sampled_from([None, *cases])))
    if data.draw(st.booleans()):
        EmergencyAccess.objects.create(
            case=cases[0], professional=cast.unconsented, reason="Acute zorg",
            claimed_at=_when(0), expires_at=timezone.now() + dt.timedelta(hours=4))
    return child, cast


def _day(moment: dt.datetime | dt.date) -> dt.date:
    return timezone.localtime(moment).date() if isinstance(moment, dt.datetime) else moment


Candidate = tuple[Key, dt.date, bool]


def candidates(actor: Actor, child: Child) -> Iterator[Candidate]:
    """Every object that could be an entry, with its day and whether the per-object
    decision allows it."""
    # The child's own cases and its family's (every child here has a family).
    cases = list(Case.objects.filter(Q(child=child) | Q(family_id=child.family_id))
                 .select_related("opened_by", "child", "school"))
    case_ids = [case.pk for case in cases]
    reads = {case.pk: policy.may_read_case(actor, case) for case in cases}
    for signal in Signal.objects.filter(child=child).select_related("case__opened_by"):
        yield ((EntryType.SIGNAL, signal.pk), _day(signal.raised_at),
               bool(policy.may_read_signal(actor, signal)))
    for case in cases:
        yield ((EntryType.CASE_OPENED, case.pk), _day(case.opened_at), bool(reads[case.pk]))
        if case.closed_at is not None:
            yield ((EntryType.CASE_CLOSED, case.pk), _day(case.closed_at),
                   bool(reads[case.pk]))
    content: list[tuple[EntryType, type[PlanStepEntry | Agreement | Intervention
                                         | Consultation], str]] = [
        (EntryType.PLAN_VERSION, PlanStepEntry, "filled_in_at"),
        (EntryType.AGREEMENT, Agreement, "created_at"),
        (EntryType.INTERVENTION, Intervention, "start_date"),
        (EntryType.CONSULTATION, Consultation, "recorded_at")]
    for entry_type, model, day_field in content:
        for row in model.objects.filter(case_id__in=case_ids):
            yield ((entry_type, row.pk), _day(getattr(row, day_field)),
                   bool(reads[row.case_id]))
    for note in ConversationNote.objects.filter(case_id__in=case_ids,
                                                replaced_by__isnull=True):
        case = next(c for c in cases if c.pk == note.case_id)
        yield ((EntryType.NOTE, note.pk), note.held_on,
               bool(policy.may_read_notes_of_category(actor, case, note.category)))
    for handover in Handover.objects.filter(case_id__in=case_ids).select_related("to_school"):
        yield ((EntryType.HANDOVER, handover.pk), _day(handover.offered_at),
               bool(policy.may_view_handover(actor, handover)))
    for measure in Measure.objects.filter(child=child):
        yield ((EntryType.MEASURE, measure.pk), measure.start_date,
               bool(policy.may_read_measures(actor, child)))
    for consent in Consent.objects.filter(child=child):
        yield ((EntryType.CONSENT_GIVEN, consent.pk), consent.given_at,
               bool(policy.may_read_consent(actor, child)))
        if consent.withdrawn_at is not None:
            yield ((EntryType.CONSENT_WITHDRAWN, consent.pk), _day(consent.withdrawn_at),
                   bool(policy.may_read_consent(actor, child)))
    for meeting in Meeting.objects.filter(case_id__in=case_ids):
        yield ((EntryType.MEETING, meeting.pk), _day(meeting.starts_at),
               bool(policy.may_view_meeting(actor, meeting)))


def shown(actor: Actor, child: Child, filters: ChronologyFilter) -> set[Key] | None:
    """Every entry of every page; None for a 404."""
    found: set[Key] = set()
    number = 1
    while True:
        try:
            page = chronology_page(actor=actor, child_id=child.pk, filters=filters,
                                   page_number=number).page
        except Http404:
            return None
        found |= {entry.key for entry in page.object_list}
        if not page.has_next():
            return found
        number += 1


def _within(filters: ChronologyFilter, key: Key, day: dt.date) -> bool:
    return (filters.shows(KIND_OF[EntryType(key[0])])
            and (filters.date_from is None or day >= filters.date_from)
            and (filters.date_to is None or day <= filters.date_to))


FILTERS = st.builds(
    ChronologyFilter,
    kinds=st.frozensets(st.sampled_from(list(Kind)), max_size=3),
    date_from=st.sampled_from([None, days_ago(10), days_ago(40)]),
    date_to=st.sampled_from([None, today(), days_ago(20)]))


@settings(max_examples=60)
@given(data=st.data())
def test_the_chronology_shows_exactly_what_the_decisions_allow(
        db: None, data: st.DataObject) -> None:
    with rolled_back():
        child, cast = build(data)
        filters = data.draw(st.one_of(st.just(ChronologyFilter()), FILTERS))
        for professional in cast.everyone():
            actor = actor_for(professional)
            entries = shown(actor, child, filters)
            if not policy.may_read_child(actor_for(professional), child):
                assert entries is None
                continue
            expected = {key for key, day, allowed in candidates(actor_for(professional), child)
                        if allowed and _within(filters, key, day)}
            assert entries == expected
