"""The application's own error pages, Dutch and with the security headers: in production and
with DEBUG on (`make run`, the demo), where Django would show its technical pages."""

from __future__ import annotations

import pytest
from django.test import Client, override_settings

from tests.factories import UserFactory
from tests.portal.fixtures import portal_sign_in

pytestmark = [pytest.mark.urls("tests.web.error_urls"), pytest.mark.django_db]

DUTCH = {"Accept-Language": "nl"}


def _assert_headers(response) -> None:
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("debug", [True, False])
@pytest.mark.parametrize("path", ["/bestaat-niet/", "/test-fouten/404"])
def test_a_missing_page_is_the_dutch_page(client: Client, debug: bool, path: str) -> None:
    with override_settings(DEBUG=debug):
        response = client.get(path, headers=DUTCH)
    assert response.status_code == 404
    html = response.content.decode()
    assert "Pagina niet gevonden" in html
    assert 'lang="nl"' in html
    assert "URLconf" not in html
    assert "Django" not in html
    _assert_headers(response)


@override_settings(DEBUG=True)
def test_a_page_refused_by_a_middleware_is_the_dutch_page_under_debug(client: Client) -> None:
    """The second-factor middleware refuses a professional's page to a portal session: an
    Http404 raised by a middleware, which no `process_exception` sees."""
    portal_sign_in(client, UserFactory())
    response = client.get("/", headers=DUTCH)
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()
    _assert_headers(response)


@pytest.mark.parametrize("debug", [True, False])
def test_forbidden_is_the_dutch_page(client: Client, debug: bool) -> None:
    with override_settings(DEBUG=debug):
        response = client.get("/test-fouten/403", headers=DUTCH)
    assert response.status_code == 403
    assert "Geen toegang" in response.content.decode()
    _assert_headers(response)


@pytest.mark.parametrize("debug", [True, False])
def test_a_bad_request_is_the_dutch_page(debug: bool) -> None:
    client = Client(raise_request_exception=False)
    with override_settings(DEBUG=debug):
        response = client.get("/test-fouten/400", headers=DUTCH)
    assert response.status_code == 400
    assert "Verzoek niet begrepen" in response.content.decode()
    _assert_headers(response)


@pytest.mark.parametrize("debug", [True, False])
def test_an_error_is_the_dutch_page(debug: bool, caplog: pytest.LogCaptureFixture) -> None:
    client = Client(raise_request_exception=False)
    with override_settings(DEBUG=debug):
        response = client.get("/test-fouten/500", headers=DUTCH)
    assert response.status_code == 500
    html = response.content.decode()
    assert "Er ging iets mis" in html
    assert "Traceback" not in html
    assert "RuntimeError" not in html
    _assert_headers(response)
    # The traceback is not lost: it is logged.
    assert any(record.exc_info and record.exc_info[0] is RuntimeError
               for record in caplog.records)
