"""The pages: a table built through its forms, reviewed and adopted; the synthesis, its
merges and its overview report as HTML and as a PDF whose first page is not blank; nothing of
the source case in any page."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from PIL import Image

from schakel.dialogue.models import DialogueTable, Domain, TableStatus, Valence
from tests.conftest import World
from tests.dialogue.helpers import factor, make_table
from tests.support import pdf_text, poppler, sign_in

pytestmark = pytest.mark.django_db


def _post(client: Client, name: str, table: DialogueTable, data: dict[str, object]) -> str:
    response = client.post(reverse(f"dialogue:{name}", kwargs={"table_id": table.pk}), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return str(response["Location"])


def test_a_table_through_its_pages(world: World, client: Client) -> None:
    sign_in(client, world.nurse.user)
    response = client.post(reverse("dialogue:create"), {"title": "Casus PO", "level": "po"})
    assert response.status_code == 302
    table = DialogueTable.objects.get(title="Casus PO")
    _post(client, "propose", table, {"reference": world.case.reference})
    table.refresh_from_db()
    assert table.source_case == world.case
    _post(client, "history_add", table, {"moment": "groep 2", "description": "Team Jeugd"})
    _post(client, "participant_add", table, {
        "perspective": "professional", "role": "Leerkracht", "organisation_type": "school",
        "professional": world.teacher.pk})
    _post(client, "factor_add", table, {
        "domain": Domain.FAMILY, "valence": Valence.HELPING, "text": "Ouders gemotiveerd",
        "case_specific": "on"})
    _post(client, "recommendation_add", table, {"audience": "school", "text": "Deel."})
    bad = client.post(reverse("dialogue:factor_add", kwargs={"table_id": table.pk}),
                      {"domain": "", "valence": "", "text": "Zonder domein"})
    assert bad.status_code == 200
    assert "Choose the domain of the factor." in bad.content.decode()
    page = client.get(reverse("dialogue:detail", kwargs={"table_id": table.pk})).content.decode()
    assert "Ouders gemotiveerd" in page
    for secret in (world.case.reference, world.child.full_name, world.family.name,
                   f"/casussen/{world.case.pk}/"):
        assert secret not in page
    _post(client, "review_start", table, {})
    teacher = Client()
    sign_in(teacher, world.teacher.user)
    seen = teacher.get(reverse("dialogue:detail", kwargs={"table_id": table.pk}))
    assert seen.status_code == 200
    for secret in (world.case.reference, world.child.full_name, f"/casussen/{world.case.pk}/"):
        assert secret not in seen.content.decode()
    _post(teacher, "comment", table, {"text": "Mooi verslag."})
    _post(client, "adopt", table, {})
    table.refresh_from_db()
    assert table.status == TableStatus.ADOPTED
    assert table.comments.get().text == "Mooi verslag."


def _synthesis(world: World, client: Client) -> int:
    tables = [make_table(world.nurse, title=f"Casus {n}", status=TableStatus.ADOPTED)
              for n in (1, 2)]
    main = factor(tables[0], "Goede samenwerking tussen professionals")
    factor(tables[0], "Korte lijnen", parent=main)
    factor(tables[1], "Goede samenwerking professionals")
    factor(tables[1], "Gebrek aan regie", valence=Valence.OBSTRUCTING,
           domain=Domain.ORGANISATION_PROVIDER)
    for n in range(40):  # more than one page
        factor(tables[1], f"Factor nummer {n} van de tweede tafel", domain=Domain.INTERVENTION)
    sign_in(client, world.nurse.user)
    response = client.post(reverse("dialogue:synthesis_create"), {
        "title": "Overstijgende dialoogtafel", "tables": [t.pk for t in tables]})
    assert response.status_code == 302
    synthesis_id = int(str(response["Location"]).rstrip("/").split("/")[-1])
    client.post(reverse("dialogue:synthesis_edit", kwargs={"synthesis_id": synthesis_id}), {
        "title": "Overstijgende dialoogtafel", "method": "Drie tafels.",
        "went_well": "Overleg\nBetrokkenheid", "could_be_better": "Regie"})
    return synthesis_id


def test_the_synthesis_page_merges_and_reports(world: World, client: Client) -> None:
    synthesis_id = _synthesis(world, client)
    kwargs = {"synthesis_id": synthesis_id}
    page = client.get(reverse("dialogue:synthesis_detail", kwargs=kwargs))
    assert page.status_code == 200
    group = page.context["page"].proposals[0]
    response = client.post(reverse("dialogue:synthesis_merge", kwargs=kwargs),
                           {"rows": ",".join(str(r.row.pk) for r in group), "text": ""})
    assert response.status_code == 302
    response = client.post(reverse("dialogue:synthesis_recommendation_add", kwargs=kwargs),
                           {"audience": "school", "text": "Kies voor een levensloopbenadering."})
    assert response.status_code == 302
    bad = client.post(reverse("dialogue:synthesis_recommendation_add", kwargs=kwargs),
                      {"audience": "school", "text": ""})
    assert bad.status_code == 200
    report = client.get(reverse("dialogue:synthesis_report", kwargs=kwargs)).content.decode()
    assert "Kies voor een levensloopbenadering." in report
    assert "Goede samenwerking tussen professionals</strong> (1c,2c)" in report
    assert "↑ Korte lijnen (1c)" in report
    assert "Betrokkenheid" in report


def test_the_report_pdf_has_numbered_pages_and_a_first_page_not_blank(
        world: World, client: Client, tmp_path: Path) -> None:
    synthesis_id = _synthesis(world, client)
    response = client.get(reverse("dialogue:synthesis_pdf",
                                  kwargs={"synthesis_id": synthesis_id}))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    pages = [page for page in text.split("\f") if page.strip()]
    assert len(pages) > 1
    assert all("Pagina" in page for page in pages)
    assert "Contents" in pages[0]
    assert "Reading guide" in text
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(response.content)
    poppler("pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(pdf),
            str(tmp_path / "page"))
    png = next(tmp_path.glob("page*.png"))
    with Image.open(png) as image:
        histogram = image.convert("L").histogram()
    assert sum(histogram[:200]) > 500


def test_outsiders_get_404_on_every_page(world: World, client: Client) -> None:
    table = make_table(world.nurse)
    sign_in(client, world.outsider.user)
    for name in ("detail", "edit", "propose"):
        assert client.get(reverse(f"dialogue:{name}", kwargs={"table_id": table.pk})
                          ).status_code == 404
