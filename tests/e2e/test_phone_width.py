"""Every page fits a phone (issue 7, item 15), and meets WCAG 2.1 AA (axe-core).

Every HTML page of the role x URL matrix (`tests/access`: its URL table, its world), 375 px
wide: the page never scrolls sideways (`document.documentElement.scrollWidth` is at most the
viewport's width; wide tables stack their cells or scroll inside their own box), and axe-core
finds no WCAG 2.1 AA violation. Each GET URL is visited once, as the first role (of as few as
possible) for which the matrix expects a 200; one page per role, in one browser.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from tests.access.matrix_request import cell_url
from tests.access.matrix_world import ANONYMOUS, MatrixWorld, build_matrix_world
from tests.access.test_url_matrix import PATTERNS_BY_KEY, ROLE_NAMES, TABLE
from tests.e2e.conftest import PHONE, NewPage, axe_violations

pytestmark = pytest.mark.browser


# GET URLs that answer with a file to download (the browser starts a download, no page).
# The invitations as iCalendar files, the plan and a child's chronology as a PDF, an
# attendance import's error report as CSV.
DOWNLOADS = frozenset({"meetings:invitation", "portal_meetings:invitation_calendar",
                       "portal:plan_pdf", "attendance:import_errors",
                       "absencereports:export_csv", "attachments:download",
                       "chronology:child_pdf", "dialogue:synthesis_pdf",
                       # The API's OpenAPI document (YAML), and its Swagger UI: drf-spectacular's
                       # page for developers of systems, not a page of Schakel (docs/api.md).
                       "api:schema", "api:docs"})


def pages_by_role() -> dict[str, list[str]]:
    """Each GET URL key with a 200 for some role, under one role: greedily the role that
    reaches most of the keys still to visit (few roles, few browser contexts)."""
    reachable = {role: {key for (key, method), row in TABLE.items()
                        if method == "GET" and row[role].status == 200 and key not in DOWNLOADS}
                 for role in ROLE_NAMES}
    left = set().union(*reachable.values())
    chosen: dict[str, list[str]] = defaultdict(list)
    while left:
        role = max(ROLE_NAMES, key=lambda r: (len(reachable[r] & left), -ROLE_NAMES.index(r)))
        chosen[role] = sorted(reachable[role] & left)
        left -= reachable[role]
    return dict(chosen)


PAGES_BY_ROLE = pages_by_role()
RESULTS = Path(settings.BASE_DIR) / "var" / "test-results"
# Screenshots of the pages named in the issue, for a person to look at.
SCREENSHOTS = {"web:dashboard", "cases:detail", "portal:access_log"}


def test_every_get_url_with_a_page_is_walked() -> None:
    walked = {key for keys in PAGES_BY_ROLE.values() for key in keys}
    with_a_page = {key for (key, method), row in TABLE.items()
                   if method == "GET" and any(e.status == 200 for e in row.values())}
    assert with_a_page >= DOWNLOADS
    with_a_page -= DOWNLOADS
    assert walked == with_a_page
    assert {"web:dashboard", "cases:list", "cases:detail", "portal:access_log"} <= walked


def _signed_in_page(new_page: NewPage, server: LiveServer, world: MatrixWorld,
                    role: str) -> Page:
    page = new_page(viewport=PHONE)
    if role != ANONYMOUS:
        page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME,
                                   "value": world.session_keys[role], "url": server.url}])
    return page


def menu_folds_on_a_phone(page: Page, server: LiveServer) -> None:
    """On a phone the menu is one line, *Menu*, that opens; a wide screen shows it open."""
    page.goto(server.url + reverse("web:dashboard"))
    menu = page.get_by_role("navigation", name=t("Main navigation"))
    cases = menu.get_by_role("link", name=t("Cases"), exact=True)
    expect(cases).to_be_hidden()
    menu.locator("summary", has_text=t("Menu")).click()
    expect(cases).to_be_visible()
    page.set_viewport_size({"width": 1280, "height": 800})  # a desktop
    page.reload()
    expect(menu.locator("summary", has_text=t("Menu"))).to_be_hidden()
    expect(cases).to_be_visible()
    page.set_viewport_size(PHONE)


def t(msgid: str) -> str:
    """The text the server shows the Dutch browser for `msgid`."""
    with translation.override("nl"):
        return translation.gettext(msgid)


# The live server reads what the test writes, so the test commits; the rows the migrations
# installed (retention rules, themes) come back for the tests after it.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_every_page_fits_a_phone_and_meets_wcag_aa(
    live_server: LiveServer, new_page: NewPage,
) -> None:
    world = build_matrix_world()
    too_wide: dict[str, int] = {}
    inaccessible: dict[str, list[str]] = {}
    not_html: list[str] = []
    for role, keys in PAGES_BY_ROLE.items():
        page = _signed_in_page(new_page, live_server, world, role)
        for key in keys:
            url = cell_url(world, PATTERNS_BY_KEY[key])
            response = page.goto(live_server.url + url, wait_until="load")
            assert response is not None
            assert response.status == 200, f"{key} as {role}: {response.status}"
            if not page.evaluate("document.doctype !== null"):  # JSON, or an htmx fragment
                not_html.append(key)
                continue
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > PHONE["width"]:
                too_wide[f"{key} as {role}"] = width
            if key in SCREENSHOTS:
                RESULTS.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(RESULTS / f"phone-{key.replace(':', '-')}.png"),
                                full_page=True)
            violations = axe_violations(page)
            if violations:
                inaccessible[f"{key} as {role} ({url})"] = violations
        if role == "coordinator":
            menu_folds_on_a_phone(page, live_server)
    report = "\n".join(f"{page}:\n" + "\n".join(found) for page, found in inaccessible.items())
    assert (too_wide, inaccessible) == ({}, {}), (
        f"wider than {PHONE['width']} px: {too_wide}\nWCAG 2.1 AA violations:\n{report}")
    assert set(not_html) <= {"web:healthz", "web:readyz", "signals:pupil_search"}
