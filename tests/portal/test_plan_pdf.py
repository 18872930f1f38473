"""The plan printed for the meeting with the parents (issue 12): a PDF with the plan, the
agreements and the visitekaartjes as the parents see them — a withheld step left out — the
date and version on every page, its first page not blank; printing is logged; outsiders get
404; nothing is printed when the parents do not see the case."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from schakel.audit.events import EventCode
from schakel.audit.models import AccessEvent, Action
from schakel.portal.models import EntryType, WithheldEntry
from tests.conftest import World
from tests.factories import (
    AgreementFactory,
    InvolvementFactory,
    PlanStepEntryFactory,
    ProfessionalFactory,
)
from tests.support import pdf_text, poppler, sign_in

pytestmark = pytest.mark.django_db

VISIBLE = "Bas slaapt slecht sinds de verhuizing"
WITHHELD = "Zorgen over de vader die nog niet besproken zijn"


def _url(world: World) -> str:
    return reverse("portal:plan_pdf", kwargs={"case_id": world.case.pk})


def test_the_plan_pdf_shows_what_the_parents_see(
        world: World, client: Client, tmp_path: Path) -> None:
    PlanStepEntryFactory(case=world.case, step=1, content=VISIBLE, filled_in_by=world.nurse)
    hidden = PlanStepEntryFactory(case=world.case, step=2, content=WITHHELD,
                                  filled_in_by=world.nurse)
    WithheldEntry.objects.create(case=world.case, object_type=EntryType.PLAN_STEP,
                                 object_id=hidden.pk, reason="In het belang van het kind",
                                 withheld_by=world.nurse, withheld_at=timezone.now())
    AgreementFactory(case=world.case, owner=world.nurse, description="Vaste bedtijd afspreken")
    sign_in(client, world.nurse.user)
    response = client.get(_url(world))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "no-store"
    pdf = tmp_path / "plan.pdf"
    pdf.write_bytes(response.content)
    text = pdf_text(response.content)
    assert VISIBLE in text
    assert WITHHELD not in text
    assert "Vaste bedtijd afspreken" in text
    assert world.nurse.full_name in text
    pages = text.split("\f")
    assert all(world.case.reference in page and "Plan version" in page and "Pagina" in page
               for page in pages if page.strip())
    poppler("pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(pdf),
            str(tmp_path / "page"))
    png = next(tmp_path.glob("page*.png"))
    with Image.open(png) as image:
        histogram = image.convert("L").histogram()
        dark = sum(histogram[:200])
    assert dark > 500  # text and headings, not a blank page
    printed = AccessEvent.objects.filter(event_code=EventCode.CASE_PLAN_PRINT,
                                         user_id=world.nurse.user_id)
    assert list(printed.values_list("action", "child_id")) == [(Action.EXECUTE,
                                                                world.child.pk)]


def test_an_outsider_gets_404_and_nothing_is_printed(world: World, client: Client) -> None:
    sign_in(client, ProfessionalFactory(nurse=True).user)
    assert client.get(_url(world)).status_code == 404
    assert not AccessEvent.objects.filter(event_code=EventCode.CASE_PLAN_PRINT,
                                          outcome="success").exists()


def test_nothing_to_print_when_the_parents_do_not_see_the_case(
        world: World, client: Client) -> None:
    today = timezone.localdate()
    world.child.birth_date = today.replace(year=today.year - 17)
    world.child.save(update_fields=["birth_date"])
    # The school holds the file: its IB'er, involved, reads the case of a 17-year-old.
    InvolvementFactory(case=world.case, professional=world.core_member)
    sign_in(client, world.core_member.user)
    response = client.get(_url(world))
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:detail", kwargs={"case_id": world.case.pk})
    assert not AccessEvent.objects.filter(event_code=EventCode.CASE_PLAN_PRINT,
                                          outcome="success").exists()
