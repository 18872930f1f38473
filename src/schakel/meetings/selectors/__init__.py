"""Reads of meetings. A meeting itself (kind, school, time, who is invited) is no child's data;
its agenda and minutes are: each reader gets the items and parts they may see (the policy,
per item) and each child shown is logged as read, as reading the case would be."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.reads import logged_read, read_allowed_on
from schakel.audit.writer import Subject
from schakel.cases.models import Case, Involvement
from schakel.cases.selectors import case_child_ids
from schakel.children.models import Child, Guardian
from schakel.meetings.models import (
    AgendaItem,
    Availability,
    DayPart,
    Decision,
    Meeting,
    MeetingKind,
    MinutesEntry,
    Participant,
)
from schakel.organisations.models import Professional, School
from schakel.teams.models import TeamMembership

DAY_PART_TIMES: dict[str, tuple[dt.time, int]] = {
    DayPart.EARLY_MORNING: (dt.time(7, 45), 30),
    DayPart.LATE_AFTERNOON: (dt.time(16, 30), 30),
}


def _meetings() -> QuerySet[Meeting]:
    return Meeting.objects.select_related("school", "organiser__organisation", "case")


def meetings_for(*, actor: Actor, now: dt.datetime | None = None,
                 ) -> tuple[list[Meeting], list[Meeting]]:
    """The actor's coming and past meetings (titles and times: no child's data)."""
    now = now or timezone.now()
    visible = _meetings().filter(policy.meetings_visible_q(actor)).distinct()
    coming = list(visible.filter(starts_at__gte=now - dt.timedelta(hours=2))
                  .order_by("starts_at", "pk")[:50])
    past = list(visible.filter(starts_at__lt=now - dt.timedelta(hours=2))
                .order_by("-starts_at", "-pk")[:20])
    return coming, past


def meeting_get(*, actor: Actor, meeting_id: int) -> Meeting:
    """A meeting the actor may see, with its participants; others get 404."""
    meeting = (_meetings().prefetch_related(Prefetch(
        "participants", queryset=Participant.objects.select_related(
            "professional__organisation", "guardian", "young_person")))
        .filter(pk=meeting_id).first())
    decision = policy.may_view_meeting(actor, meeting) if meeting is not None else policy.DENY
    enforce(actor, decision, event_code=EventCode.MEETING_VIEW, action=Action.READ,
            subject=Subject("meetings.meeting", str(meeting_id), None))
    if meeting is None:
        raise Http404
    return meeting


def meeting_for_change(*, actor: Actor, meeting_id: int) -> Meeting:
    meeting = meeting_get(actor=actor, meeting_id=meeting_id)
    enforce(actor, policy.may_change_meeting(actor, meeting), event_code=EventCode.MEETING_CHANGE,
            action=Action.UPDATE, subject=Subject.of(meeting, None))
    return meeting


@dataclass(frozen=True)
class FamilyBalance:
    professionals: int
    family: int
    max_ratio: int

    @property
    def too_many_professionals(self) -> bool:
        """More than `max_ratio` professionals per family member ("geen groot comité")."""
        return self.professionals > self.max_ratio * max(self.family, 1) if self.family else (
            self.professionals > self.max_ratio)


def family_balance(meeting: Meeting) -> FamilyBalance:
    """For an MDO: professionals against parents and young person (participants loaded)."""
    people = list(meeting.participants.all())
    family = sum(1 for p in people if p.is_family)
    return FamilyBalance(len(people) - family, family, settings.SCHAKEL_MDO_MAX_RATIO)


# --- the agenda and the minutes: per item, as the policy allows ---------------------------


@dataclass(frozen=True)
class AgendaRow:
    item: AgendaItem
    child_name: str = ""


@dataclass
class MeetingAgenda:
    meeting: Meeting
    rows: list[AgendaRow] = field(default_factory=list)
    # Whether this reader sees the case the meeting is about (its reference, the family's
    # names among the invitees); without a case there is nothing to hide.
    case_visible: bool = True


def _items(meeting: Meeting) -> list[AgendaItem]:
    return list(AgendaItem.objects.filter(meeting=meeting).select_related(
        "child", "case__child", "case__school", "signal__theme", "signal__case",
        "agreement__owner", "agreement__case", "consultation__recorded_by")
        .order_by("position", "pk"))


def item_subject(item: AgendaItem) -> Subject:
    if item.case is not None:
        return Subject.of(item.case, item.child_id)
    if item.agreement is not None:
        return Subject.of(item.agreement.case, item.child_id)
    if item.signal is not None:
        return Subject.of(item.signal, item.child_id)
    return Subject("children.child", str(item.child_id), item.child_id)


def _agenda_subjects(agenda: MeetingAgenda) -> list[Subject]:
    subjects = [item_subject(row.item) for row in agenda.rows if row.item.is_about_a_child
                or row.item.case_id is not None]
    case = agenda.meeting.case
    if case is not None and agenda.case_visible and not any(
            s.object_type == "cases.case" and s.object_id == str(case.pk) for s in subjects):
        subjects.append(Subject.of(case, case.child_id))
    return subjects


def _visible(actor: Actor, item: AgendaItem) -> bool:
    decision = policy.may_see_agenda_item(actor, item)
    if decision:
        read_allowed_on(decision)
    return bool(decision)


@logged_read(event_code=EventCode.MEETING_AGENDA, subjects=_agenda_subjects)
def meeting_agenda(*, actor: Actor, meeting: Meeting) -> MeetingAgenda:
    """The items of the agenda this reader may see; an item about a child they may not see is
    left out entirely (not even its heading)."""
    agenda = MeetingAgenda(meeting)
    if meeting.case is not None:
        decision = policy.may_read_case(actor, meeting.case)
        agenda.case_visible = bool(decision)
        if decision:
            read_allowed_on(decision)
    for item in _items(meeting):
        if _visible(actor, item):
            agenda.rows.append(AgendaRow(item, item.child.full_name if item.child else ""))
    return agenda


@dataclass(frozen=True)
class MinutesPart:
    entry: MinutesEntry
    history: list[MinutesEntry]
    decisions: list[Decision]


@dataclass
class MeetingMinutes:
    meeting: Meeting
    parts: list[MinutesPart] = field(default_factory=list)
    collective: list[Decision] = field(default_factory=list)


def _minutes_subjects(minutes: MeetingMinutes) -> list[Subject]:
    subjects: list[Subject] = []
    for part in minutes.parts:
        entry = part.entry
        if entry.case is not None:
            subjects.append(Subject.of(entry.case, entry.case.child_id))
        elif entry.agenda_item is not None and entry.agenda_item.child_id is not None:
            subjects.append(item_subject(entry.agenda_item))
    return subjects


@logged_read(event_code=EventCode.MEETING_MINUTES, subjects=_minutes_subjects)
def meeting_minutes(*, actor: Actor, meeting: Meeting) -> MeetingMinutes:
    """The current version of each part of the minutes the reader may see (a case's part as
    the case is read), with its earlier versions and decisions."""
    entries = list(MinutesEntry.objects.filter(meeting=meeting).select_related(
        "case__child", "case__school", "author", "agenda_item__child", "agenda_item__case",
        "agenda_item__signal__case", "agenda_item__agreement__case").order_by("pk"))
    decisions = list(Decision.objects.filter(meeting=meeting).select_related(
        "owner", "school_class", "agreement").order_by("pk"))
    replaced = {entry.replaces_id for entry in entries if entry.replaces_id is not None}
    by_id = {entry.pk: entry for entry in entries}
    minutes = MeetingMinutes(meeting)
    for entry in entries:
        if entry.pk in replaced:
            continue
        decision = policy.may_see_minutes_entry(actor, entry)
        if not decision:
            continue
        read_allowed_on(decision)
        history: list[MinutesEntry] = []
        older = entry.replaces_id
        while older is not None and older in by_id:
            history.append(by_id[older])
            older = by_id[older].replaces_id
        chain = {entry.pk, *(h.pk for h in history)}
        minutes.parts.append(MinutesPart(entry, history, [
            d for d in decisions if d.minutes_entry_id in chain]))
    minutes.collective = [d for d in decisions if d.agreement_id is None]
    return minutes


# --- the spoedoverleg: slots early in the morning or late in the afternoon -----------------


@dataclass(frozen=True)
class SlotProposal:
    starts_at: dt.datetime
    duration_minutes: int
    available: list[Professional]
    unavailable: list[Professional]


def _school_days(after: dt.date, count: int) -> list[dt.date]:
    days: list[dt.date] = []
    day = after
    while len(days) < count:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            days.append(day)
    return days


def urgent_slots(*, professionals: list[Professional], now: dt.datetime | None = None,
                 limit: int = 3) -> list[SlotProposal]:
    """Slots for a spoedoverleg within two school days (today's later slots included), early
    in the morning or late in the afternoon, the ones most invitees can make first."""
    now = timezone.localtime(now or timezone.now())
    available: dict[tuple[int, str], set[int]] = {}
    for weekday, part, professional_id in Availability.objects.filter(
            professional__in=professionals).values_list("weekday", "day_part", "professional_id"):
        available.setdefault((weekday, part), set()).add(professional_id)
    days = ([now.date()] if now.weekday() < 5 else []) + _school_days(now.date(), 2)
    proposals: list[SlotProposal] = []
    for day in days:
        for part, (start, minutes) in DAY_PART_TIMES.items():
            starts_at = timezone.make_aware(dt.datetime.combine(day, start))
            if starts_at <= now:
                continue
            who = available.get((day.weekday(), part), set())
            proposals.append(SlotProposal(
                starts_at, minutes, [p for p in professionals if p.pk in who],
                [p for p in professionals if p.pk not in who]))
    proposals.sort(key=lambda slot: (-len(slot.available), slot.starts_at))
    return proposals[:limit]


def own_availability(*, actor: Actor) -> set[tuple[int, str]]:
    return set(Availability.objects.filter(professional=actor.require_professional())
               .values_list("weekday", "day_part"))


def kinds_for(case_given: bool) -> list[tuple[str, str]]:
    return [(kind.value, str(kind.label)) for kind in MeetingKind
            if case_given or kind in (MeetingKind.CORE_TEAM, MeetingKind.STEERING)]


# --- what a planner chooses from -----------------------------------------------------------


def planning_schools(*, actor: Actor) -> list[School]:
    """Schools in whose team the actor is today (where they plan meetings)."""
    if actor.professional is None:
        return []
    return list(School.objects.filter(
        TeamMembership.active_q(timezone.localdate(), "teams__memberships__"),
        teams__memberships__professional=actor.professional).distinct().order_by("name"))


def invitable_professionals(*, school: School, case: Case | None) -> list[Professional]:
    """The members of the school's teams today and, for a meeting about a case, those
    involved in it (names and organisations: the sociale kaart, no child's data)."""
    today = timezone.localdate()
    members = Q(TeamMembership.active_q(today, "team_memberships__"),
                team_memberships__team__school=school)
    if case is not None:
        members |= Q(Involvement.active_q(today, "involvements__"), involvements__case=case)
    return list(Professional.objects.filter(members).select_related("organisation")
                .distinct().order_by("full_name"))


@dataclass(frozen=True)
class CaseFamily:
    case: Case
    guardians: list[Guardian]
    children: list[Child]


def _family_subjects(family: CaseFamily) -> list[Subject]:
    return [Subject.of(child, child.pk) for child in family.children]


@logged_read(event_code=EventCode.MEETING_VIEW, subjects=_family_subjects)
def case_family_for_meeting(*, actor: Actor, case_id: int) -> CaseFamily:
    """The case an MDO or consultation is about, with the parents and young person who may be
    invited: for whoever contributes to the case (others: 404)."""
    case = Case.objects.select_related("child", "family", "school").filter(pk=case_id).first()
    decision = policy.may_contribute_to_case(actor, case) if case is not None else policy.DENY
    enforce(actor, decision, event_code=EventCode.MEETING_VIEW, action=Action.READ,
            subject=Subject("cases.case", str(case_id), None))
    if case is None:
        raise Http404
    child_ids = case_child_ids(case)
    return CaseFamily(
        case,
        list(Guardian.objects.filter(children__in=child_ids).distinct().order_by("full_name")),
        list(Child.objects.filter(pk__in=child_ids).order_by("first_name")))


# --- on the case page: what meetings said about the case ----------------------------------


@dataclass(frozen=True)
class CaseMeetings:
    case: Case
    minutes: list[MinutesEntry]
    meetings: list[Meeting]


def case_meetings(*, case: Case) -> CaseMeetings:
    """The parts of meeting minutes kept in a case the reader has read already (the case
    page's `case_get` decided and logged the read of its content; the minutes are part of
    it), and the meetings about the case. Two queries."""
    minutes = list(MinutesEntry.objects.filter(case=case, replaced_by__isnull=True)
                   .select_related("meeting__school", "author").order_by("-meeting__starts_at"))
    meetings = list(_meetings().filter(case=case).order_by("-starts_at")[:10])
    return CaseMeetings(case, minutes, meetings)
