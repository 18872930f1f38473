"""What parents and the young person see of a meeting they are invited to, in the portal:
when and where, who is at the table, and — of the agenda and the adopted minutes — only what
concerns their own child, as they read that child's case in the portal (`policy.meetings`).
Each child's part shown is logged as read."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.utils import timezone

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.reads import logged_read, read_allowed_on
from schakel.audit.writer import Subject
from schakel.cases.models import Case
from schakel.meetings.models import AgendaItem, Decision, Meeting, MinutesEntry, Participant
from schakel.meetings.selectors import item_subject

# Invitations on the portal's home page: the coming ones and those of the last weeks.
RECENT_DAYS = 42


def _invitations() -> QuerySet[Participant]:
    return Participant.objects.select_related(
        "meeting__school", "meeting__organiser__organisation")


def portal_invitations(*, actor: Actor, case: Case | None = None,
                       now: dt.datetime | None = None) -> list[Participant]:
    """The parent's or young person's own invitations (a meeting's kind, school, time and
    place: no child's data), the coming ones first: all those about `case`, or (on the home
    page) those of the coming weeks and the last six."""
    invitations = _invitations().filter(policy.portal_invitations_q(actor))
    if case is not None:
        invitations = invitations.filter(meeting__case=case)
    else:
        since = (now or timezone.now()) - dt.timedelta(days=RECENT_DAYS)
        invitations = invitations.filter(meeting__starts_at__gte=since)
    return list(invitations.order_by("meeting__starts_at", "pk"))


@dataclass(frozen=True)
class FamilyMinutesPart:
    entry: MinutesEntry
    decisions: list[Decision]


@dataclass
class FamilyMeeting:
    invitation: Participant
    items: list[AgendaItem] = field(default_factory=list)
    minutes: list[FamilyMinutesPart] = field(default_factory=list)

    @property
    def meeting(self) -> Meeting:
        return self.invitation.meeting


def _subjects(page: FamilyMeeting) -> list[Subject]:
    subjects = [item_subject(item) for item in page.items
                if item.is_about_a_child or item.case_id is not None]
    for part in page.minutes:
        entry = part.entry
        if entry.case is not None:
            subjects.append(Subject.of(entry.case, entry.case.child_id))
    unique = {(s.object_type, s.object_id): s for s in subjects}
    return list(unique.values())


def _allowed(decision: policy.Decision, *, about_a_child: bool) -> bool:
    """A child's part is logged on the ground that let it through; a part about no child is
    no child's data."""
    if decision and about_a_child:
        read_allowed_on(decision)
    return bool(decision)


@logged_read(event_code=EventCode.PORTAL_MEETING, subjects=_subjects)
def portal_invitation_get(*, actor: Actor, invitation_id: int) -> FamilyMeeting:
    """One's own invitation with the agenda items and adopted minutes one may see; anyone
    else's invitation is the same 404 as a missing one."""
    invitation = (_invitations().prefetch_related(Prefetch(
        "meeting__participants", queryset=Participant.objects.select_related(
            "professional__organisation", "guardian", "young_person")))
        .filter(pk=invitation_id).first())
    decision = (policy.may_see_invitation_in_portal(actor, invitation)
                if invitation is not None else policy.DENY)
    enforce(actor, decision, event_code=EventCode.PORTAL_MEETING, action=Action.READ,
            subject=Subject("meetings.participant", str(invitation_id), None))
    if invitation is None:
        raise Http404
    meeting = invitation.meeting
    page = FamilyMeeting(invitation)
    items = list(AgendaItem.objects.filter(meeting=meeting).select_related(
        "child", "case__child", "case__family", "signal__case__child", "agreement__case__child")
        .order_by("position", "pk"))
    page.items = [item for item in items if _allowed(
        policy.may_see_agenda_item_in_portal(actor, invitation, item),
        about_a_child=item.is_about_a_child or item.case_id is not None)]
    if meeting.minutes_adopted:
        page.minutes = _adopted_minutes(actor, invitation)
    return page


def _adopted_minutes(actor: Actor, invitation: Participant) -> list[FamilyMinutesPart]:
    """The current version of each part one may see, with the agreements decided on it (or
    on an earlier version of it)."""
    entries = list(MinutesEntry.objects.filter(meeting=invitation.meeting).select_related(
        "case__child", "case__family", "agenda_item__child", "agenda_item__case__child",
        "agenda_item__signal__case__child", "agenda_item__agreement__case__child")
        .order_by("pk"))
    decisions = list(Decision.objects.filter(meeting=invitation.meeting, agreement__isnull=False)
                     .select_related("owner__organisation").order_by("pk"))
    by_id = {entry.pk: entry for entry in entries}
    replaced = {entry.replaces_id for entry in entries if entry.replaces_id is not None}
    parts: list[FamilyMinutesPart] = []
    for entry in entries:
        if entry.pk in replaced or not _allowed(
                policy.may_see_minutes_entry_in_portal(actor, invitation, entry),
                about_a_child=entry.case_id is not None):
            continue
        chain, older = {entry.pk}, entry.replaces_id
        while older is not None and older in by_id:
            chain.add(older)
            older = by_id[older].replaces_id
        parts.append(FamilyMinutesPart(entry, [d for d in decisions
                                               if d.minutes_entry_id in chain]))
    return parts
