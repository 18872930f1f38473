"""The core flow in a real browser: the IB'er of IKC De Vlinderboom raises a signal about Bas,
opens a case from it, involves the youth nurse and makes her regiehouder, fills plan steps 1-4
and makes an agreement for her; the nurse finds the case and her agreement; the jeugdregisseur,
in the core team but not involved, gets 404; the privacy officer sees the reads in the access
log. Once with JavaScript (the searches update through htmx) and once without (the search
buttons reload the page), since every core flow must work without JavaScript.

Locators are accessible names and labels in the language the server renders for a Dutch
browser: `t()` asks Django's catalogue for Dutch.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote_plus

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from playwright.sync_api import Locator, Page, expect
from pytest_django.live_server_helper import LiveServer

from schakel.accounts.models import User
from schakel.cases.models import Case
from schakel.children.models import Child
from schakel.demo.people import DEMO_PASSWORD
from schakel.demo.stories.primary import BAS_CASE_TITLE
from schakel.organisations.models import Professional
from schakel.signals.models import Signal, SignalStatus
from tests.e2e.conftest import NewPage, assert_accessible
from tests.support import totp_code, totp_device

pytestmark = [
    pytest.mark.browser,
    # The live server reads what the test writes, so the test commits; the rows the
    # migrations installed (themes, plan templates) come back for the tests after it.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

RESULTS = Path(settings.BASE_DIR) / "var" / "test-results"

SIGNAL_TEXT = ("Bas schopte vandaag in de grote pauze twee kinderen uit groep 5 op het "
               "schoolplein. Hij was daarna niet aanspreekbaar.")
CASE_TITLE = "Bas: gedrag op het schoolplein"
PLAN = {
    1: "Bas schopt en slaat op het plein; bestraffen helpt niet. We starten omdat het "
       "aanhoudt.",
    2: "Observaties van de leerkracht, gesprek met ouders en het JGZ-dossier.",
    3: "Bas speelt op het plein zonder te slaan en weet bij wie hij terecht kan.",
    4: "De jeugdverpleegkundige spreekt ouders; de leerkracht biedt time-in op het plein.",
}
AGREEMENT_TEXT = "Gesprek met ouders over de situatie thuis en op het plein"

BROWSER_LANGUAGE = "nl"  # the browser contexts ask for Dutch (`conftest.new_page`)


def t(msgid: str) -> str:
    """The text the server shows the Dutch browser for `msgid`."""
    with translation.override(BROWSER_LANGUAGE):
        return translation.gettext(msgid)


@dataclass
class Demo:
    bas: Child
    ib: Professional
    nurse: Professional
    director: Professional
    privacy: Professional


@pytest.fixture
def demo(transactional_db: None) -> Demo:
    call_command("demo_load", verbosity=0)
    bas_case = Case.objects.select_related("child").get(title=BAS_CASE_TITLE)
    people = {p.user.username: p for p in Professional.objects.select_related("user").filter(
        user__username__in=["ib.demo", "jvk.demo", "jeugdregisseur.demo", "privacy.demo"])}
    assert bas_case.child is not None
    return Demo(bas=bas_case.child, ib=people["ib.demo"], nurse=people["jvk.demo"],
                director=people["jeugdregisseur.demo"], privacy=people["privacy.demo"])


def sign_in(page: Page, server: LiveServer, user: User) -> None:
    """Password, then the current code of the user's authenticator (made beforehand)."""
    totp_device(user)
    page.goto(server.url + reverse("accounts:login"))
    assert_accessible(page)
    page.get_by_label(t("Username")).fill(user.username)
    page.get_by_label(t("Password")).fill(DEMO_PASSWORD)
    page.get_by_role("button", name=t("Next"), exact=True).click()
    expect(page).to_have_url(re.compile(re.escape(reverse("accounts:verify"))))
    assert_accessible(page)
    page.get_by_label(t("Code"), exact=True).fill(totp_code(user))
    page.get_by_role("button", name=t("Sign in"), exact=True).click()
    expect(page).to_have_url(server.url + reverse("web:dashboard"))
    assert_accessible(page)


def search(page: Page, label: str, query: str, *, javascript: bool) -> None:
    """Type in a search field: htmx updates the results, or else the Search button reloads
    the page with them."""
    page.get_by_label(label).fill(query)
    if not javascript:
        page.locator("main").get_by_role("button", name=t("Search"), exact=True).click()
        expect(page).to_have_url(re.compile(rf"[?&]q={re.escape(quote_plus(query))}"))


def raise_signal(page: Page, server: LiveServer, bas: Child, *, javascript: bool) -> int:
    """Theme and text first, then the pupil search (issue 7, item 13): searching, in place
    with htmx or by posting the whole form without JavaScript, keeps what was typed."""
    raise_url = server.url + reverse("signals:raise")
    page.goto(raise_url)
    page.get_by_label(t("Theme")).select_option(label="Gedrag")
    page.get_by_label(t("What did you notice?")).fill(SIGNAL_TEXT)
    if javascript:
        page.evaluate("window.sameDocument = true")  # gone if the page reloads
    page.get_by_label(t("Search for the pupil by name or pupil number")).fill(bas.first_name)
    page.locator("main").get_by_role("button", name=t("Search"), exact=True).click()
    pupil = page.get_by_role("radio", name=re.compile(rf"^{re.escape(bas.full_name)}\b"))
    pupil.check()  # waits until the results are there
    expect(page).to_have_url(raise_url)  # htmx, or the form posted back to itself
    if javascript:
        assert page.evaluate("window.sameDocument === true")  # searched in place
    expect(page.get_by_label(t("What did you notice?"))).to_have_value(SIGNAL_TEXT)
    expect(page.get_by_label(t("Theme")).locator("option:checked")).to_have_text("Gedrag")
    assert_accessible(page)  # with the search results
    page.get_by_role("button", name=t("Record signal")).click()
    expect(page).to_have_url(re.compile(r"/signalen/\d+/$"))
    expect(page.get_by_text(SIGNAL_TEXT)).to_be_visible()
    assert_accessible(page)
    return int(re.findall(r"\d+", page.url)[-1])


def open_case(page: Page) -> int:
    page.get_by_role("link", name=t("Open a case"), exact=True).click()
    page.get_by_label(t("Short title")).fill(CASE_TITLE)
    page.get_by_label(t("Your part in the case")).fill("Intern begeleider, aanspreekpunt")
    page.get_by_role("button", name=t("Open the case"), exact=True).click()
    expect(page).to_have_url(re.compile(r"/casussen/\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(CASE_TITLE)
    assert_accessible(page)
    return int(re.findall(r"\d+", page.url)[-1])


def involve_as_coordinator(page: Page, nurse: Professional, *, javascript: bool) -> None:
    page.get_by_role("link", name=t("Involve a professional")).click()
    search(page, t("Search the directory by name"), nurse.full_name, javascript=javascript)
    professional = page.get_by_label(t("Professional"), exact=True)
    expect(professional.locator("option")).to_have_count(2)  # "choose" and the nurse
    assert_accessible(page)
    professional.select_option(value=str(nurse.pk))
    page.get_by_label(t("Their part in the case")).fill(
        "Jeugdverpleegkundige: gesprek met ouders; regiehouder")
    page.get_by_role("button", name=t("Involve"), exact=True).click()
    involved = page.get_by_role("region", name=t("Involved professionals"))
    expect(involved.get_by_role("link", name=nurse.full_name)).to_be_visible()

    overview = open_action(page, page.get_by_role("region", name=t("Overview")),
                           t("Choose the coordinator"), javascript=javascript)
    overview.get_by_label(t("Coordinator (regiehouder)")).select_option(value=str(nurse.pk))
    overview.get_by_role("button", name=t("Make coordinator")).click()
    expect(page.get_by_role("region", name=t("Overview"))).to_contain_text(nurse.full_name)


def open_action(page: Page, scope: Locator, summary: str, *, javascript: bool) -> Locator:
    """Open one of the case page's forms: with JavaScript it arrives in place (htmx), without
    it the link opens the form's own page. Returns where to fill it in."""
    scope.locator("summary", has_text=summary).click()
    if javascript:
        return scope
    scope.locator("details[open]").get_by_role("link", name=t("Open the form")).click()
    return page.locator("main")


def fill_plan(page: Page, *, javascript: bool) -> None:
    for number, text in PLAN.items():
        step = open_action(page, page.locator(f"#step-{number}"), t("Fill in this step"),
                           javascript=javascript)
        step.get_by_label(t("Answer for this step")).fill(text)
        if number == 3:
            step.get_by_label(t("Yes"), exact=True).check()
        step.get_by_role("button", name=t("Save new version")).click()
        expect(page.locator(f"#step-{number}")).to_contain_text(text)
        # The page opens at the step; the message that it was saved is in view there too.
        expect(page.locator(".messages")).to_be_in_viewport()
        expect(page.locator(f"#step-{number}")).to_be_in_viewport()


def make_agreement(page: Page, nurse: Professional, due: dt.date, *, javascript: bool) -> None:
    agreements = open_action(page, page.get_by_role("region", name=t("Agreements")),
                             t("New agreement"), javascript=javascript)
    agreements.get_by_label(t("What will be done")).fill(AGREEMENT_TEXT)
    agreements.get_by_label(t("Who"), exact=True).select_option(value=str(nurse.pk))
    agreements.get_by_label(t("By when"), exact=True).fill(due.isoformat())
    agreements.get_by_role("button", name=t("Add agreement")).click()
    expect(page.get_by_role("region", name=t("Agreements")).get_by_role(
        "row").filter(has_text=AGREEMENT_TEXT)).to_contain_text(nurse.full_name)


def log_rows(page: Page, *texts: str) -> int:
    rows = page.get_by_role("row")
    for text in texts:
        rows = rows.filter(has_text=text)
    return rows.count()


def screenshot(page: Page, name: str) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    page.screenshot(path=str(RESULTS / f"{name}-{worker}.png"), full_page=True)


@pytest.mark.parametrize("javascript", [True, False], ids=["htmx", "no-js"])
def test_signal_to_case_to_agreement_and_the_access_log(
    live_server: LiveServer, new_page: NewPage, demo: Demo, javascript: bool,
) -> None:
    due = timezone.localdate() + dt.timedelta(days=14)
    variant = "htmx" if javascript else "no-js"

    ib = new_page(javascript=javascript)
    sign_in(ib, live_server, demo.ib.user)
    signal_id = raise_signal(ib, live_server, demo.bas, javascript=javascript)
    case_id = open_case(ib)
    involve_as_coordinator(ib, demo.nurse, javascript=javascript)
    fill_plan(ib, javascript=javascript)
    make_agreement(ib, demo.nurse, due, javascript=javascript)
    screenshot(ib, f"case-flow-case-{variant}")
    assert_accessible(ib)  # the case with its plan and agreement

    case = Case.objects.get(pk=case_id)
    assert case.child_id == demo.bas.pk
    assert case.coordinator_id == demo.nurse.pk
    assert sorted(case.plan_entries.values_list("step", flat=True)) == [1, 2, 3, 4]
    assert case.plan_entries.get(step=3).consensus is True
    agreement = case.agreements.get()
    assert (agreement.owner_id, agreement.due_date) == (demo.nurse.pk, due)
    signal = Signal.objects.get(pk=signal_id)
    assert (signal.case_id, signal.theme.code) == (case_id, "gedrag")
    assert signal.status == SignalStatus.LINKED_CASE

    case_url = live_server.url + reverse("cases:detail", kwargs={"case_id": case_id})
    nurse = new_page(javascript=javascript)
    sign_in(nurse, live_server, demo.nurse.user)
    my_cases = nurse.get_by_role("region", name=t("My cases"))
    expect(my_cases.get_by_role("link", name=re.compile(re.escape(case.reference)))).to_be_visible()
    expect(nurse.get_by_role("region", name=t("My agreements"))).to_contain_text(AGREEMENT_TEXT)
    nurse.goto(live_server.url + reverse("cases:list"))
    nurse.get_by_role("link", name=re.compile(re.escape(case.reference))).click()
    expect(nurse).to_have_url(case_url)
    expect(nurse.get_by_role("region", name=t("Agreements"))).to_contain_text(AGREEMENT_TEXT)
    assert_accessible(nurse)

    director = new_page(javascript=javascript)
    sign_in(director, live_server, demo.director.user)
    response = director.goto(case_url)
    assert response is not None
    assert response.status == 404
    assert demo.bas.last_name not in director.content()
    assert CASE_TITLE not in director.content()

    privacy = new_page(javascript=javascript)
    sign_in(privacy, live_server, demo.privacy.user)
    privacy.goto(live_server.url + reverse("audit:log"))
    filters = privacy.get_by_role("search", name=t("Filter the access log"))
    # Searched by the child's name; every row in words, with the child's name (item 16).
    filters.get_by_label(t("Child's name")).fill(demo.bas.full_name)
    filters.get_by_role("button", name=t("Filter")).click()
    expect(privacy).to_have_url(re.compile(r"[?&]child_name=[^&]+"))
    case_object = f"{t('the case')} {case_id}"
    viewed = t("Viewed the case")
    expect(privacy.get_by_role("row").filter(has_text=demo.nurse.full_name).filter(
        has_text=case_object).filter(has_text=viewed).first).to_be_visible()
    assert log_rows(privacy, demo.ib.full_name, case_object, viewed, demo.bas.full_name) >= 1
    assert log_rows(privacy, demo.nurse.full_name, case_object, viewed) >= 1
    assert log_rows(privacy, demo.director.full_name, case_object, viewed, t("Refused")) == 1
    assert log_rows(privacy, "case.view") == 0
    screenshot(privacy, f"case-flow-access-log-{variant}")
    assert_accessible(privacy)
