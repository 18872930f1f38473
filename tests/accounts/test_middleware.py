"""Every page needs a session verified with the second factor; `@login_required` is not
enough. Enumerates every URL pattern of the project."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from django.conf import settings
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from schakel.organisations.models import Professional
from tests.accounts.conftest import password_step
from tests.support import sign_in, totp_code, totp_device

VERIFY = "/account/inloggen/code/"
ENROL = "/account/inloggen/instellen/"
LOGIN = "/account/inloggen/"


def _patterns(resolver: URLResolver, prefix: str = "", namespace: str = "",
              ) -> Iterator[tuple[str, str]]:
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            ns = entry.namespace or namespace
            yield from _patterns(entry, route, ns)
        elif isinstance(entry, URLPattern):
            if getattr(entry.callback, "second_factor_exempt", False):
                continue  # authenticates otherwise (see accounts.decorators)
            name = f"{namespace}:{entry.name}" if namespace and entry.name else entry.name or ""
            yield name, route


def _concrete(route: str) -> str:
    """A path for a route, with 1 for every parameter (what it points to does not matter:
    the middleware decides before the view runs)."""
    path = re.sub(r"<(?:\w+:)?\w+>", "1", route)
    path = path.lstrip("^").rstrip("$")
    return "/" + path


def _app_pages() -> list[tuple[str, str]]:
    pages = []
    for name, route in _patterns(get_resolver()):
        if name in settings.SCHAKEL_PUBLIC_URL_NAMES or "(?P" in route:
            continue
        pages.append((name, _concrete(route)))
    return sorted(set(pages))


APP_PAGES = _app_pages()


def test_the_enumeration_finds_the_pages():
    names = {name for name, _path in APP_PAGES}
    assert {"web:dashboard", "audit:log", "audit:export", "accounts:recovery_codes"} <= names
    assert "web:healthz" not in names


@pytest.mark.parametrize(("name", "path"), APP_PAGES)
def test_unverified_session_is_sent_to_the_code_step(
    client: Client, professional: Professional, name: str, path: str,
):
    totp_device(professional.user)
    password_step(client)
    for method in (client.get, client.post):
        response = method(path)
        assert response.status_code == 302, (name, path)
        assert response["Location"].startswith(VERIFY), (name, path)


@pytest.mark.parametrize(("name", "path"), APP_PAGES)
def test_anonymous_visitor_is_sent_to_sign_in(client: Client, db: None, name: str, path: str):
    response = client.get(path)
    assert response.status_code == 302, (name, path)
    assert response["Location"].startswith(LOGIN), (name, path)


def test_without_a_device_the_session_goes_to_enrolment(
    client: Client, professional: Professional,
):
    password_step(client)
    response = client.get("/casussen/")
    assert response["Location"] == f"{ENROL}?next=%2Fcasussen%2F"


def test_the_page_asked_for_is_kept_across_both_steps(
    client: Client, professional: Professional,
):
    totp_device(professional.user)
    response = client.get("/signalen/")
    assert response["Location"] == f"{LOGIN}?next=%2Fsignalen%2F"
    password_step(client, next_url="/signalen/")
    response = client.post(VERIFY, {"code": totp_code(professional.user)})
    assert response["Location"] == "/signalen/"


def test_htmx_requests_get_a_client_redirect(client: Client, professional: Professional):
    totp_device(professional.user)
    password_step(client)
    response = client.get("/", headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert response["HX-Redirect"].startswith(VERIFY)


@pytest.mark.parametrize("path", ["/healthz", LOGIN])
def test_public_pages_stay_public(client: Client, db: None, path: str):
    assert client.get(path).status_code == 200


def test_verified_session_reaches_the_pages(client: Client, professional: Professional):
    sign_in(client, professional.user)
    assert client.get("/").status_code == 200


def test_sign_in_page_of_a_verified_user_goes_on(client: Client, professional: Professional):
    sign_in(client, professional.user)
    response = client.get(f"{LOGIN}?next=/signalen/")
    assert response["Location"] == "/signalen/"


def test_navigation_is_hidden_until_the_second_factor(
    client: Client, professional: Professional,
):
    totp_device(professional.user)
    password_step(client)
    html = client.get(VERIFY).content.decode()
    assert 'href="/casussen/"' not in html
    assert "/account/uitloggen/" in html
    sign_in(client, professional.user)
    assert 'href="/casussen/"' in client.get("/").content.decode()
