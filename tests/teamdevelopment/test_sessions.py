"""The taart van ambities: started in a meeting of the team's school, notes per ring, the
participants, their marks recorded all at once, and each first action a decision of the
meeting (owner and due date). Bad input refused with nothing stored; only the facilitator
changes the session."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone

from schakel.meetings.models import Decision, DecisionKind, Meeting, MeetingKind, MeetingStatus
from schakel.teamdevelopment.ambition import Ring
from schakel.teamdevelopment.models import AmbitionSession
from schakel.teamdevelopment.services.sessions import (
    ambition_action_record,
    ambition_note_add,
    ambition_participant_add,
    ambition_scores_record,
    ambition_session_start,
)
from tests.conftest import World
from tests.factories import ProfessionalFactory
from tests.teamdevelopment.helpers import TeamWorld, app_rows, team_world

pytestmark = pytest.mark.django_db


def _session(tw: TeamWorld) -> AmbitionSession:
    return ambition_session_start(actor=tw.actor(), team=tw.team, meeting=tw.meeting)


def test_a_session_through_its_seven_steps(world: World) -> None:
    tw = team_world(world)
    session = _session(tw)
    assert session.facilitator == world.core_member
    assert session.held_on == timezone.localdate()
    for ring in Ring:
        ambition_note_add(actor=tw.actor(), session=session, ring=ring, text=f"Notitie {ring}")
    assert sorted(session.notes.values_list("ring", flat=True)) == list(range(1, 8))
    participants = [ambition_participant_add(actor=tw.actor(), session=session, professional=m)
                    for m in tw.members]
    ambition_scores_record(actor=tw.actor(), session=session,
                           scores={p.pk: mark for p, mark in zip(participants, (6, 7, 7, 8),
                                                                  strict=True)})
    due = timezone.localdate() + dt.timedelta(days=30)
    done = ambition_action_record(actor=tw.actor(), session=session,
                                  participant=participants[1],
                                  description="Inloopspreekuur op school", due_date=due)
    decision = done.decision
    assert decision is not None
    assert (decision.meeting, decision.kind, decision.owner, decision.due_date) == (
        tw.meeting, DecisionKind.COLLECTIVE, tw.members[1], due)
    assert decision.description == "Inloopspreekuur op school"
    with pytest.raises(ValidationError, match="recorded already"):
        ambition_action_record(actor=tw.actor(), session=session, participant=done,
                               description="Nog een", due_date=due)


def test_a_session_is_held_in_a_meeting_of_the_team_s_school(world: World) -> None:
    tw = team_world(world)
    elsewhere = Meeting.objects.create(
        school=world.other_school, kind=MeetingKind.CORE_TEAM,
        organiser=world.other_core_member, starts_at=timezone.now())
    with pytest.raises(ValidationError, match="Choose a meeting"):
        ambition_session_start(actor=tw.actor(), team=tw.team, meeting=elsewhere)
    # A member who may not record the meeting's decisions (not organiser, chair, contact
    # point nor invited) cannot hold the session in it.
    with pytest.raises(ValidationError, match="Choose a meeting"):
        ambition_session_start(actor=tw.actor(2), team=tw.team, meeting=tw.meeting)
    cancelled = Meeting.objects.create(
        school=world.school, kind=MeetingKind.CORE_TEAM, organiser=world.core_member,
        starts_at=timezone.now(), status=MeetingStatus.CANCELLED)
    with pytest.raises(ValidationError, match="cancelled"):
        ambition_session_start(actor=tw.actor(), team=tw.team, meeting=cancelled)
    assert not AmbitionSession.objects.exists()
    with pytest.raises(Http404):
        ambition_session_start(actor=world.actor(world.teacher), team=tw.team,
                               meeting=tw.meeting)


@pytest.mark.parametrize(("ring", "text", "message"), [
    (0, "Notitie", "Choose the step"),
    (8, "Notitie", "Choose the step"),
    ("x", "Notitie", "Choose the step"),
    (3, "  ", "Write the note"),
])
def test_bad_notes_are_refused(world: World, ring: int | str, text: str, message: str) -> None:
    tw = team_world(world)
    session = _session(tw)
    before = app_rows()
    with pytest.raises(ValidationError, match=message):
        ambition_note_add(actor=tw.actor(), session=session, ring=ring, text=text)
    assert app_rows() == before


def test_participants_are_members_or_invited_and_join_once(world: World) -> None:
    tw = team_world(world)
    session = _session(tw)
    with pytest.raises(ValidationError, match="Choose a member"):
        ambition_participant_add(actor=tw.actor(), session=session,
                                 professional=ProfessionalFactory())
    ambition_participant_add(actor=tw.actor(), session=session, professional=tw.members[1])
    with pytest.raises(ValidationError, match="takes part already"):
        ambition_participant_add(actor=tw.actor(), session=session,
                                 professional=tw.members[1])


def test_marks_are_recorded_all_at_once_and_once(world: World) -> None:
    tw = team_world(world)
    session = _session(tw)
    with pytest.raises(ValidationError, match="Add the participants"):
        ambition_scores_record(actor=tw.actor(), session=session, scores={})
    first, second = (ambition_participant_add(actor=tw.actor(), session=session,
                                              professional=m) for m in tw.members[:2])
    before = app_rows()
    for scores in ({first.pk: 7}, {first.pk: 7, second.pk: 11}, {first.pk: 0, second.pk: 5},
                   {first.pk: 7, second.pk: 5, 999999: 6}):
        with pytest.raises(ValidationError):
            ambition_scores_record(actor=tw.actor(), session=session, scores=scores)
    assert not session.participants.filter(score__isnull=False).exists()
    assert app_rows() == before
    ambition_scores_record(actor=tw.actor(), session=session,
                           scores={first.pk: 7, second.pk: 5})
    with pytest.raises(ValidationError, match="recorded already"):
        ambition_scores_record(actor=tw.actor(), session=session,
                               scores={first.pk: 8, second.pk: 8})
    with pytest.raises(ValidationError, match="nobody can join"):
        ambition_participant_add(actor=tw.actor(), session=session,
                                 professional=tw.members[2])


def test_a_first_action_follows_the_meeting_s_rules(world: World) -> None:
    tw = team_world(world)
    session = _session(tw)
    participant = ambition_participant_add(actor=tw.actor(), session=session,
                                           professional=tw.members[1])
    for description, due, message in (
            ("  ", timezone.localdate(), "Describe what was decided"),
            ("Actie", timezone.localdate() - dt.timedelta(days=1), "past")):
        with pytest.raises(ValidationError, match=message):
            ambition_action_record(actor=tw.actor(), session=session,
                                   participant=participant, description=description,
                                   due_date=due)
    assert not Decision.objects.exists()
    other = _session(tw)
    with pytest.raises(ValidationError, match="Choose a participant of this session"):
        ambition_action_record(actor=tw.actor(), session=other, participant=participant,
                               description="Actie", due_date=timezone.localdate())


def test_only_the_facilitator_changes_the_session(world: World) -> None:
    tw = team_world(world)
    session = _session(tw)
    for stranger in (tw.members[1], world.teacher, world.other_core_member):
        with pytest.raises(Http404):
            ambition_note_add(actor=world.actor(stranger), session=session, ring=1,
                              text="Notitie")
        with pytest.raises(Http404):
            ambition_scores_record(actor=world.actor(stranger), session=session, scores={})
    assert not session.notes.exists()
