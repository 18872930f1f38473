"""Factories of the sociale kaart beyond people and teams: a school's partners."""

from __future__ import annotations

import factory
from factory.django import DjangoModelFactory

from schakel.organisations.models import SchoolPartner
from tests.factories.people import SchoolFactory


class SchoolPartnerFactory(DjangoModelFactory[SchoolPartner]):
    class Meta:
        model = SchoolPartner

    school = factory.SubFactory(SchoolFactory)
    name = factory.Sequence(lambda n: f"Sociaal wijkteam {n}")
    what_for = "Vragen over opvoeden en toegang tot lichte jeugdhulp"
    phone = "074 555 0900"
    email = factory.Sequence(lambda n: f"wijkteam{n}@example.org")
    website = factory.Sequence(lambda n: f"https://wijkteam{n}.example.org")
    how_to_reach = "Werkdagen 9.00-17.00 uur"
