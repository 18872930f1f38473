"""The route page of a school (sociale kaart, seed 000 and seed 004 §3): first contact, the
layers of the team, partners and how to reach them, the escalation route; as a flow chart
with its text equivalent; the same for every professional, missing for the portal."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from schakel.organisations.models import Professional, School
from schakel.teams.models import TeamLayer
from tests import factories as f
from tests.portal.fixtures import portal_sign_in
from tests.support import sign_in

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"


def _text(element: ET.Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _fragment(html: str, tag: str, marker: str) -> ET.Element:
    """The element `<tag ... marker ...>...</tag>` of the page, parsed as XML (the template
    writes the chart and its list well-formed)."""
    start = html.rindex(f"<{tag} ", 0, html.index(marker))
    end = html.index(f"</{tag}>", start) + len(f"</{tag}>")
    return ET.fromstring(html[start:end])  # noqa: S314 - our own page in a test


def _page(client: Client, school: School) -> str:
    response = client.get(reverse("organisations:school_route", kwargs={"school_id": school.pk}))
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def school() -> School:
    """A school with its contact point in the core team, a GGD nurse in the core team and the
    broader team, a truancy officer in the broader team, a steering group, one partner
    outside the teams and an escalation route."""
    school = f.SchoolFactory(name="IKC De Esch", escalation_route="Bel eerst de directeur.")
    ib = f.ProfessionalFactory(support_coordinator=True, full_name="Ilse Bakker",
                               organisation=school.organisation, phone="074 555 0101")
    school.contact_point = ib
    school.save()
    nurse = f.ProfessionalFactory(nurse=True, full_name="Anne de Vries",
                                  how_to_reach="Dinsdag en donderdag op school")
    officer = f.ProfessionalFactory(truancy_officer=True, full_name="Peter Leerplicht")
    core = f.TeamFactory(school=school, layer=TeamLayer.CORE, name="Kernteam De Esch")
    broad = f.TeamFactory(school=school, layer=TeamLayer.BROAD, name="Breder team De Esch")
    f.TeamFactory(school=school, layer=TeamLayer.STEERING, name="Stuurgroep Hengelo-Noord")
    f.TeamMembershipFactory(team=core, professional=ib, role="voorzitter")
    f.TeamMembershipFactory(team=core, professional=nurse)
    f.TeamMembershipFactory(team=broad, professional=nurse)
    f.TeamMembershipFactory(team=broad, professional=officer)
    f.SchoolPartnerFactory(school=school, name="Veilig Thuis Twente", phone="0800-2000",
                           website="https://www.veiligthuis.nl", what_for="Advies en melding")
    return school


@pytest.fixture
def reader() -> Professional:
    """A professional of another organisation, in no team of the school."""
    return f.ProfessionalFactory(youth_director=True)


def test_the_chart_is_an_image_with_a_title_and_a_description(
    client: Client, school: School, reader: Professional,
) -> None:
    sign_in(client, reader.user)
    svg = _fragment(_page(client, school), "svg", 'class="route-chart"')
    assert svg.get("role") == "img"
    assert svg.get("width") == "100%"
    assert re.fullmatch(r"0 0 \d+ \d+", svg.get("viewBox", ""))
    title = svg.find(f"{SVG}title")
    desc = svg.find(f"{SVG}desc")
    assert title is not None
    assert desc is not None
    assert svg.get("aria-labelledby") == title.get("id")
    assert svg.get("aria-describedby") == desc.get("id")
    assert "IKC De Esch" in _text(title)
    assert "5" in _text(desc)


def test_every_step_of_the_text_equivalent_is_in_the_chart_in_order(
    client: Client, school: School, reader: Professional,
) -> None:
    sign_in(client, reader.user)
    page = _page(client, school)
    svg = _fragment(page, "svg", 'class="route-chart"')
    steps = _fragment(page, "ol", 'id="route-steps"').findall("li")
    boxes = svg.findall(f"{SVG}g")
    assert len(steps) == len(boxes) == 5
    for number, (step, box) in enumerate(zip(steps, boxes, strict=True), start=1):
        assert _text(box) == f"{number}. {_text(step)}"
    chart = _text(svg)
    for expected in ("Ilse Bakker", "074 555 0101", "Kernteam De Esch", "Breder team De Esch",
                     "Veilig Thuis Twente", "SOT, SOT+", "Stuurgroep Hengelo-Noord"):
        assert expected in chart


def test_the_chart_fits_its_viewbox(client: Client, school: School, reader: Professional) -> None:
    sign_in(client, reader.user)
    svg = _fragment(_page(client, school), "svg", 'class="route-chart"')
    _x, _y, width, height = (int(v) for v in svg.get("viewBox", "").split())
    for rect in svg.iter(f"{SVG}rect"):
        assert int(rect.get("x", "")) + int(rect.get("width", "")) <= width
        assert int(rect.get("y", "")) + int(rect.get("height", "")) <= height


def test_partners_show_how_to_reach_them(
    client: Client, school: School, reader: Professional,
) -> None:
    sign_in(client, reader.user)
    page = _page(client, school)
    partners = page[page.index('id="partners"'):page.index('id="escalate"')]
    assert "Anne de Vries" in partners
    assert "Dinsdag en donderdag op school" in partners
    assert "Peter Leerplicht" in partners
    assert 'href="https://www.veiligthuis.nl">https://www.veiligthuis.nl</a>' in partners
    assert "0800-2000" in partners
    # The school's own people are the school, not its partners; a partner in two layers once.
    assert "Ilse Bakker" not in partners
    assert partners.count("Anne de Vries") == 1


def test_escalation_route_and_levels(client: Client, school: School, reader: Professional,
                                     ) -> None:
    sign_in(client, reader.user)
    page = _page(client, school)
    escalation = page[page.index('id="escalate"'):]
    assert "Bel eerst de directeur." in escalation
    assert "SOT, SOT+, Management" in escalation


def test_a_school_without_anything_yet_still_shows_the_route(
    client: Client, reader: Professional,
) -> None:
    school = f.SchoolFactory()
    sign_in(client, reader.user)
    page = _page(client, school)
    steps = [_text(li) for li in _fragment(page, "ol", 'id="route-steps"').findall("li")]
    assert len(steps) == 5
    assert "No contact point named yet" in steps[1]
    assert "No core team in Schakel yet" in steps[2]
    assert "No partner organisations named yet" in steps[3]


def test_the_print_version_names_the_page_address(
    client: Client, school: School, reader: Professional,
) -> None:
    sign_in(client, reader.user)
    page = _page(client, school)
    url = reverse("organisations:school_route", kwargs={"school_id": school.pk})
    assert re.search(r'class="utrecht-paragraph print-only">[^<]*http://testserver' + url, page)


def test_query_count_does_not_grow_with_the_members(client: Client, reader: Professional,
                                                    ) -> None:
    sign_in(client, reader.user)
    school = f.SchoolFactory(contact_point=f.ProfessionalFactory())
    url = reverse("organisations:school_route", kwargs={"school_id": school.pk})

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    f.TeamMembershipFactory(team=f.TeamFactory(school=school, core=True))
    f.SchoolPartnerFactory(school=school)
    few = count()
    for layer in TeamLayer:
        team = f.TeamFactory(school=school, layer=layer)
        for _ in range(4):
            f.TeamMembershipFactory(team=team)
    f.SchoolPartnerFactory.create_batch(3, school=school)
    assert count() == few


def test_portal_users_get_404(client: Client, school: School) -> None:
    parent = f.UserFactory()
    portal_sign_in(client, parent)
    url = reverse("organisations:school_route", kwargs={"school_id": school.pk})
    assert client.get(url).status_code == 404
