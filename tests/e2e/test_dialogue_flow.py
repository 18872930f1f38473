"""A dialogue table in a real browser (issue 10), from creation to adoption, and the
synthesis of it with a second adopted table: the chair writes the table, sends it to the
participants, the mentor comments, the chair adopts it; then the chair combines it with
another table, confirms the proposed merge and reads the overview report and its PDF.
axe-core checks each page."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from schakel.dialogue.models import (
    DialogueTable,
    Domain,
    Factor,
    Level,
    Synthesis,
    SynthesisStatus,
    TableStatus,
    Valence,
)
from schakel.organisations.models import Professional
from tests.dialogue.helpers import factor, make_table
from tests.e2e.conftest import NewPage, assert_accessible
from tests.e2e.test_case_flow import t
from tests.factories.people import ProfessionalFactory
from tests.support import sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

FACTOR = "Korte lijnen tussen school en wijkteam"
COMMENT = "De rol van de jeugdverpleegkundige mag duidelijker in het verslag."


def _signed_in(page: Page, live_server: LiveServer, professional: Professional) -> None:
    client = sign_in(Client(), professional.user)
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "url": live_server.url,
                               "value": client.cookies[settings.SESSION_COOKIE_NAME].value}])


def _submit(page: Page) -> None:
    page.locator("main form button[type=submit]").last.click()


def test_a_table_from_creation_to_adoption_and_its_synthesis(
    live_server: LiveServer, new_page: NewPage,
) -> None:
    chair = ProfessionalFactory(full_name="Petra Voorzitter")
    mentor = ProfessionalFactory(full_name="Mark Mentor")

    # The chair starts the table and writes it.
    page = new_page()
    _signed_in(page, live_server, chair)
    page.goto(live_server.url + reverse("dialogue:list"))
    assert_accessible(page)
    page.get_by_role("link", name=t("New dialogue table")).click()
    page.get_by_label(t("Title")).fill("Casus VO")
    page.get_by_label(t("Kind of education")).select_option(Level.VO.value)
    _submit(page)
    table = DialogueTable.objects.get(title="Casus VO")
    assert table.chair == chair

    page.get_by_role("link", name=t("Edit the description and goal realisation")).click()
    page.get_by_label(t("Anonymised description of the child")).fill(
        "Jongere: onderbouw vo, veel verzuim.")
    page.get_by_label(t("Goal realisation")).fill("Weer naar school, vier dagen per week.")
    _submit(page)
    expect(page.get_by_text("Jongere: onderbouw vo, veel verzuim.")).to_be_visible()

    page.get_by_text(t("Add a participant")).click()
    page.get_by_label(t("Perspective")).select_option("professional")
    page.get_by_label(t("Role"), exact=True).fill("Mentor")
    page.get_by_label(t("Account (a professional who reads and comments)")).select_option(
        str(mentor.pk))
    page.locator("details[open] form button[type=submit]").click()
    expect(page.locator("li", has_text="Mark Mentor")).to_be_visible()

    page.get_by_text(t("Add a factor or a possible cause")).click()
    page.get_by_label(re.compile("^" + t("Domain"))).select_option(Domain.PROFESSIONAL.value)
    page.get_by_label(re.compile("^" + t("Helping or obstructing"))).select_option(
        Valence.HELPING.value)
    page.get_by_label(t("Factor"), exact=True).fill(FACTOR)
    page.get_by_label("Mentor").check()
    page.locator("details[open] form button[type=submit]").click()
    expect(page.locator("li", has_text=FACTOR)).to_be_visible()

    page.get_by_text(t("Add a recommendation")).click()
    page.get_by_label(t("Recommendation")).fill("Plan een vast kernteamoverleg per maand.")
    page.locator("details[open] form button[type=submit]").click()
    expect(page.get_by_text("Plan een vast kernteamoverleg per maand.")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name=t("Send to the participants for comments")).click()
    table.refresh_from_db()
    assert table.status == TableStatus.IN_REVIEW

    # The mentor, a participant with an account, reads and comments.
    mentors = new_page()
    _signed_in(mentors, live_server, mentor)
    mentors.goto(live_server.url + reverse("dialogue:list"))
    mentors.get_by_role("link", name="Casus VO").click()
    expect(mentors.locator("li", has_text=FACTOR)).to_be_visible()
    mentors.get_by_label(t("Your comment")).fill(COMMENT)
    assert_accessible(mentors)
    mentors.get_by_role("button", name=t("Save the comment")).click()
    expect(mentors.get_by_text(COMMENT)).to_be_visible()
    expect(mentors.get_by_role("button", name=t("Adopt the report"))).to_have_count(0)

    # The chair adopts: read-only afterwards.
    page.reload()
    expect(page.get_by_text(COMMENT)).to_be_visible()
    page.get_by_role("button", name=t("Adopt the report")).click()
    table.refresh_from_db()
    assert table.status == TableStatus.ADOPTED
    expect(page.get_by_text(t("Add a factor or a possible cause"))).to_have_count(0)

    # A second adopted table of the same chair names the same factor in other words.
    other = make_table(chair, title="Casus MBO", status=TableStatus.ADOPTED)
    other.level = Level.MBO
    other.save()
    factor(other, "Korte lijnen met het wijkteam", valence=Valence.HELPING,
           domain=Domain.PROFESSIONAL)

    page.goto(live_server.url + reverse("dialogue:list"))
    page.get_by_role("link", name=t("New synthesis of dialogue tables")).click()
    page.get_by_label(t("Title")).fill("Dialoogtafels 2026")
    page.get_by_label("Casus VO").check()
    page.get_by_label("Casus MBO").check()
    assert_accessible(page)
    _submit(page)
    synthesis = Synthesis.objects.get(title="Dialoogtafels 2026")
    assert set(synthesis.tables.all()) == {table, other}

    # The proposed merge is confirmed; the merged factor was named by both tables.
    expect(page.locator("#proposals")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name=t("Merge")).first.click()
    expect(page.get_by_text(t("The factors have been merged."))).to_be_visible()
    merged_cell = page.locator("#factors ~ table tbody tr").first
    expect(merged_cell).to_contain_text("(1c,2c)")
    expect(page.locator("#proposals")).to_have_count(0)

    page.get_by_role("button", name=t("Adopt the synthesis")).click()
    synthesis.refresh_from_db()
    assert synthesis.status == SynthesisStatus.ADOPTED

    page.get_by_role("link", name=t("Overview report"), exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Dialoogtafels 2026")
    expect(page.get_by_text("(1c,2c)").first).to_be_visible()
    assert_accessible(page)
    pdf = page.request.get(live_server.url + reverse(
        "dialogue:synthesis_pdf", kwargs={"synthesis_id": synthesis.pk}))
    assert pdf.status == 200
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF")

    # Nothing of a table was stored by the mentor but the comment.
    assert Factor.objects.filter(table=table).count() == 1
