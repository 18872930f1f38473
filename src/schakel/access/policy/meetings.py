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
from schakel.access.policy.portal import (
    may_read_case_in_portal,
    may_read_file_in_portal,
    portal_person,
)
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


# --- the family at the table (the portal) ------------------------------------------------
#
# Parents and the young person invited to an MDO see their invitation (when, where, who is
# at the table), the agenda items and adopted minutes about their own child's case as they
# read that case in the portal (`policy.portal`: custody, age, voogdij, what a young person
# of 16 shares), and the items about no child. Nothing about another child, ever.


def portal_invitations_q(actor: Actor) -> Q:
    """The invitations (`meetings.Participant`) of the parent or young person signed in."""
    person = portal_person(actor)
    if person is None:
        return Q(pk__in=[])
    if person.guardian is not None:
        return Q(guardian=person.guardian)
    assert person.child is not None  # noqa: S101 - a portal person is one of the two
    return Q(young_person=person.child)


def may_see_invitation_in_portal(actor: Actor, participant: Participant) -> Decision:
    """One's own invitation: the meeting's time, place and who is invited."""
    person = portal_person(actor)
    if person is None:
        return DENY
    if person.guardian is not None and participant.guardian_id == person.guardian.pk:
        return Decision(True, Ground.INVITED)
    if person.child is not None and participant.young_person_id == person.child.pk:
        return Decision(True, Ground.INVITED)
    return DENY


def _item_case(item: AgendaItem) -> Case | None:
    if item.case is not None:
        return item.case
    if item.agreement is not None:
        return item.agreement.case
    return item.signal.case if item.signal is not None else None


def may_see_agenda_item_in_portal(actor: Actor, participant: Participant,
                                  item: AgendaItem) -> Decision:
    """An invited family member sees an item about a case as they read the case in the
    portal, an item about their child without a case as they read the child's file (a signal
    without a case is not shown in the portal), and the items about no child."""
    invited = may_see_invitation_in_portal(actor, participant)
    if not invited or item.meeting_id != participant.meeting_id:
        return DENY
    case = _item_case(item)
    if case is not None:
        return may_read_case_in_portal(actor, case)
    if item.signal_id is not None:
        return DENY
    if item.child is not None:
        return may_read_file_in_portal(actor, item.child)
    return invited


def may_see_minutes_entry_in_portal(actor: Actor, participant: Participant,
                                    entry: MinutesEntry) -> Decision:
    """Adopted minutes only (a draft is the professionals' until the meeting adopts it); a
    part as its agenda item, a part kept with a case as that case is read in the portal."""
    invited = may_see_invitation_in_portal(actor, participant)
    meeting = participant.meeting
    if not invited or entry.meeting_id != meeting.pk or not meeting.minutes_adopted:
        return DENY
    if entry.agenda_item is not None:
        return may_see_agenda_item_in_portal(actor, participant, entry.agenda_item)
    if entry.case is not None:
        return may_read_case_in_portal(actor, entry.case)
    return invited
