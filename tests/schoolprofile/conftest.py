from __future__ import annotations

from dataclasses import dataclass

import pytest

from schakel.organisations.models import Function, Professional
from schakel.teams.models import TeamLayer
from tests.conftest import World
from tests.factories import (
    OrganisationFactory,
    ProfessionalFactory,
    TeamFactory,
    TeamMembershipFactory,
)


@dataclass(frozen=True)
class ProfileWorld:
    world: World
    policy_officer: Professional
    manager: Professional
    steering: Professional


@pytest.fixture
def pw(world: World) -> ProfileWorld:
    municipality = OrganisationFactory(municipality_sector=True,
                                       municipality=world.school.municipality)
    officer = ProfessionalFactory(function=Function.POLICY_OFFICER, organisation=municipality)
    manager = ProfessionalFactory(function=Function.SCHOOL_MANAGER,
                                  organisation=world.school.organisation)
    steering = ProfessionalFactory(function=Function.YOUTH_DIRECTOR)
    team = TeamFactory(school=world.school, layer=TeamLayer.STEERING)
    TeamMembershipFactory(team=team, professional=steering)
    return ProfileWorld(world, officer, manager, steering)


def monitor_csv(brin: str, *, pupils: int = 120, hengelo: int = 100, borne: int = 20,
                care: int = 14, date: str = "01-10-2026", extra: str = "") -> bytes:
    return (
        "brin;peildatum;onderdeel;categorie;aantal\n"
        f"{brin};{date};leerlingen;totaal;{pupils}\n"
        f"{brin};{date};herkomstgemeente;Hengelo;{hengelo}\n"
        f"{brin};{date};herkomstgemeente;Borne;{borne}\n"
        f"{brin};{date};jeugdhulp;totaal;{care}\n"
        f"{brin};{date};aanbieder;Karakter;10\n"
        f"{brin};{date};aanbieder;Jarabee;{care - 10}\n"
        f"{brin};{date};verwijzer;huisarts;{care}\n" + extra).encode()
