"""The pupil search of *Signaal melden* with htmx (issue 7, item 13): a pupil chosen while a
search is under way stays chosen when that search's answer arrives. (Typing first and
searching without losing the text, with and without JavaScript: `test_case_flow`.)"""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Route, expect
from pytest_django.live_server_helper import LiveServer

from tests.e2e.conftest import NewPage, assert_accessible
from tests.factories import ChildFactory, EnrolmentFactory, ProfessionalFactory, SchoolFactory
from tests.support import sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TEXT = "Mila huilde vandaag in de kring en wilde niet vertellen waarom."


def t(msgid: str) -> str:
    with translation.override("nl"):
        return translation.gettext(msgid)


def test_a_pupil_chosen_during_a_search_stays_chosen(
    live_server: LiveServer, new_page: NewPage,
) -> None:
    school = SchoolFactory(name="Basisschool De Klimop")
    teacher = ProfessionalFactory(teacher=True, organisation=school.organisation)
    mila = ChildFactory(first_name="Mila", last_name="Zonneveld")
    EnrolmentFactory(child=mila, school=school)
    client = sign_in(Client(), teacher.user)
    page = new_page()
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "url": live_server.url,
                               "value": client.cookies[settings.SESSION_COOKIE_NAME].value}])
    held: list[Route] = []
    hold = {"on": False}

    def searched(route: Route) -> None:
        if hold["on"]:
            held.append(route)
        else:
            route.continue_()

    page.route(re.compile(re.escape(reverse("signals:pupil_search"))), searched)
    page.goto(live_server.url + reverse("signals:raise"))
    page.get_by_label(t("What did you notice?")).fill(TEXT)
    search = page.locator("main").get_by_role("button", name=t("Search"), exact=True)
    searching = re.compile(re.escape(reverse("signals:pupil_search")))
    with page.expect_response(searching):  # typing searches, in place
        page.get_by_label(t("Search for the pupil by name or pupil number")).fill("Zonnev")
    pupil = page.get_by_role("radio", name=re.compile(r"^Mila Zonneveld\b"))
    expect(pupil).to_be_visible()
    hold["on"] = True
    with page.expect_request(searching):
        search.click()  # a second search, whose answer is held back
    pupil.check()  # chosen while the second search is under way
    assert len(held) == 1
    with page.expect_response(searching):
        held[0].continue_()
    expect(page.locator("#pupil-results")).to_contain_text("Mila Zonneveld")
    expect(pupil).to_be_checked()
    assert_accessible(page)
    page.get_by_label(t("Theme")).select_option(label="Welbevinden")
    page.get_by_role("button", name=t("Record signal")).click()
    expect(page).to_have_url(re.compile(r"/signalen/\d+/$"))
    expect(page.get_by_text(TEXT)).to_be_visible()
