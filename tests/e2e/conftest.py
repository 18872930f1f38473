"""Browser tests: Playwright driving Debian's Chromium, headless. No browser is downloaded."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any, Protocol

import pytest
from django.conf import settings
from playwright.sync_api import Browser, Page, ViewportSize, sync_playwright

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
# between browser steps are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# Pages without JavaScript -> a page with JavaScript in which axe checks their HTML.
_TWINS: dict[Page, Page] = {}

# A phone held upright (issue 7, item 15: professionals use phones between classes).
PHONE: ViewportSize = {"width": 375, "height": 812}


class NewPage(Protocol):
    def __call__(self, *, javascript: bool = True,
                 viewport: ViewportSize | None = None) -> Page: ...


@pytest.fixture
def new_page(browser: Browser) -> Iterator[NewPage]:
    """A factory of pages, each in its own context (its own cookies: one per person);
    `javascript=False` for the path without JavaScript (no htmx)."""
    contexts = []

    def make(*, javascript: bool = True, viewport: ViewportSize | None = None) -> Page:
        options: dict[str, Any] = {"viewport": viewport} if viewport else {}
        context = browser.new_context(locale="nl-NL", java_script_enabled=javascript, **options)
        context.set_default_timeout(15_000)
        contexts.append(context)
        page = context.new_page()
        if not javascript:
            # axe-core needs JavaScript: it checks a twin of each page's HTML.
            twin_context = browser.new_context(locale="nl-NL", **options)
            contexts.append(twin_context)
            _TWINS[page] = twin_context.new_page()
        return page

    yield make
    for context in contexts:
        for page in context.pages:
            _TWINS.pop(page, None)
        context.close()


# axe-core, installed from npm (package-lock.json, `npm ci` in `make setup`): WCAG 2.1 AA.
AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
_AXE_RUN = r"""async tags => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags},
                                          resultTypes: ["violations"]});
  return result.violations.map(v => `${v.id} (${v.impact}): ${v.help}\n` + v.nodes.slice(0, 5)
    .map(n => `    ${n.target.join(" ")}: ${n.failureSummary.replace(/\s+/g, " ")}`).join("\n"));
}"""


# WCAG 2.1's 4.1.1 (Parsing): ids are unique. axe-core no longer checks it (the criterion is
# obsolete in WCAG 2.2), but a label's `for` finds only the first of two equal ids, so a
# second form on the page would be unlabelled.
_DUPLICATE_IDS = r"""() => {
  const seen = new Map();
  for (const element of document.querySelectorAll("[id]")) {
    seen.set(element.id, (seen.get(element.id) || 0) + 1);
  }
  return [...seen].filter(([, n]) => n > 1).map(([id, n]) => `duplicate-id: id="${id}" ${n}x`);
}"""


@cache
def _axe_source() -> str:
    return AXE.read_text(encoding="utf-8")


def axe_violations(page: Page) -> list[str]:
    """The WCAG 2.1 AA violations axe-core finds on the page as it is now, one text each.
    axe is evaluated through the DevTools protocol, so the page's CSP (no inline script)
    stays as it is; a page without JavaScript is checked as a twin with its HTML (and its
    stylesheets, through `<base>`) in a page with JavaScript."""
    twin = _TWINS.get(page)
    if twin is not None:
        html = page.content().replace("<head>", f'<head><base href="{page.url}">', 1)
        twin.set_content(html, wait_until="load")
        page = twin
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(_axe_source())
    violations: list[str] = page.evaluate(_AXE_RUN, WCAG_21_AA)
    duplicates: list[str] = page.evaluate(_DUPLICATE_IDS)
    return violations + duplicates


def assert_accessible(page: Page) -> None:
    """Zero WCAG 2.1 AA violations (axe-core) on the page shown; call after each navigation.
    The check waits until the page has loaded: a URL can change before the new document is
    there (axe then finds no document)."""
    page.wait_for_load_state("load")
    violations = axe_violations(page)
    assert violations == [], f"{page.url}:\n" + "\n".join(violations)
