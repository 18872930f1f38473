"""The interprofessional team: everyone signed in sees who is in it (the route page); its
members and charter are kept by the school's contact point, the team's chair or a functional
administrator."""

from __future__ import annotations

from schakel.access.actor import Actor
from schakel.access.policy.core import DENY, Decision, Ground
from schakel.teams.models import Team, TeamCharter


def may_manage_team(actor: Actor, team: Team) -> Decision:
    professional = actor.professional
    if professional is None:
        return DENY
    if professional.is_functional_administrator:
        return Decision(True, Ground.FUNCTIONAL_ADMINISTRATOR)
    if team.school.contact_point_id == professional.pk:
        return Decision(True, Ground.CORE_TEAM)
    chair_id = TeamCharter.objects.filter(team=team).values_list("chair_id", flat=True).first()
    if chair_id == professional.pk:
        return Decision(True, Ground.CORE_TEAM)
    return DENY
