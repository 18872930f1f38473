"""The printable chronology: a PDF with the child's name, the date printed and page numbers
on every page, what the reader may see (as filtered), its first page not blank; printing is
logged as an export of the child and each entry; others get the same 404."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from PIL import Image

from schakel.audit.events import EventCode
from schakel.audit.models import AccessEvent, Action, Outcome
from schakel.chronology.kinds import Kind
from tests.chronology.fixtures import everything
from tests.conftest import World
from tests.factories import AgreementFactory
from tests.support import pdf_text, poppler, sign_in

pytestmark = pytest.mark.django_db


def _url(world: World) -> str:
    return reverse("chronology:child_pdf", kwargs={"child_id": world.child.pk})


def test_the_pdf_shows_the_chronology_on_numbered_pages(
        world: World, client: Client, tmp_path: Path) -> None:
    found = everything(world)
    for n in range(60):  # more than one page
        AgreementFactory(case=world.case, owner=world.nurse, description=f"Afspraak {n}")
    sign_in(client, world.nurse.user)
    response = client.get(_url(world))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "no-store"
    text = pdf_text(response.content)
    assert "Huisbezoek plannen" in text
    assert "Moeder maakt zich zorgen" in text
    assert "Cijfers gaan achteruit" not in text  # a school note her GGD may not receive
    pages = [page for page in text.split("\f") if page.strip()]
    assert len(pages) > 1
    assert all(world.child.full_name in page and "Printed on" in page and "Pagina" in page
               for page in pages)
    pdf = tmp_path / "chronology.pdf"
    pdf.write_bytes(response.content)
    poppler("pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(pdf),
            str(tmp_path / "page"))
    png = next(tmp_path.glob("page*.png"))
    with Image.open(png) as image:
        histogram = image.convert("L").histogram()
    assert sum(histogram[:200]) > 500  # text and headings, not a blank page
    printed = AccessEvent.objects.filter(event_code=EventCode.CHILD_CHRONOLOGY_PRINT,
                                         user_id=world.nurse.user_id)
    assert set(printed.values_list("action", "outcome", "child_id")) == {
        (Action.EXECUTE, Outcome.SUCCESS, world.child.pk)}
    logged = set(printed.values_list("object_type", "object_id"))
    assert {("children.child", str(world.child.pk)),
            ("cases.agreement", str(found.agreement.pk))} <= logged
    assert ("notes.conversationnote", str(found.school_note.pk)) not in logged


def test_the_pdf_follows_the_filter(world: World, client: Client) -> None:
    everything(world)
    sign_in(client, world.nurse.user)
    text = pdf_text(client.get(_url(world), {"kinds": [Kind.NOTES]}).content)
    assert "Moeder maakt zich zorgen" in text
    assert "Huisbezoek plannen" not in text


def test_an_outsider_gets_404_and_nothing_is_printed(world: World, client: Client) -> None:
    sign_in(client, world.outsider.user)
    assert client.get(_url(world)).status_code == 404
    rows = AccessEvent.objects.filter(event_code=EventCode.CHILD_CHRONOLOGY_PRINT)
    assert list(rows.values_list("outcome", "child_id")) == [(Outcome.DENIED, world.child.pk)]
