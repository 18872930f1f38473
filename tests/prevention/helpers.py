"""The people around a school's preventiematrix, and a snapshot of its rows."""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps

from schakel.access.actor import Actor
from schakel.organisations.models import Function, Professional, School
from schakel.teams.models import TeamLayer
from tests.factories import (
    OrganisationFactory,
    ProfessionalFactory,
    SchoolFactory,
    TeamFactory,
    TeamMembershipFactory,
    actor_for,
)


@dataclass(frozen=True)
class People:
    school: School
    core: Professional  # in the school's kernteam
    officer: Professional  # policy officer of the school's municipality
    steering: Professional  # in the school's steering group
    teacher: Professional  # of the school, in no team
    other_officer: Professional  # policy officer of another municipality
    other_core: Professional  # in another school's kernteam
    director: Professional  # youth director of the school's municipality (no policy officer)

    def actor(self, professional: Professional) -> Actor:
        return actor_for(professional)


def make_people() -> People:
    school = SchoolFactory(name="Esrand College", municipality="Hengeloo", secondary=True)
    core = ProfessionalFactory(support_coordinator=True, organisation=school.organisation,
                               core_team_of=school, full_name="Zoë Zorgcoördinator")
    municipality = OrganisationFactory(municipality_sector=True, municipality="Hengeloo")
    officer = ProfessionalFactory(function=Function.POLICY_OFFICER, organisation=municipality,
                                  full_name="Thijs Beleid")
    steering = ProfessionalFactory(function=Function.SCHOOL_MANAGER,
                                   organisation=school.organisation, full_name="Sanne Stuur")
    TeamMembershipFactory(team=TeamFactory(school=school, layer=TeamLayer.STEERING),
                          professional=steering)
    teacher = ProfessionalFactory(teacher=True, organisation=school.organisation)
    other_officer = ProfessionalFactory(
        function=Function.POLICY_OFFICER,
        organisation=OrganisationFactory(municipality_sector=True, municipality="Enschede"))
    other_school = SchoolFactory(municipality="Enschede")
    other_core = ProfessionalFactory(support_coordinator=True,
                                     organisation=other_school.organisation,
                                     core_team_of=other_school)
    director = ProfessionalFactory(
        youth_director=True,
        organisation=OrganisationFactory(municipality_sector=True, municipality="Hengeloo"))
    return People(school=school, core=core, officer=officer, steering=steering,
                  teacher=teacher, other_officer=other_officer, other_core=other_core,
                  director=director)


def prevention_rows() -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table of the app, to show that nothing changed."""
    return {model._meta.label: list(model._base_manager.order_by("pk").values_list())
            for model in apps.get_app_config("prevention").get_models()}
