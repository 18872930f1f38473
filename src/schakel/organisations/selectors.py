from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.writer import Subject
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


# --- what a system client reads through the API (`policy.systems`): no child's data --------


def organisations_for_system(*, actor: Actor, sector: str = "") -> QuerySet[Organisation]:
    """The organisations the system client reads (its own), oldest first (for paging);
    filtered by sector when given."""
    qs = Organisation.objects.select_related("region").filter(
        policy.organisations_for_system_q(actor))
    if sector:
        qs = qs.filter(sector=sector)
    return qs.order_by("pk")


def organisation_for_system_get(*, actor: Actor, organisation_id: int) -> Organisation:
    """One organisation, or 404 when it is missing or another organisation's (logged)."""
    organisation = Organisation.objects.select_related("region").filter(
        pk=organisation_id).first()
    subject = Subject("organisations.organisation", str(organisation_id), None)
    enforce(actor, policy.may_read_organisation(actor, organisation)
            if organisation is not None else policy.DENY,
            event_code=EventCode.ORGANISATION_READ, action=Action.READ, subject=subject)
    if organisation is None:  # refused above already; for the type checker
        raise Http404
    return organisation


def _schools_with_classes() -> QuerySet[School]:
    return School.objects.select_related("organisation").prefetch_related(
        Prefetch("classes", queryset=SchoolClass.objects.order_by("-school_year", "name")))


def schools_for_system(
    *, actor: Actor, school_type: str = "", brin: str = "",
) -> QuerySet[School]:
    """The schools of the system client's organisation, with their classes, oldest first;
    filtered by type and BRIN code when given."""
    qs = _schools_with_classes().filter(policy.schools_for_system_q(actor))
    if school_type:
        qs = qs.filter(school_type=school_type)
    if brin:
        qs = qs.filter(brin=brin.upper())
    return qs.order_by("pk")


def school_for_system_get(*, actor: Actor, school_id: int) -> School:
    """One school with its classes, or 404 when it is missing or another organisation's."""
    school = _schools_with_classes().filter(pk=school_id).first()
    enforce(actor, policy.may_read_school(actor, school) if school is not None else policy.DENY,
            event_code=EventCode.ORGANISATION_READ, action=Action.READ,
            subject=Subject("organisations.school", str(school_id), None))
    if school is None:  # refused above already; for the type checker
        raise Http404
    return school


def professional_for_system_get(*, actor: Actor, professional_id: int) -> Professional:
    """The professional of the system client's organisation for whom it records what was
    done in that system (a signal raised there), or 404 (logged)."""
    professional = Professional.objects.select_related("organisation", "user").filter(
        pk=professional_id).first()
    enforce(actor, policy.may_act_for_professional(actor, professional)
            if professional is not None else policy.DENY,
            event_code=EventCode.ORGANISATION_READ, action=Action.READ,
            subject=Subject("organisations.professional", str(professional_id), None))
    if professional is None:  # refused above already; for the type checker
        raise Http404
    return professional
