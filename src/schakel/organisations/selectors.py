from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import QuerySet

from schakel.cases.models import EscalationLevel
from schakel.organisations.models import (
    Organisation,
    Professional,
    School,
    SchoolClass,
    SchoolPartner,
)
from schakel.teams.models import Team, TeamLayer, TeamMembership

# The layers of a school's team from the first ring outwards (seed 004 §3.1).
LAYER_ORDER: dict[str, int] = {TeamLayer.CORE: 0, TeamLayer.BROAD: 1, TeamLayer.STEERING: 2}


@dataclass(frozen=True)
class TeamMember:
    """A professional in a team as the route page shows them."""

    professional: Professional
    role: str
    substitute: Professional | None = None


@dataclass(frozen=True)
class RouteTeam:
    team: Team
    members: list[TeamMember]


@dataclass(frozen=True)
class PartnerInTeam:
    """An organisation other than the school board with people in the school's teams, and
    those people: whom to reach there and how."""

    organisation: Organisation
    members: list[TeamMember]


@dataclass(frozen=True)
class SchoolRoute:
    """The route page of a school (sociale kaart): no child data."""

    school: School
    teams: list[RouteTeam]  # core team first, then the broader team, then the steering group
    partners_in_teams: list[PartnerInTeam]
    partners: list[SchoolPartner]  # organisations outside the teams
    escalation_levels: list[str]  # the levels a case escalates to (cases: SOT, SOT+, ...)

    def team_of(self, layer: str) -> RouteTeam | None:
        return next((team for team in self.teams if team.team.layer == layer), None)


def team_members(*, teams: Iterable[Team], day: dt.date) -> dict[int, list[TeamMember]]:
    """The members of these teams on `day` (dated membership), per team id, each with their
    organisation and substitute: one query, in name order. The one place the route page reads
    team membership."""
    members: dict[int, list[TeamMember]] = {team.pk: [] for team in teams}
    memberships = (TeamMembership.objects.active_on(day).filter(team_id__in=members)
                   .select_related("professional__organisation", "substitute")
                   .order_by("professional__full_name", "pk"))
    for membership in memberships:
        members[membership.team_id].append(TeamMember(
            professional=membership.professional, role=membership.role,
            substitute=membership.substitute))
    return members


def _partners_in_teams(school: School, teams: list[RouteTeam]) -> list[PartnerInTeam]:
    by_organisation: dict[int, PartnerInTeam] = {}
    seen: set[int] = set()
    for route_team in teams:
        for member in route_team.members:
            professional = member.professional
            if professional.organisation_id == school.organisation_id or professional.pk in seen:
                continue
            seen.add(professional.pk)
            partner = by_organisation.setdefault(professional.organisation_id, PartnerInTeam(
                organisation=professional.organisation, members=[]))
            partner.members.append(member)
    return sorted(by_organisation.values(), key=lambda partner: partner.organisation.name)


def school_route(*, school_id: int, day: dt.date) -> SchoolRoute | None:
    """The school's route page (sociale kaart): contact point, teams, partners and how to
    escalate, in a fixed number of queries. Not child data: any signed-in professional may
    read it."""
    school = (School.objects.select_related("organisation", "contact_point__organisation")
              .filter(pk=school_id).first())
    if school is None:
        return None
    teams = sorted(Team.objects.filter(school=school),
                   key=lambda team: (LAYER_ORDER.get(team.layer, len(LAYER_ORDER)), team.pk))
    members = team_members(teams=teams, day=day)
    route_teams = [RouteTeam(team=team, members=members[team.pk]) for team in teams]
    return SchoolRoute(
        school=school, teams=route_teams,
        partners_in_teams=_partners_in_teams(school, route_teams),
        partners=list(SchoolPartner.objects.filter(school=school)),
        escalation_levels=[str(level.label) for level in EscalationLevel],
    )


def schools() -> QuerySet[School]:
    return School.objects.select_related("organisation", "contact_point").order_by("name")


def professional_card(*, professional_id: int) -> Professional | None:
    return Professional.objects.select_related("organisation").filter(
        pk=professional_id).first()


def professionals_directory(query: str = "") -> QuerySet[Professional]:
    qs = Professional.objects.select_related("organisation")
    if query.strip():
        qs = qs.filter(full_name__icontains=query.strip())
    return qs.order_by("full_name")


def school_classes(*, school_id: int) -> QuerySet[SchoolClass]:
    """The classes and groups of a school, newest school year first."""
    return SchoolClass.objects.filter(school_id=school_id).order_by("-school_year", "name")
