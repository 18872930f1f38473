"""Liveness (`/healthz`, no database) and readiness (`/readyz`: database, migrations, job
queue), both open without signing in; and a database outage: a Dutch 503 page with
Retry-After, after which the application recovers by itself."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client

from schakel.web import health
from tests.factories import ProfessionalFactory, UserFactory
from tests.portal.fixtures import portal_sign_in
from tests.support import sign_in

ROOT = Path(__file__).resolve().parents[2]
DUTCH = {"Accept-Language": "nl"}


@pytest.mark.django_db
def test_readiness_is_ok_when_everything_is_there(client: Client) -> None:
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert response["Content-Type"].startswith("text/plain")


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_health_needs_no_sign_in_and_answers_a_portal_session(client: Client, path: str) -> None:
    assert client.get(path).status_code == 200
    portal_sign_in(client, UserFactory())
    assert client.get(path).status_code == 200


@pytest.mark.django_db
def test_readiness_lists_the_checks_that_fail(
    client: Client, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(health, "READINESS_CHECKS", (
        health.database_problem, lambda: "migrations: 2 not applied",
        health.job_queue_problem, lambda: "job queue: table cannot be read"))
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.content.decode().splitlines() == [
        "migrations: 2 not applied", "job queue: table cannot be read"]
    assert response["Retry-After"]


def _readyz(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """GET /readyz in a fresh process whose database is `env`'s (the test settings, whose
    database comes from SQLITE_PATH or DATABASE_URL as in every environment)."""
    clean = {k: v for k, v in os.environ.items()
             if not k.startswith(("DJANGO_", "DATABASE_URL", "SQLITE_PATH"))}
    script = ("from django.test import Client; r = Client(HTTP_HOST='localhost').get('/readyz'); "
              "print(r.status_code); print(r.content.decode(), end='')")
    return subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, str(ROOT / "manage.py"), "shell", "-v", "0", "-c", script], cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "schakel.settings.test", **env},
        capture_output=True, text=True, timeout=120, check=False)


def test_readiness_fails_when_the_database_cannot_be_reached(tmp_path: Path) -> None:
    result = _readyz({"SQLITE_PATH": str(tmp_path / "missing-directory" / "db.sqlite3")})
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["503", "database: unreachable (OperationalError)"]


def test_readiness_fails_on_unapplied_migrations_and_a_missing_job_queue(
    tmp_path: Path,
) -> None:
    """A database that `migrate` has not reached yet: reachable, but not ready."""
    result = _readyz({"SQLITE_PATH": str(tmp_path / "empty.sqlite3")})
    assert result.returncode == 0, result.stderr
    status, *problems = result.stdout.splitlines()
    assert status == "503"
    assert len(problems) == 2
    assert problems[0].startswith("migrations: ")
    assert problems[0].endswith(" not applied")
    assert problems[1] == "job queue: table cannot be read (OperationalError)"


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
    probe = Client()  # an orchestrator's probe: no session
    assert probe.get("/readyz").status_code == 503
    assert probe.get("/healthz").status_code == 200  # alive: nothing to restart
    database_switch.give_back()
    assert client.get("/", headers=DUTCH).status_code == 200
    assert probe.get("/readyz").status_code == 200
