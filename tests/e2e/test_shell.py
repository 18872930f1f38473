"""The shell of every page in a real browser: no request of a page fails (the favicon), the
status badges meet WCAG 2.1 AA contrast, and the language switch works without JavaScript."""

from __future__ import annotations

import re

import pytest
from django.templatetags.static import static
from django.urls import reverse
from playwright.sync_api import Response, expect
from pytest_django.live_server_helper import LiveServer

from tests.e2e.conftest import NewPage

# As every browser test: a live server's transactional database, restored from its serialized
# contents afterwards. Without the mark the live server's plain transactional flush recreates
# the content types with new ids, and the next serialized test cannot restore its rows.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

STYLESHEETS = ["vendor/@utrecht/design-tokens/dist/index.css",
               "vendor/@utrecht/component-library-css/dist/index.css", "css/schakel.css"]
# Every variant of the status badge the templates use ("actief" is --active, "Consensus"
# --safe).
BADGES = {name: f"utrecht-status-badge--{name}"
          for name in ["active", "safe", "danger", "inactive", "warning", "neutral"]}
BADGES["attention"] = "status-badge--attention"  # "Ongelezen"
AA_NORMAL_TEXT = 4.5


def _luminance(color: str) -> float:
    """Relative luminance (WCAG 2.1) of a computed colour, `rgb(r, g, b)`."""
    def channel(value: float) -> float:
        value /= 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4
    red, green, blue = (channel(float(v)) for v in re.findall(r"[\d.]+", color)[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def _contrast(first: str, second: str) -> float:
    """WCAG 2.1 contrast ratio of two computed colours."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.parametrize("path", ["accounts:login", "portal:login"])
def test_no_request_of_a_sign_in_page_fails(
    live_server: LiveServer, new_page: NewPage, path: str,
) -> None:
    page = new_page()
    failed: list[str] = []

    def record(response: Response) -> None:
        if response.status >= 400:
            failed.append(f"{response.status} {response.url}")

    page.on("response", record)
    page.goto(live_server.url + reverse(path), wait_until="networkidle")
    icon = page.locator("link[rel=icon]")
    expect(icon).to_have_count(1)
    href = icon.get_attribute("href")
    assert href is not None
    assert page.request.get(live_server.url + href).ok
    assert failed == []


def test_status_badges_meet_wcag_aa_contrast(live_server: LiveServer,
                                             new_page: NewPage) -> None:
    page = new_page()
    links = "".join(f'<link rel="stylesheet" href="{live_server.url}{static(name)}">'
                    for name in STYLESHEETS)
    badges = "".join(f'<span id="{name}" class="utrecht-status-badge {modifier}">{name}</span>'
                     for name, modifier in BADGES.items())
    page.set_content(f'<!DOCTYPE html><html lang="nl"><head>{links}</head>'
                     f'<body class="utrecht-theme utrecht-document">{badges}</body></html>',
                     wait_until="load")
    ratios = {}
    for name in BADGES:
        color, background = page.eval_on_selector(
            f"#{name}", "e => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]")
        ratios[name] = round(_contrast(color, background), 2)
    assert {name: r for name, r in ratios.items() if r < AA_NORMAL_TEXT} == {}, ratios


@pytest.mark.parametrize(("path", "dutch", "english"), [
    ("accounts:login", "Inloggen", "Sign in"),
    ("portal:login", "Inloggen voor ouders en jongeren", "Sign in for parents and young people"),
])
def test_the_language_switch_works_without_javascript(
    live_server: LiveServer, new_page: NewPage, path: str, dutch: str, english: str,
) -> None:
    page = new_page(javascript=False)
    page.goto(live_server.url + reverse(path))
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.get_by_role("heading", level=1)).to_have_text(dutch)
    page.get_by_role("button", name="English").click()
    expect(page).to_have_url(live_server.url + reverse(path))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text(english)
    page.get_by_role("button", name="Nederlands").click()
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.get_by_role("heading", level=1)).to_have_text(dutch)
