"""The demo schools' route pages show a complete route: first contact, the core team, partners
with how to reach them, and how to escalate."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from schakel.demo.loader import DemoWorld, demo_world_load
from schakel.organisations.selectors import school_route
from schakel.teams.models import TeamLayer
from tests.support import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo() -> DemoWorld:
    return demo_world_load()


def test_every_demo_school_has_a_complete_route(client: Client, demo: DemoWorld) -> None:
    sign_in(client, demo.professionals["jeugdregisseur.demo"].user)
    for school in demo.cast.places.schools.values():
        route = school_route(school_id=school.pk, day=timezone.localdate())
        assert route is not None
        assert route.school.contact_point is not None, school.name
        core = route.team_of(TeamLayer.CORE)
        assert core is not None, school.name
        assert core.members, school.name
        assert route.partners_in_teams, school.name
        assert route.partners, school.name
        assert all(p.phone or p.email for p in route.partners), school.name
        assert route.school.escalation_route, school.name
        page = client.get(reverse("organisations:school_route", kwargs={"school_id": school.pk}))
        assert page.status_code == 200
        assert "Veilig Thuis Twente" in page.content.decode()
