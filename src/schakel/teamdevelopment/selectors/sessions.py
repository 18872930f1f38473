"""Reads of a taart van ambities: the notes per ring, the participants with their first
actions (decisions of the meeting, owner and due date), and the marks for the collaboration
as a distribution only."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.writer import Subject
from schakel.meetings.models import Meeting, MeetingStatus
from schakel.organisations.models import Professional
from schakel.teamdevelopment.ambition import GUIDES, SCORE_MAX, SCORE_MIN, StepGuide
from schakel.teamdevelopment.figures import Distribution, distribution
from schakel.teamdevelopment.models import AmbitionNote, AmbitionParticipant, AmbitionSession
from schakel.teamdevelopment.statements import Item, Option
from schakel.teams.models import Team, TeamMembership

SCORE_ITEM = Item("score", _("Mark for the collaboration"))
SCORE_SCALE = tuple(Option(value, str(value)) for value in range(SCORE_MIN, SCORE_MAX + 1))


def session_subject(session_id: int) -> Subject:
    return Subject("teamdevelopment.ambitionsession", str(session_id), None)


@dataclass(frozen=True)
class RingNotes:
    guide: StepGuide
    notes: list[AmbitionNote]


@dataclass(frozen=True)
class SessionPage:
    session: AmbitionSession
    rings: list[RingNotes]
    participants: list[AmbitionParticipant]
    scores_recorded: bool
    scores: Distribution
    may_change: bool
    score_scale: tuple[Option, ...] = SCORE_SCALE


def score_distribution(participants: list[AmbitionParticipant]) -> Distribution:
    """The marks as the team may see them: final once recorded (all at once)."""
    marks = [p.score for p in participants if p.score is not None]
    return distribution(items=(SCORE_ITEM,), scale=SCORE_SCALE,
                        answers=[(SCORE_ITEM.code, mark) for mark in marks],
                        respondents=len(marks), final=bool(marks))


def _fetch(session_id: int) -> AmbitionSession | None:
    return (AmbitionSession.objects.select_related("team__school", "facilitator", "meeting")
            .prefetch_related(
                Prefetch("notes", queryset=AmbitionNote.objects.select_related("written_by")),
                Prefetch("participants", queryset=AmbitionParticipant.objects.select_related(
                    "professional__organisation", "decision")))
            .filter(pk=session_id).first())


def ambition_session_get(*, actor: Actor, session_id: int) -> SessionPage:
    session = _fetch(session_id)
    decision = policy.may_read_ambition_session(actor, session) if session else policy.DENY
    enforce(actor, decision, event_code=EventCode.TEAMDEV_READ, action=Action.READ,
            subject=session_subject(session_id))
    assert session is not None  # noqa: S101
    notes = list(session.notes.all())
    participants = list(session.participants.all())
    return SessionPage(
        session=session,
        rings=[RingNotes(guide, [n for n in notes if n.ring == guide.ring]) for guide in GUIDES],
        participants=participants,
        scores_recorded=any(p.score is not None for p in participants),
        scores=score_distribution(participants),
        may_change=bool(policy.may_change_ambition_session(actor, session)))


def ambition_session_for_change(*, actor: Actor, session_id: int) -> AmbitionSession:
    """A session for its facilitator to change; anyone else gets 404 (refusal logged)."""
    session = (AmbitionSession.objects.select_related("team__school", "meeting__school")
               .filter(pk=session_id).first())
    decision = policy.may_change_ambition_session(actor, session) if session else policy.DENY
    enforce(actor, decision, event_code=EventCode.TEAMDEV_SESSION_CHANGE, action=Action.UPDATE,
            subject=session_subject(session_id))
    assert session is not None  # noqa: S101
    return session


def session_meeting_choices(*, actor: Actor, team: Team) -> list[Meeting]:
    """The meetings of the team's school a member may hold a session in (not cancelled,
    begun: its decisions can be recorded)."""
    meetings = (Meeting.objects.filter(school=team.school, status=MeetingStatus.PLANNED,
                                       starts_at__lte=timezone.now(),
                                       minutes_adopted_at__isnull=True)
                .select_related("school").order_by("-starts_at")[:20])
    return [m for m in meetings if policy.may_start_ambition_session(actor, team, m)]


def session_participant_choices(session: AmbitionSession) -> list[Professional]:
    """Who can sit at the table: the team's current members and the meeting's invitees."""
    members = TeamMembership.objects.active_on(timezone.localdate()).filter(
        team_id=session.team_id).values("professional_id")
    return list(Professional.objects.filter(
        Q(pk__in=members) | Q(meeting_participations__meeting_id=session.meeting_id))
        .select_related("organisation").distinct().order_by("full_name"))
