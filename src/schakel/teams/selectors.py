"""Reads of the teams: who is in which layer, with their substitute and the charter. No
child's data; every signed-in professional may read them."""

from __future__ import annotations

import datetime as dt

from django.db.models import Prefetch
from django.http import Http404

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.writer import Subject
from schakel.organisations.models import Professional
from schakel.teams.models import Team, TeamLayer, TeamMembership

LAYER_ORDER: dict[str, int] = {layer.value: index for index, layer in enumerate(TeamLayer)}


def _memberships() -> Prefetch[str]:
    return Prefetch("memberships", queryset=TeamMembership.objects.select_related(
        "professional__organisation", "substitute__organisation").order_by(
        "end_date", "professional__full_name"))


def team_get(*, team_id: int) -> Team:
    team = (Team.objects.select_related("school__organisation", "school__contact_point",
                                        "charter__chair", "charter__minute_taker")
            .prefetch_related(_memberships()).filter(pk=team_id).first())
    if team is None:
        raise Http404
    return team


def team_for_change(*, actor: Actor, team_id: int) -> Team:
    """A team to change: its keepers only (`policy.may_manage_team`), others get 404."""
    team = Team.objects.select_related("school").filter(pk=team_id).first()
    decision = policy.may_manage_team(actor, team) if team is not None else policy.DENY
    enforce(actor, decision, event_code=EventCode.TEAM_CHANGE, action=Action.UPDATE,
            subject=Subject("teams.team", str(team_id), None))
    if team is None:  # refused (and logged) by `enforce` already
        raise Http404
    return team


def membership_for_change(*, actor: Actor, membership_id: int) -> TeamMembership:
    membership = (TeamMembership.objects.select_related("team__school", "professional")
                  .filter(pk=membership_id).first())
    decision = (policy.may_manage_team(actor, membership.team)
                if membership is not None else policy.DENY)
    enforce(actor, decision, event_code=EventCode.TEAM_CHANGE, action=Action.UPDATE,
            subject=Subject("teams.teammembership", str(membership_id), None))
    if membership is None:
        raise Http404
    return membership


def current_members(team: Team, day: dt.date) -> list[TeamMembership]:
    """The members on `day`, of a team loaded by `team_get` (no query)."""
    return [m for m in team.memberships.all() if m.is_active_on(day)]


def team_member_candidates() -> list[Professional]:
    return list(Professional.objects.select_related("organisation").order_by("full_name"))


def school_teams(*, school_id: int) -> list[Team]:
    teams = list(Team.objects.filter(school_id=school_id).select_related("charter")
                 .prefetch_related(_memberships()))
    return sorted(teams, key=lambda team: LAYER_ORDER.get(team.layer, 9))
