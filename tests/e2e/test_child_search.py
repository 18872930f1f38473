"""The search box in the navigation (issue 12, item 4): the IB'er finds a pupil of her school
by name with a typing error and without the particle, opens the child's page; a search of one
letter says why it searched nothing. A plain GET form: the same without JavaScript."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from tests.e2e.conftest import PHONE, NewPage, assert_accessible
from tests.factories import ChildFactory, EnrolmentFactory, ProfessionalFactory, SchoolFactory
from tests.support import sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def t(msgid: str) -> str:
    with translation.override("nl"):
        return translation.gettext(msgid)


def _signed_in(page: Page, live_server: LiveServer, client: Client) -> None:
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "url": live_server.url,
                               "value": client.cookies[settings.SESSION_COOKIE_NAME].value}])


@pytest.mark.parametrize("javascript", [True, False])
def test_the_ib_er_finds_a_pupil_through_the_search_box(
    live_server: LiveServer, new_page: NewPage, javascript: bool,
) -> None:
    school = SchoolFactory(name="Basisschool De Klimop")
    ib = ProfessionalFactory(support_coordinator=True, organisation=school.organisation,
                             core_team_of=school)
    tina = ChildFactory(first_name="Tina", last_name="van 't Riet")
    EnrolmentFactory(child=tina, school=school, pupil_number="K2024117")
    hidden = ChildFactory(first_name="Tina", last_name="van 't Riet")  # another school's
    EnrolmentFactory(child=hidden, school=SchoolFactory())
    page = new_page(javascript=javascript)
    _signed_in(page, live_server, sign_in(Client(), ib.user))
    page.goto(live_server.url + reverse("web:dashboard"))
    box = page.get_by_role("searchbox", name=t(
        "Search for a child by name, date of birth or pupil number"))
    box.fill("tina riett")  # no particle, one letter too many
    box.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(reverse("children:search")) + r"\?q="))
    expect(page.get_by_role("heading", name=t("Search for a child"))).to_be_visible()
    results = page.get_by_role("table")
    expect(results.get_by_role("row")).to_have_count(2)  # the header and Tina
    expect(results).to_contain_text("K2024117")
    assert_accessible(page)
    results.get_by_role("link", name="Tina van 't Riet").click()
    expect(page).to_have_url(re.compile(
        re.escape(reverse("children:detail", kwargs={"child_id": tina.pk})) + "$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Tina van 't Riet")


def test_one_letter_is_answered_with_the_reason_on_a_phone(
    live_server: LiveServer, new_page: NewPage,
) -> None:
    school = SchoolFactory()
    ib = ProfessionalFactory(support_coordinator=True, organisation=school.organisation,
                             core_team_of=school)
    page = new_page(viewport=PHONE)
    _signed_in(page, live_server, sign_in(Client(), ib.user))
    page.goto(live_server.url + reverse("web:dashboard"))
    box = page.get_by_role("searchbox", name=t(
        "Search for a child by name, date of birth or pupil number"))
    box.fill("T")
    page.get_by_role("button", name=t("Search"), exact=True).click()
    expect(page.get_by_text(t("Type at least two characters to search."))).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert_accessible(page)
