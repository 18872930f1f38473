"""The route page of a school in a real browser: on a 375 px phone nothing sticks out and the
flow chart's text stays inside its boxes; printed on A4 the navigation is gone and the phone
numbers and the page's address are on paper."""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from schakel.demo.people import DEMO_PASSWORD
from schakel.organisations.models import Professional, School
from tests.e2e.conftest import NewPage
from tests.support import totp_code, totp_device

pytestmark = [
    pytest.mark.browser,
    # The plan templates come from a data migration; keep them for the next test.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE_WIDTH = 375

TEXT_OUTSIDE_ITS_BOX = """() => [...document.querySelectorAll('svg.route-chart g')].flatMap(g => {
  const box = g.querySelector('rect').getBBox();
  return [...g.querySelectorAll('tspan')].filter(t => {
    const b = t.getBBox();
    return b.x < box.x || b.x + b.width > box.x + box.width
        || b.y < box.y || b.y + b.height > box.y + box.height;
  }).map(t => t.textContent);
})"""


def t(msgid: str) -> str:
    with translation.override("nl"):
        return translation.gettext(msgid)


def _sign_in(page: Page, server: LiveServer, username: str) -> None:
    user = Professional.objects.select_related("user").get(user__username=username).user
    totp_device(user)
    page.goto(server.url + reverse("accounts:login"))
    page.get_by_label(t("Username")).fill(user.username)
    page.get_by_label(t("Password")).fill(DEMO_PASSWORD)
    page.get_by_role("button", name=t("Next"), exact=True).click()
    expect(page).to_have_url(re.compile(re.escape(reverse("accounts:verify"))))
    page.get_by_label(t("Code"), exact=True).fill(totp_code(user))
    page.get_by_role("button", name=t("Sign in"), exact=True).click()
    expect(page).to_have_url(server.url + reverse("web:dashboard"))


@pytest.fixture
def route_page(live_server: LiveServer, new_page: NewPage) -> Page:
    call_command("demo_load", verbosity=0)
    school = School.objects.get(name="IKC De Vlinderboom")
    page = new_page(javascript=True)
    _sign_in(page, live_server, "jeugdregisseur.demo")
    page.set_viewport_size({"width": PHONE_WIDTH, "height": 800})
    page.goto(live_server.url + reverse("organisations:school_route",
                                        kwargs={"school_id": school.pk}))
    return page


def test_on_a_phone_the_route_fits_the_screen(route_page: Page) -> None:
    page = route_page
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH
    chart = page.locator("svg.route-chart")
    box = chart.bounding_box()
    assert box is not None
    assert box["x"] >= 0
    assert box["x"] + box["width"] <= PHONE_WIDTH
    assert page.evaluate(TEXT_OUTSIDE_ITS_BOX) == []
    expect(page.get_by_role("img", name=re.compile("IKC De Vlinderboom"))).to_be_visible()


def test_printed_without_navigation_with_phone_numbers(route_page: Page) -> None:
    page = route_page
    page.emulate_media(media="print")
    expect(page.locator(".page-header")).to_be_hidden()
    expect(page.locator(".page-footer")).to_be_hidden()
    expect(page.locator(".print-only")).to_be_visible()
    expect(page.locator(".print-only")).to_contain_text(page.url)
    contact = page.locator("#contact").locator("..")
    expect(contact.get_by_text("074 555 0101")).to_be_visible()
    expect(page.get_by_text("0800-2000").first).to_be_visible()
    assert page.pdf(format="A4").startswith(b"%PDF")
