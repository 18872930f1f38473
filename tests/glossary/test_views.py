"""The glossary pages: reading and searching for every professional, keeping it for the
functional administrator (others: 404), a confirmed removal."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from schakel.glossary.models import Term
from tests.factories import ProfessionalFactory
from tests.support import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def admin_client(client: Client) -> Client:
    return sign_in(client, ProfessionalFactory(functional_administrator=True).user)


@pytest.fixture
def nurse_client(client: Client) -> Client:
    return sign_in(client, ProfessionalFactory(nurse=True).user)


def _form(**changes: str) -> dict[str, str]:
    data = {"name": "OT", "expansion": "ondersteuningsteam", "is_abbreviation": "on",
            "meaning_general": "", "meaning_education": "Het team van school.",
            "meaning_care": "", "meaning_municipality": "", "meaning_protection": ""}
    data.update(changes)
    return data


def test_every_professional_reads_and_searches_the_glossary(nurse_client: Client) -> None:
    page = nurse_client.get(reverse("glossary:list"), {"q": "kinderrechter"})
    text = page.content.decode()
    assert page.status_code == 200
    assert "ondertoezichtstelling" in text
    assert "ontwikkelingsperspectiefplan" not in text
    assert reverse("glossary:create") not in text


def test_the_administrator_adds_a_term_and_it_is_explained_in_texts(admin_client: Client) -> None:
    answer = admin_client.post(reverse("glossary:create"), _form())
    assert answer.status_code == 302
    term = Term.objects.get(name="OT")
    assert term.meanings.get().text == "Het team van school."
    listing = admin_client.get(reverse("glossary:list")).content.decode()
    assert "“OT” has been added to the glossary." in listing
    assert reverse("glossary:edit", kwargs={"term_id": term.pk}) in listing


def test_an_empty_meaning_comes_back_with_a_message_and_nothing_stored(
    admin_client: Client,
) -> None:
    answer = admin_client.post(reverse("glossary:create"), _form(meaning_education=""))
    assert answer.status_code == 200
    assert "Give the meaning in at least one domain." in answer.content.decode()
    assert not Term.objects.filter(name="OT").exists()


def test_the_administrator_changes_a_term(admin_client: Client) -> None:
    term = Term.objects.get(name="OPP")
    url = reverse("glossary:edit", kwargs={"term_id": term.pk})
    assert "ontwikkelingsperspectiefplan" in admin_client.get(url).content.decode()
    admin_client.post(url, _form(name="OPP", expansion="ontwikkelingsperspectief"))
    term.refresh_from_db()
    assert term.expansion == "ontwikkelingsperspectief"


def test_removal_needs_the_confirmation(admin_client: Client) -> None:
    term = Term.objects.get(name="SOT")
    url = reverse("glossary:delete", kwargs={"term_id": term.pk})
    admin_client.post(url)
    assert Term.objects.filter(pk=term.pk).exists()
    admin_client.post(url, {"confirm": "yes"})
    assert not Term.objects.filter(pk=term.pk).exists()


def test_others_get_404_and_change_nothing(nurse_client: Client) -> None:
    term = Term.objects.get(name="MDO")
    assert nurse_client.get(reverse("glossary:create")).status_code == 404
    assert nurse_client.post(reverse("glossary:create"), _form()).status_code == 404
    edit = reverse("glossary:edit", kwargs={"term_id": term.pk})
    assert nurse_client.post(edit, _form(name="MDO")).status_code == 404
    delete = reverse("glossary:delete", kwargs={"term_id": term.pk})
    assert nurse_client.post(delete, {"confirm": "yes"}).status_code == 404
    term.refresh_from_db()
    assert term.expansion == "multidisciplinair overleg"
    assert not Term.objects.filter(name="OT").exists()
