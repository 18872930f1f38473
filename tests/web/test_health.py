"""A database outage: a Dutch 503 page with Retry-After, after which the application recovers
by itself."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.db import connection
from django.test import Client

from tests.factories import ProfessionalFactory
from tests.support import sign_in

DUTCH = {"Accept-Language": "nl"}


@pytest.mark.django_db
@pytest.mark.urls("tests.web.error_urls")
@pytest.mark.parametrize("path", ["/test-fouten/database", "/test-fouten/verbinding"])
@pytest.mark.parametrize("debug", [True, False])
def test_a_view_that_cannot_reach_the_database_answers_503(
    client: Client, settings, path: str, debug: bool,
) -> None:
    settings.DEBUG = debug
    response = client.get(path, headers=DUTCH)
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    html = response.content.decode()
    assert "Schakel is tijdelijk niet beschikbaar" in html
    assert "Server Error" not in html
    assert "default-src 'self'" in response["Content-Security-Policy"]


class DatabaseSwitch:
    """Takes the database away from the connection and gives it back, as an outage does."""

    def __init__(self) -> None:
        self.saved = dict(connection.settings_dict)

    def take_away(self) -> None:
        connection.close()
        if connection.vendor == "sqlite":
            connection.settings_dict["NAME"] = "/nonexistent-directory/schakel.sqlite3"
        else:  # nothing listens on port 1
            connection.settings_dict.update({"HOST": "127.0.0.1", "PORT": "1"})

    def give_back(self) -> None:
        connection.close()
        connection.settings_dict.update(self.saved)


@pytest.fixture
def database_switch() -> Iterator[DatabaseSwitch]:
    switch = DatabaseSwitch()
    yield switch
    switch.give_back()


@pytest.mark.django_db(transaction=True)
def test_an_outage_answers_503_and_the_application_recovers_by_itself(
    database_switch: DatabaseSwitch,
) -> None:
    """The database goes away under a signed-in user: the session cannot be read (in a
    middleware, before any view), so `handler500` answers with the 503 page. Once the
    database is back, the next request succeeds on a new connection."""
    client = Client(raise_request_exception=False)
    sign_in(client, ProfessionalFactory().user)
    assert client.get("/", headers=DUTCH).status_code == 200
    database_switch.take_away()
    response = client.get("/", headers=DUTCH)
    assert response.status_code == 503
    assert "Schakel is tijdelijk niet beschikbaar" in response.content.decode()
    assert int(response["Retry-After"]) > 0
    assert "default-src 'self'" in response["Content-Security-Policy"]
    database_switch.give_back()
    assert client.get("/", headers=DUTCH).status_code == 200
