"""The team's own development (taart van ambities, nulmeting, MDO-versus-IPW): its current
members only. Anyone else — also a keeper of the team who is not in it — does not see that
it exists (404).

- A current member sees the team's sessions and rounds (as distributions only), opens and
  closes a round, and fills in an open round (once: the service and the database refuse a
  second answer).
- A current member starts a taart van ambities in a meeting of the team's school in which
  they may write the general minutes (`may_write_minutes`): the participants' first actions
  become decisions of that meeting. The facilitator changes the session; the members read it.
"""

from __future__ import annotations

from django.db.models import Q
from django.utils import timezone

from schakel.access.actor import Actor
from schakel.access.policy.core import DENY, Decision, Ground
from schakel.access.policy.meetings import may_write_minutes
from schakel.meetings.models import Meeting
from schakel.teamdevelopment.models import AmbitionSession, BaselineSurvey
from schakel.teams.models import Team, TeamMembership


def _is_current_member(actor: Actor, team_id: int) -> bool:
    if actor.professional is None:
        return False
    return TeamMembership.objects.active_on(timezone.localdate()).filter(
        team_id=team_id, professional=actor.professional).exists()


def may_view_team_development(actor: Actor, team: Team) -> Decision:
    if _is_current_member(actor, team.pk):
        return Decision(True, Ground.TEAM_MEMBER)
    return DENY


def may_run_survey_rounds(actor: Actor, team: Team) -> Decision:
    """Open and close the rounds of a questionnaire."""
    return may_view_team_development(actor, team)


def may_answer_survey(actor: Actor, survey: BaselineSurvey) -> Decision:
    if _is_current_member(actor, survey.team_id):
        return Decision(True, Ground.TEAM_MEMBER)
    return DENY


def may_read_survey(actor: Actor, survey: BaselineSurvey) -> Decision:
    return may_answer_survey(actor, survey)


def may_start_ambition_session(actor: Actor, team: Team, meeting: Meeting | None) -> Decision:
    member = may_view_team_development(actor, team)
    if not member:
        return DENY
    if meeting is None:  # choosing the meeting: the form offers only meetings allowed below
        return member
    if meeting.school_id != team.school_id or not may_write_minutes(actor, meeting, None):
        return DENY
    return member


def may_read_ambition_session(actor: Actor, session: AmbitionSession) -> Decision:
    professional = actor.professional
    if professional is not None and session.facilitator_id == professional.pk:
        return Decision(True, Ground.TEAM_MEMBER)
    if _is_current_member(actor, session.team_id):
        return Decision(True, Ground.TEAM_MEMBER)
    return DENY


def may_change_ambition_session(actor: Actor, session: AmbitionSession) -> Decision:
    professional = actor.professional
    if professional is None or session.facilitator_id != professional.pk:
        return DENY
    return Decision(True, Ground.TEAM_MEMBER)


def team_development_teams_q(actor: Actor) -> Q:
    """The teams `may_view_team_development` allows, as a filter on `Team`."""
    if actor.professional is None:
        return Q(pk__in=[])
    return Q(pk__in=TeamMembership.objects.active_on(timezone.localdate()).filter(
        professional=actor.professional).values("team_id"))
