"""Every API URL of the imports and the notifications with every client and scope: the
world's own client with each scope alone, the other organisation's client with every scope,
and no token. A refusal changes nothing."""

# The table below is one line per URL and method, one column per client: wider than 100.

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from schakel.access.actor import Actor, SystemClient as ActorSystemClient
from schakel.api.models import SCOPES
from schakel.api.services import client_attendance_import_start
from schakel.attendance.layouts import DEFAULT_CODES
from schakel.attendance.models import AttendanceImport, ImportProfile, Layout
from schakel.children.models import Enrolment
from tests.access.matrix_urls import project_patterns
from tests.access.matrix_writes_attendance import MAGISTER_FILE
from tests.api.conftest import SystemClient, token_for
from tests.children.edexml_files import edexml, school_of_the_files
from tests.conftest import World
from tests.factories import actor_for

pytestmark = pytest.mark.django_db

# Columns: the own client with one scope each (in the order of SCOPES), the other
# organisation's client with every scope, no token.
COLUMNS = [*SCOPES, "other", "anonymous"]
#                                     orgs pupl sign verz meld othr anon
MATRIX = """
api:pupil_edexml          GET          403  405  403  403  403  405  401
api:pupil_edexml          POST         403  200  403  403  403  400  401
api:attendance_imports    GET          403  403  403  405  403  405  401
api:attendance_imports    POST         403  403  403  202  403  400  401
api:attendance_import     GET          403  403  403  200  403  404  401
api:notifications         GET          403  403  403  403  200  200  401
"""

PATHS = {
    "api:pupil_edexml": lambda ids: "/api/v1/leerlingen/edexml/",
    "api:attendance_imports": lambda ids: "/api/v1/verzuimimports/",
    "api:attendance_import": lambda ids: f"/api/v1/verzuimimports/{ids['import_id']}/",
    "api:notifications": lambda ids: "/api/v1/meldingen/",
}

# What a POST changes: the rows a successful write adds.
EFFECTS: dict[str, Callable[[], int]] = {
    "api:pupil_edexml": lambda: Enrolment.objects.count(),
    "api:attendance_imports": lambda: AttendanceImport.objects.count(),
}


def _cells() -> list[tuple[str, str, str, int]]:
    cells = []
    for line in MATRIX.strip().splitlines():
        name, method, *outcomes = line.split()
        assert len(outcomes) == len(COLUMNS), line
        cells += [(name, method, column, int(outcome))
                  for column, outcome in zip(COLUMNS, outcomes, strict=True)]
    return cells


def test_every_url_of_the_imports_and_notifications_has_a_row() -> None:
    mine = {p.key for p in project_patterns()
            if p.key.startswith("api:") and p.key.split(":")[1] in {
                "pupil_edexml", "attendance_imports", "attendance_import", "notifications"}}
    assert mine == set(PATHS)


def _payload(name: str, world: World, profile: ImportProfile) -> dict[str, Any]:
    if name == "api:pupil_edexml":
        return {"bestand": SimpleUploadedFile("export.xml", edexml("valid"), "application/xml")}
    return {"profiel": profile.pk, "importeur": world.core_member.pk,
            "bestand": SimpleUploadedFile("absenties.csv", MAGISTER_FILE.format(
                pupil="1", day="01-09-2026").encode(), "text/csv")}


@pytest.mark.parametrize(("name", "method", "column", "expected"), _cells())
def test_the_cell(world: World, system: SystemClient, other_system: SystemClient,
                  tmp_path: Any, settings: Any, name: str, method: str, column: str,
                  expected: int) -> None:
    settings.SCHAKEL_ATTENDANCE_UPLOAD_ROOT = str(tmp_path / "uploads")
    school_of_the_files(world)
    profile = ImportProfile.objects.create(school=world.school, name="Magister",
                                           layout=Layout.MAGISTER,
                                           code_mapping=DEFAULT_CODES[Layout.MAGISTER])
    started = client_attendance_import_start(
        actor=_through(world, system), profile=profile,
        file=SimpleUploadedFile("a.csv", b"x"), file_name="a.csv", import_valid_rows=False)
    url = PATHS[name]({"import_id": started.pk})
    headers: dict[str, str] = {}
    if column == "other":
        headers = {"Authorization": f"Bearer {token_for(other_system)['access_token']}"}
    elif column != "anonymous":
        headers = {"Authorization": f"Bearer {token_for(system, scope=column)['access_token']}"}
    effect = EFFECTS.get(name, lambda: 0)
    before = effect()
    http = Client()
    response = (http.get(url, headers=headers) if method == "GET" else
                http.post(url, _payload(name, world, profile), headers=headers))
    assert response.status_code == expected, (column, response.content[:300])
    if response.status_code >= 400:
        assert response["Content-Type"] == "application/problem+json"
        assert effect() == before
    elif method == "POST":
        assert effect() > before


def _through(world: World, system: SystemClient) -> Actor:
    """The world's IB'er acting through the world's client (as the API's views make it)."""
    client = system.client
    return replace(actor_for(world.core_member), system=ActorSystemClient(
        client.pk, client.name, client.organisation_id))
