"""A school's team at the table: the IB'er (contact point, core team), the youth nurse of the
GGD (core team, coordinator of Bas's case, consent for the GGD) and the jeugdregisseur (broad
team: she sees the meeting, not Bas). Bas has a new signal; a new pupil joined this week."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from django.utils import timezone

from schakel.access.actor import Actor
from schakel.cases.models import Case
from schakel.children.models import Child
from schakel.organisations.models import Professional, School
from schakel.signals.models import Signal
from schakel.teams.models import TeamLayer
from tests.factories import (
    CaseFactory,
    ChildFactory,
    EnrolmentFactory,
    GuardianFactory,
    GuardianshipFactory,
    ProfessionalFactory,
    SchoolFactory,
    SignalFactory,
    TeamFactory,
    TeamMembershipFactory,
    actor_for,
)


@dataclass
class Table:
    school: School
    ib: Professional
    nurse: Professional
    director: Professional
    outsider: Professional
    bas: Child
    case: Case
    signal: Signal
    newcomer: Child

    def actor(self, professional: Professional) -> Actor:
        return actor_for(professional)


def next_week() -> dt.datetime:
    return timezone.now() + dt.timedelta(days=7)


@pytest.fixture
def table(db: None) -> Table:
    school = SchoolFactory()
    ib = ProfessionalFactory(support_coordinator=True, organisation=school.organisation,
                             full_name="Ilse Bakker")
    school.contact_point = ib
    school.save(update_fields=["contact_point"])
    nurse = ProfessionalFactory(nurse=True, full_name="Nina Vos")
    director = ProfessionalFactory(youth_director=True, full_name="Jet Regis")
    core = TeamFactory(school=school, layer=TeamLayer.CORE)
    broad = TeamFactory(school=school, layer=TeamLayer.BROAD)
    for member in (ib, nurse):
        TeamMembershipFactory(team=core, professional=member)
    TeamMembershipFactory(team=broad, professional=director)
    bas = ChildFactory(first_name="Bas", last_name="Hofstede", enrolled_at=school)
    mother = GuardianFactory(full_name="Monique Hofstede")
    GuardianshipFactory(guardian=mother, child=bas)
    case = CaseFactory(child=bas, school=school, coordinator=nurse, opened_by=ib,
                       consented=True)
    signal = SignalFactory(school=school, child=bas, raised_by=ib)
    newcomer = ChildFactory(first_name="Noor", last_name="Instroom")
    EnrolmentFactory(child=newcomer, school=school,
                     start_date=timezone.localdate() - dt.timedelta(days=2))
    return Table(school, ib, nurse, director, ProfessionalFactory(full_name="Otto Buiten"),
                 bas, case, signal, newcomer)
