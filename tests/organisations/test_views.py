"""The sociale kaart: schools, the route page of a school, a professional's card."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from schakel.teams.models import TeamLayer
from tests.support import sign_in
from tests.web.fixtures import WebWorld, add_to_team, build_world, make_school


@pytest.fixture
def w(db: None) -> WebWorld:
    return build_world()


def test_schools_list(client: Client, w: WebWorld) -> None:
    sign_in(client, w.outsider.user)
    page = client.get(reverse("organisations:schools")).content.decode()
    assert reverse("organisations:school_route", kwargs={"school_id": w.school.pk}) in page
    assert "Ilse Bakker" in page


def test_route_page_puts_the_contact_point_first(client: Client, w: WebWorld) -> None:
    sign_in(client, w.outsider.user)
    page = client.get(reverse("organisations:school_route",
                              kwargs={"school_id": w.school.pk})).content.decode()
    contact = page.index('id="contact"')
    assert "Ilse Bakker" in page[contact:page.index('id="team-')]
    assert "voorzitter" in page  # role in the core team
    assert "Bel eerst de directeur." in page  # how to escalate


def test_route_page_orders_core_team_before_broader_team(client: Client, w: WebWorld) -> None:
    school = make_school(w.region, "Het Stedelijk")
    broad = add_to_team(school, w.nurse, layer=TeamLayer.BROAD).team
    core = add_to_team(school, w.other_core, layer=TeamLayer.CORE).team
    sign_in(client, w.outsider.user)
    page = client.get(reverse("organisations:school_route",
                              kwargs={"school_id": school.pk})).content.decode()
    assert page.index(f'id="team-{core.pk}"') < page.index(f'id="team-{broad.pk}"')
    assert "Anne de Vries" in page


def test_business_card(client: Client, w: WebWorld) -> None:
    sign_in(client, w.outsider.user)
    page = client.get(reverse("organisations:professional",
                              kwargs={"professional_id": w.core.pk})).content.decode()
    assert "Ik coördineer de zorg op school." in page
    assert "Maandag t/m donderdag" in page


@pytest.mark.parametrize(("name", "kwarg"), [("organisations:school_route", "school_id"),
                                        ("organisations:professional", "professional_id")])
def test_unknown_ids_are_404(client: Client, w: WebWorld, name: str, kwarg: str) -> None:
    sign_in(client, w.outsider.user)
    assert client.get(reverse(name, kwargs={kwarg: 999999})).status_code == 404


def test_sign_in_required(client: Client, w: WebWorld) -> None:
    response = client.get(reverse("organisations:schools"))
    assert response.status_code == 302
