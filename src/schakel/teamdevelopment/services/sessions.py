"""Writes of a taart van ambities (seed 004 Bijlage F): a member starts it in a meeting of the
team's school; its facilitator adds the notes per ring and the participants, records the
marks for the collaboration all at once (step 5: only then, and with enough marks, are they
shown, as a distribution) and each participant's own first action (step 7), which becomes a
decision of the meeting (`meetings.services.minutes.decision_record`: a collective action with
the participant as owner and a due date) — the team's agreements live there."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.writer import access_event_record
from schakel.meetings.models import DecisionKind, Meeting
from schakel.meetings.services.minutes import decision_record
from schakel.organisations.models import Professional
from schakel.teamdevelopment.ambition import SCORE_MAX, SCORE_MIN, Ring
from schakel.teamdevelopment.models import AmbitionNote, AmbitionParticipant, AmbitionSession
from schakel.teamdevelopment.selectors.sessions import (
    session_participant_choices,
    session_subject,
)
from schakel.teamdevelopment.selectors.surveys import team_subject
from schakel.teams.models import Team
from schakel.transactions import composed_services, service_transaction


def _log(actor: Actor, session: AmbitionSession, decision: policy.Decision,
         action: Action = Action.UPDATE) -> None:
    access_event_record(actor=actor, event_code=EventCode.TEAMDEV_SESSION_CHANGE,
                        action=action, subject=session_subject(session.pk),
                        ground=decision.log_ground)


def _enforce_change(actor: Actor, session: AmbitionSession) -> policy.Decision:
    return enforce(actor, policy.may_change_ambition_session(actor, session),
                   event_code=EventCode.TEAMDEV_SESSION_CHANGE, action=Action.UPDATE,
                   subject=session_subject(session.pk))


def ambition_session_start(*, actor: Actor, team: Team, meeting: Meeting) -> AmbitionSession:
    decision = enforce(actor, policy.may_start_ambition_session(actor, team, None),
                       event_code=EventCode.TEAMDEV_SESSION_CREATE, action=Action.CREATE,
                       subject=team_subject(team.pk))
    if not policy.may_start_ambition_session(actor, team, meeting):
        raise ValidationError({"meeting": _(
            "Choose a meeting of this team's school in which you may record decisions.")})
    if meeting.is_cancelled:
        raise ValidationError({"meeting": _("This meeting has been cancelled.")})
    with service_transaction():
        session = AmbitionSession.objects.create(
            team=team, meeting=meeting, facilitator=actor.require_professional(),
            held_on=timezone.localtime(meeting.starts_at).date())
        access_event_record(actor=actor, event_code=EventCode.TEAMDEV_SESSION_CREATE,
                            action=Action.CREATE, subject=session_subject(session.pk),
                            ground=decision.log_ground)
    return session


def ambition_note_add(*, actor: Actor, session: AmbitionSession, ring: int | str,
                      text: str) -> AmbitionNote:
    decision = _enforce_change(actor, session)
    errors: dict[str, str] = {}
    try:
        ring = Ring(int(ring))
    except (TypeError, ValueError):
        errors["ring"] = _("Choose the step (ring) of the cake the note belongs to.")
    if not text.strip():
        errors["text"] = _("Write the note.")
    if errors:
        raise ValidationError(errors)
    with service_transaction():
        note = AmbitionNote.objects.create(session=session, ring=ring, text=text.strip(),
                                           written_by=actor.require_professional())
        _log(actor, session, decision)
    return note


def ambition_participant_add(*, actor: Actor, session: AmbitionSession,
                             professional: Professional) -> AmbitionParticipant:
    decision = _enforce_change(actor, session)
    if professional not in session_participant_choices(session):
        raise ValidationError({"professional": _(
            "Choose a member of the team or someone invited to the meeting.")})
    if session.participants.filter(score__isnull=False).exists():
        raise ValidationError({"professional": _(
            "The marks have been recorded; nobody can join the session any more.")})
    with service_transaction():
        if AmbitionParticipant.objects.filter(session=session,
                                              professional=professional).exists():
            raise ValidationError({"professional": _("This person takes part already.")})
        participant = AmbitionParticipant.objects.create(session=session,
                                                         professional=professional)
        _log(actor, session, decision)
    return participant


def ambition_scores_record(*, actor: Actor, session: AmbitionSession,
                           scores: Mapping[int, int | None]) -> list[AmbitionParticipant]:
    """Step 5: every participant's mark (1-10), keyed by participant id, all at once and
    once (recording them one by one would let the team read each mark from the change of
    the distribution)."""
    decision = _enforce_change(actor, session)
    with service_transaction():
        participants = list(AmbitionParticipant.objects.select_for_update()
                            .filter(session=session).order_by("pk"))
        if not participants:
            raise ValidationError(_("Add the participants before recording their marks."))
        if any(p.score is not None for p in participants):
            raise ValidationError(_("The marks of this session have been recorded already."))
        errors: dict[str, str] = {}
        for participant in participants:
            mark = scores.get(participant.pk)
            if mark is None or not SCORE_MIN <= mark <= SCORE_MAX:
                errors[f"score_{participant.pk}"] = _(
                    "Give a mark from 1 to 10 for every participant.")
        if set(scores) - {p.pk for p in participants}:
            errors["__all__"] = _("These marks are not of this session's participants.")
        if errors:
            raise ValidationError(errors)
        for participant in participants:
            participant.score = scores[participant.pk]
            participant.save(update_fields=["score"])
        _log(actor, session, decision)
    return participants


def ambition_action_record(*, actor: Actor, session: AmbitionSession,
                           participant: AmbitionParticipant, description: str,
                           due_date: dt.date) -> AmbitionParticipant:
    """Step 7: the participant's own first action, a decision of the session's meeting (its
    rules: the meeting has begun, its minutes are not adopted, the date is not past)."""
    decision = _enforce_change(actor, session)
    if participant.session_id != session.pk:
        raise ValidationError({"participant": _("Choose a participant of this session.")})
    if participant.decision_id is not None:
        raise ValidationError({"participant": _(
            "This participant's first action has been recorded already.")})
    with composed_services():
        made = decision_record(actor=actor, meeting=session.meeting,
                               kind=DecisionKind.COLLECTIVE, description=description,
                               owner=participant.professional, due_date=due_date)
        locked = AmbitionParticipant.objects.select_for_update().get(pk=participant.pk)
        if locked.decision_id is not None:
            raise ValidationError({"participant": _(
                "This participant's first action has been recorded already.")})
        locked.decision = made
        locked.save(update_fields=["decision"])
        _log(actor, session, decision)
    return locked
