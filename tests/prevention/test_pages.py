"""The pages: the matrix as a table of sector x level with the top 12s, the ambition, the
regie agreements and the guide of Bijlage B; its parts filled through their forms; a bad
input shown beside its field; the print view; the steering group reads without forms."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from schakel.prevention.models import PyramidLevel, RankedItem, RankedKind, Sector
from schakel.prevention.questions import GUIDE
from schakel.prevention.services import prevention_offer_add, ranked_item_add
from tests.prevention.helpers import People
from tests.support import sign_in

pytestmark = pytest.mark.django_db


def _url(name: str, people: People, **kwargs: int) -> str:
    return reverse(f"prevention:{name}", kwargs={"school_id": people.school.pk, **kwargs})


def _ok(response: object) -> str:
    assert getattr(response, "status_code", None) == 302, getattr(response, "content", b"")[:3000]
    return ""


def test_the_matrix_filled_through_its_forms(people: People, client: Client) -> None:
    sign_in(client, people.core.user)
    _ok(client.post(_url("ranked_add", people), {
        "kind": RankedKind.DESIRED, "rank": "", "text": "Iedere leerling voelt zich veilig"}))
    _ok(client.post(_url("ranked_add", people), {
        "kind": RankedKind.PROBLEM, "rank": "2", "text": "Drugs in het tweede leerjaar"}))
    _ok(client.post(_url("offer_add", people), {
        "sector": Sector.MUNICIPALITY, "level": PyramidLevel.SELECTIVE,
        "name": "Voorlichting middelengebruik", "provider": "Tactus", "description": ""}))
    _ok(client.post(_url("ambition_edit", people), {
        "what": "Minder middelengebruik", "how": "Lessen in klas 2", "who": "Jongerenwerk"}))
    _ok(client.post(_url("regie_add", people), {
        "subject": "Overzicht van het aanbod", "holder": "Beleidsmedewerker gemeente",
        "agreement": ""}))
    item = RankedItem.objects.get(kind=RankedKind.PROBLEM)
    _ok(client.post(_url("ranked_edit", people, ranked_id=item.pk),
                    {"rank": "4", "text": "Drugs in leerjaar 2"}))
    page = client.get(_url("detail", people)).content.decode()
    for text in ("Iedere leerling voelt zich veilig", "Drugs in leerjaar 2",
                 "Voorlichting middelengebruik", "Tactus", "Minder middelengebruik",
                 "Beleidsmedewerker gemeente", str(GUIDE[1].questions[2]),
                 "Last changed on", people.core.full_name):
        assert text in page, text
    # The table: a header per sector, a row per level (the top of the pyramid first).
    for sector in Sector:
        assert f'scope="col">{sector.label}</th>' in page
    rows = [page.index(f'scope="row">{level.label}</th>') for level in PyramidLevel]
    assert rows == sorted(rows, reverse=True)
    assert page.index("Voorlichting middelengebruik") > rows[1] > page.index(
        f'data-label="{Sector.MUNICIPALITY.label}"')


def test_a_bad_input_is_shown_beside_its_field(people: People, client: Client) -> None:
    for rank in range(1, 13):
        ranked_item_add(actor=people.actor(people.core), school=people.school,
                        kind=RankedKind.DESIRED, text=f"Situatie {rank}", rank=rank)
    sign_in(client, people.core.user)
    response = client.post(_url("ranked_add", people), {
        "kind": RankedKind.DESIRED, "rank": "", "text": "De dertiende"})
    assert response.status_code == 200
    assert "The top 12 of desired situations is full" in response.content.decode()
    assert not RankedItem.objects.filter(text="De dertiende").exists()


def test_the_steering_group_reads_without_forms_and_the_print_view(
        people: People, client: Client) -> None:
    prevention_offer_add(actor=people.actor(people.officer), school=people.school,
                         sector=Sector.INFORMAL, level=PyramidLevel.UNIVERSAL,
                         name="Buddyproject")
    sign_in(client, people.steering.user)
    page = client.get(_url("detail", people)).content.decode()
    assert "Buddyproject" in page
    assert _url("offer_add", people) not in page
    assert "Remove" not in page
    printed = client.get(_url("print", people)).content.decode()
    assert "Buddyproject" in printed
    assert "<form method=\"post\" action=\"/preventie" not in printed
    listing = client.get(reverse("prevention:list")).content.decode()
    assert people.school.name in listing
    assert client.post(_url("offer_add", people), {
        "sector": Sector.INFORMAL, "level": PyramidLevel.UNIVERSAL,
        "name": "Nog een"}).status_code == 404


def test_a_page_before_anything_is_written(people: People, client: Client) -> None:
    sign_in(client, people.officer.user)
    page = client.get(_url("detail", people)).content.decode()
    assert "No shared ambition yet." in page
    assert client.get(_url("ambition_edit", people)).status_code == 200
