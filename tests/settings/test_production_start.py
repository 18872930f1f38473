"""The production start as an operator runs it (README "Production"), over real HTTP.

On a fresh PostgreSQL database of its own: `migrate` and `collectstatic` with the production
settings, a professional with an authenticator and a case made by a setup script through the
models and services (no demo app in production), then gunicorn with `deploy/gunicorn.conf.py`.
A client that speaks HTTP as the reverse proxy would (`X-Forwarded-Proto: https`) signs in with
password and TOTP code, reads the case page, a hashed static file, the security headers and the
Dutch 404 page. A second gunicorn whose database is a closed port answers /readyz and a page
with the Dutch 503 page and Retry-After.

The PostgreSQL server is that of DATABASE_URL on the PostgreSQL run, otherwise
postgres://postgres@127.0.0.1:5432; the database is created and dropped here.
"""

from __future__ import annotations

import html
import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from http.client import HTTPConnection
from pathlib import Path

import pytest

from tests.production_support import (
    CASE_TITLE,
    Browser,
    environment,
    free_port,
    gunicorn,
    postgres_database,
    release,
    sign_in,
    stop,
)


@dataclass
class Production:
    web: int
    down: int
    case_id: int
    totp_key: str
    static_root: Path


@pytest.fixture(scope="module")
def production(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Production]:
    tmp = tmp_path_factory.mktemp("production")
    processes: list[subprocess.Popen[bytes]] = []
    with postgres_database("schakel_prodstart") as database_url:
        try:
            env = environment(database_url, tmp)
            world = release(env)
            web, down = free_port(), free_port()
            processes.append(gunicorn(web, env, tmp / "web.log"))
            down_env = {**env, "GUNICORN_WORKERS": "1",
                        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{free_port()}/none"}
            processes.append(gunicorn(down, down_env, tmp / "down.log"))
            yield Production(web=web, down=down, case_id=world["case_id"],
                             totp_key=world["totp_key"], static_root=tmp / "static")
        finally:
            for process in processes:
                stop(process)


def _sign_in(production: Production) -> Browser:
    browser = Browser(production.web)
    password, _verified = sign_in(browser, production.totp_key)
    session = [c for c in password.set_cookies if c.startswith("sessionid=")]
    assert session, password.set_cookies
    assert "Secure" in session[0], session
    assert "HttpOnly" in session[0], session
    return browser


def _check_case_page_and_headers(production: Production, browser: Browser) -> str:
    page = browser.get(f"/casussen/{production.case_id}/")
    assert page.status == 200, page.body[:2000]
    assert html.escape(CASE_TITLE) in page.body
    assert 'lang="nl"' in page.body
    headers = page.headers
    csp = headers["content-security-policy"]
    assert "unsafe-eval" not in csp
    assert "unsafe-inline" not in csp.split("script-src", 1)[1].split(";", 1)[0]
    assert "frame-ancestors 'none'" in csp
    assert headers["strict-transport-security"] == "max-age=31536000; includeSubDomains; preload"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "same-origin"
    assert headers["x-frame-options"] == "DENY"
    assert "no-store" in headers["cache-control"]
    return page.body


def _check_static_file(production: Production, browser: Browser, page: str) -> None:
    url = re.search(r'href="(/static/css/schakel\.[0-9a-f]{12}\.css)"', page)
    assert url, page[:2000]
    static = browser.get(url.group(1))
    assert static.status == 200
    assert "max-age=315360000" in static.headers["cache-control"]
    assert "immutable" in static.headers["cache-control"]
    assert static.headers["content-type"].startswith("text/css")
    on_disk = production.static_root / url.group(1).removeprefix("/static/")
    assert static.raw == on_disk.read_bytes()


def _check_not_found(production: Production, browser: Browser) -> None:
    for path in ("/bestaat-niet/", f"/casussen/{production.case_id + 1000}/"):
        page = browser.get(path)
        assert page.status == 404, path
        assert "Pagina niet gevonden" in page.body, path


def _check_plain_http_redirects(production: Production) -> None:
    connection = HTTPConnection("127.0.0.1", production.web, timeout=10)
    try:
        connection.request("GET", "/account/inloggen/")
        response = connection.getresponse()
        response.read()
    finally:
        connection.close()
    assert response.status == 301
    assert response.getheader("Location", "").startswith("https://127.0.0.1:")


def _check_database_down(production: Production) -> None:
    browser = Browser(production.down)
    assert browser.get("/healthz").status == 200  # alive: no database needed
    ready = browser.get("/readyz")
    assert ready.status == 503
    assert ready.body.startswith("database: unreachable"), ready.body
    assert ready.headers["retry-after"] == "30"
    browser.cookies["sessionid"] = "a-session-the-database-would-know"
    page = browser.get("/casussen/")
    assert page.status == 503, page.body[:2000]
    assert "Schakel is tijdelijk niet beschikbaar" in page.body
    assert page.headers["retry-after"] == "30"


# One test, so that pytest-xdist never starts the production twice for this module.
def test_production_start_over_http(production: Production) -> None:
    ready = Browser(production.web).get("/readyz")
    assert (ready.status, ready.body) == (200, "ok")
    _check_plain_http_redirects(production)
    browser = _sign_in(production)
    page = _check_case_page_and_headers(production, browser)
    _check_static_file(production, browser, page)
    _check_not_found(production, browser)
    _check_database_down(production)
