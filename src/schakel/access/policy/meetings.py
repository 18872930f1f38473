"""Meetings of a school's team: who plans, sees and changes a meeting, and — per agenda item —
who sees what (a meeting discusses several children; each participant sees only the items
about children they may see, exactly as they would see the case, signal or child itself)."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from schakel.access.actor import Actor
from schakel.access.policy.cases import (
    may_contribute_to_case,
    may_read_case,
    may_read_child,
    may_read_signal,
)
from schakel.access.policy.core import DENY, Decision, Ground
from schakel.cases.models import Case
from schakel.meetings.models import AgendaItem, Meeting, MinutesEntry, Participant
from schakel.teams.models import TeamCharter, TeamMembership


def _school_team_member(actor: Actor, school_id: int) -> bool:
    if actor.professional is None:
        return False
    return TeamMembership.objects.active_on(timezone.localdate()).filter(
        professional=actor.professional, team__school_id=school_id).exists()


def may_plan_meeting(actor: Actor, school_id: int, case: Case | None = None) -> Decision:
    """A member of one of the school's teams plans its meetings; a meeting about one case
    (MDO, consultation, spoedoverleg) also whoever contributes to that case."""
    if actor.professional is None:
        return DENY
    if case is not None:
        contributes = may_contribute_to_case(actor, case)
        if contributes:
            return contributes
    if _school_team_member(actor, school_id):
        return Decision(True, Ground.CORE_TEAM)
    return DENY


def meetings_visible_q(actor: Actor) -> Q:
    """Meetings the actor organises, is invited to, or whose school's team they are in."""
    if actor.professional is None:
        return Q(pk__in=[])
    professional = actor.professional
    member = TeamMembership.objects.active_on(timezone.localdate()).filter(
        professional=professional, team__school=OuterRef("school"))
    invited = Participant.objects.filter(meeting=OuterRef("pk"), professional=professional)
    return Q(organiser=professional) | Q(Exists(invited)) | Q(Exists(member))


def may_view_meeting(actor: Actor, meeting: Meeting) -> Decision:
    if actor.professional is None:
        return DENY
    if meeting.organiser_id == actor.professional.pk:
        return Decision(True, Ground.INVOLVED)
    if meeting.participants.filter(professional=actor.professional).exists():
        return Decision(True, Ground.INVOLVED)
    if _school_team_member(actor, meeting.school_id):
        return Decision(True, Ground.CORE_TEAM)
    return DENY


def may_change_meeting(actor: Actor, meeting: Meeting) -> Decision:
    """Change, cancel, fill the agenda, adopt the minutes: the organiser, the chair of the
    school's team or the school's contact point."""
    professional = actor.professional
    if professional is None:
        return DENY
    if meeting.organiser_id == professional.pk:
        return Decision(True, Ground.INVOLVED)
    if meeting.school.contact_point_id == professional.pk:
        return Decision(True, Ground.CORE_TEAM)
    if TeamCharter.objects.filter(team__school_id=meeting.school_id, chair=professional).exists():
        return Decision(True, Ground.CORE_TEAM)
    return DENY


def may_see_minutes_entry(actor: Actor, entry: MinutesEntry) -> Decision:
    """A part of the minutes is seen as its agenda item is (a child's part as the child's
    case, signal or child), a part kept with a case as that case, the general part by all
    who see the meeting."""
    if entry.agenda_item is not None:
        return may_see_agenda_item(actor, entry.agenda_item)
    if entry.case is not None:
        return may_read_case(actor, entry.case)
    return Decision(True, Ground.CORE_TEAM) if actor.professional is not None else DENY


def may_see_agenda_item(actor: Actor, item: AgendaItem) -> Decision:
    """An item about a child is seen as its case, signal or child would be; an item about no
    child by everyone who sees the meeting (checked before)."""
    if item.case_id is not None:
        assert item.case is not None  # noqa: S101 - loaded with the item
        return may_read_case(actor, item.case)
    if item.agreement_id is not None:
        assert item.agreement is not None  # noqa: S101
        return may_read_case(actor, item.agreement.case)
    if item.signal_id is not None:
        assert item.signal is not None  # noqa: S101
        return may_read_signal(actor, item.signal)
    if item.child_id is not None:
        assert item.child is not None  # noqa: S101
        return may_read_child(actor, item.child)
    return Decision(True, Ground.CORE_TEAM) if actor.professional is not None else DENY


def may_write_minutes(actor: Actor, meeting: Meeting, case: Case | None,
                      item: AgendaItem | None = None) -> Decision:
    """A child's part of the minutes is written into the case by whoever contributes to it
    (and only on an item they may see); the general part by whoever may change the meeting or
    takes part in it."""
    if item is not None and (item.child_id is not None or item.case_id is not None) and (
            not may_see_agenda_item(actor, item)):
        return DENY
    if case is not None:
        return may_contribute_to_case(actor, case)
    change = may_change_meeting(actor, meeting)
    if change:
        return change
    if actor.professional is not None and meeting.participants.filter(
            professional=actor.professional).exists():
        return Decision(True, Ground.INVOLVED)
    return DENY
