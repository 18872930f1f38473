"""`POST leerlingen/edexml/`: a school's EDEXML export as the body (`application/xml`) or as a
form field (`bestand`); the same synchronisation, the file refused whole with its problems."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from schakel.audit.models import AccessEvent
from schakel.children.models import Enrolment
from tests.api.conftest import Api, SystemClient, token_for
from tests.children.edexml_files import edexml, school_of_the_files
from tests.conftest import World, assert_nothing_changed, take_snapshot

pytestmark = pytest.mark.django_db

URL = "/api/v1/leerlingen/edexml/"


def _xml(api: Api, content: bytes) -> Any:
    return api.http.post(URL, content, content_type="application/xml", headers=api.headers)


@pytest.fixture(autouse=True)
def _school_of_the_files(world: World) -> None:
    school_of_the_files(world)


def test_the_body_is_imported_with_a_result_per_pupil(api: Api, world: World,
                                                      system: SystemClient) -> None:
    response = _xml(api, edexml("valid"))
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["school"] == world.school.pk
    assert body["schooljaar"] == "2026-2027"
    assert [(r["leerlingnummer"], r["resultaat"], r["regel"]) for r in body["leerlingen"]] == [
        ("1001", "created", 21), ("1002", "created", 34), ("1003", "created", 41)]
    bas = Enrolment.objects.get(child=world.child, school=world.school)
    assert body["uitgeschreven"] == [bas.pupil_number]
    assert (body["groepen"], body["leerkrachten"]) == (2, 1)
    log = AccessEvent.objects.filter(event_code__startswith="pupil.sync")
    assert set(log.values_list("source_system", flat=True)) == {"ParnasSys De Esch"}
    again = _xml(api, edexml("valid")).json()
    assert {r["resultaat"] for r in again["leerlingen"]} == {"unchanged"}
    assert again["uitgeschreven"] == []


def test_the_file_as_a_form_field(api: Api, world: World) -> None:
    upload = SimpleUploadedFile("export.xml", edexml("one_left"), "application/xml")
    response = api.http.post(URL, {"bestand": upload}, headers=api.headers)
    assert response.status_code == 200, response.content
    assert [r["leerlingnummer"] for r in response.json()["leerlingen"]] == ["1001", "1002"]


@pytest.mark.parametrize(("name", "path"), [
    ("malformed", "/"),
    ("wrong_namespace", "/leerlinggegevens"),
    ("wrong_version", "/leerlinggegevens/school/xsdversie"),
    ("missing_required", "/leerlinggegevens/school/brincode"),
    ("unknown_school", "/leerlinggegevens/school/brincode"),
    ("xxe", "/"),
    ("billion_laughs", "/"),
])
def test_a_refused_file_is_a_problem_with_every_element_and_changes_nothing(
        api: Api, name: str, path: str) -> None:
    before = take_snapshot()
    response = _xml(api, edexml(name))
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["title"] == "Invalid input"
    assert "nothing was changed" in body["detail"]
    first = body["invalid-params"][0]
    assert first["name"] == path
    assert first["reason"]
    assert "regel" in first
    assert_nothing_changed(before)


def test_a_school_of_another_organisation_is_unknown(api: Api, world: World) -> None:
    world.other_school.brin = "99ZZ"
    world.other_school.save(update_fields=["brin"])
    response = _xml(api, edexml("unknown_school"))
    assert response.status_code == 400
    assert "99ZZ" in response.json()["invalid-params"][0]["reason"]
    assert not Enrolment.objects.filter(school=world.other_school, pupil_number="1001").exists()


@override_settings(SCHAKEL_EDEXML_MAX_BYTES=1000)
def test_an_oversized_body_is_413(api: Api) -> None:
    before = take_snapshot()
    response = _xml(api, edexml("valid"))
    assert response.status_code == 413
    assert response.json()["title"] == "Payload too large"
    upload = SimpleUploadedFile("export.xml", edexml("valid"), "application/xml")
    assert api.http.post(URL, {"bestand": upload}, headers=api.headers).status_code == 413
    assert_nothing_changed(before)


def test_an_empty_body_or_no_file_is_400(api: Api) -> None:
    assert _xml(api, b"").status_code == 400
    response = api.http.post(URL, {"iets": "anders"}, headers=api.headers)
    assert response.status_code == 400
    assert response.json()["invalid-params"][0]["name"] == "bestand"


def test_json_is_415(api: Api) -> None:
    assert api.post(URL, {"school": 1}).status_code == 415


def test_without_the_scope_403_and_nothing_changes(system: SystemClient) -> None:
    api = Api(token_for(system, scope="organisaties:lezen")["access_token"])
    before = take_snapshot()
    assert _xml(api, edexml("valid")).status_code == 403
    assert_nothing_changed(before)


def test_another_organisations_client_finds_no_school(other_system: SystemClient) -> None:
    api = Api(token_for(other_system)["access_token"])
    before = take_snapshot()
    response = _xml(api, edexml("valid"))
    assert response.status_code == 400
    assert response.json()["invalid-params"][0]["name"] == "/leerlinggegevens/school/brincode"
    assert_nothing_changed(before)
