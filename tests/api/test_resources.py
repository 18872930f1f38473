"""The read resources: organisations and schools of the client's own organisation, the
conventions every response keeps (API-Version, problem+json, cursor pages)."""

from __future__ import annotations

import pytest
from django.test import Client

from schakel.audit.models import AccessEvent
from tests.api.conftest import Api
from tests.conftest import World
from tests.factories import SchoolClassFactory, SchoolFactory

pytestmark = pytest.mark.django_db

PROBLEM_FIELDS = {"type", "title", "status", "detail", "instance"}


def test_every_response_says_the_api_version(api: Api) -> None:
    for response in (api.get("/api/v1/organisaties/"), api.get("/api/v1/scholen/999999/"),
                     Client().get("/api/v1/organisaties/"), Client().get("/api/v1/schema/"),
                     Client().post("/api/v1/token/", {})):
        assert response["API-Version"] == "1.0.0"
        assert response["Cache-Control"] == "no-store"


def test_a_page_has_no_api_version(world: World) -> None:
    assert "API-Version" not in Client().get("/healthz/")


def test_not_found_is_a_problem_document(api: Api) -> None:
    response = api.get("/api/v1/scholen/999999/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert set(body) >= PROBLEM_FIELDS
    assert body["title"] == "Not found"
    assert body["status"] == 404
    assert body["instance"] == "/api/v1/scholen/999999/"


def test_unauthenticated_is_a_problem_document() -> None:
    response = Client().get("/api/v1/scholen/")
    assert response.status_code == 401
    assert response.json()["title"] == "Not authenticated"
    assert set(response.json()) >= PROBLEM_FIELDS


def test_invalid_input_names_each_field(api: Api, world: World) -> None:
    response = api.post("/api/v1/signalen/", {"school": "x", "niveau": "child"})
    assert response.status_code == 400
    body = response.json()
    assert body["title"] == "Invalid input"
    names = {param["name"] for param in body["invalid-params"]}
    assert {"school", "melder", "thema", "omschrijving"} <= names
    assert all(param["reason"] for param in body["invalid-params"])


def test_a_method_not_allowed_is_a_problem(api: Api) -> None:
    response = api.post("/api/v1/scholen/", {})
    assert response.status_code == 405
    assert response.json()["title"] == "Method not allowed"


def test_organisations_are_the_clients_own(api: Api, world: World) -> None:
    own = world.school.organisation
    assert api.get(f"/api/v1/organisaties/{own.pk}/").json()["naam"] == own.name
    other = world.other_school.organisation
    response = api.get(f"/api/v1/organisaties/{other.pk}/")
    assert response.status_code == 404
    assert AccessEvent.objects.filter(outcome="denied", object_id=str(other.pk),
                                      source_system="ParnasSys De Esch").exists()


def test_schools_are_those_of_the_clients_organisation_with_classes(api: Api,
                                                                    world: World) -> None:
    body = api.get("/api/v1/scholen/").json()
    assert [s["id"] for s in body["results"]] == [world.school.pk]
    assert body["results"][0]["klassen"] == [
        {"id": world.school_class.pk, "naam": "groep 4", "schooljaar": "2026-2027"}]
    assert api.get(f"/api/v1/scholen/{world.other_school.pk}/").status_code == 404
    assert api.get(f"/api/v1/scholen/{world.school.pk}/").json()["brin"] == world.school.brin


def test_schools_filter_by_query_parameters(api: Api, world: World) -> None:
    SchoolFactory(organisation=world.school.organisation, secondary=True)
    assert len(api.get("/api/v1/scholen/", soort="VO").json()["results"]) == 1
    assert [s["id"] for s in api.get("/api/v1/scholen/", brin=world.school.brin.lower())
            .json()["results"]] == [world.school.pk]


def test_schools_come_in_cursor_pages(api: Api, world: World) -> None:
    for _ in range(4):
        SchoolClassFactory(school=SchoolFactory(organisation=world.school.organisation))
    seen: list[int] = []
    page = api.get("/api/v1/scholen/", aantal=2).json()
    while True:
        assert len(page["results"]) <= 2
        seen += [s["id"] for s in page["results"]]
        if not page["next"]:
            break
        assert "cursor=" in page["next"]
        page = api.http.get(page["next"], headers=api.headers).json()
    assert seen == sorted(seen)
    assert len(seen) == 5


def test_the_schema_is_served(world: World) -> None:
    response = Client().get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert {"/api/v1/organisaties/", "/api/v1/leerlingen/synchronisatie/",
            "/api/v1/signalen/{signal_id}/"} <= set(schema["paths"])
    assert Client().get("/api/v1/docs/").status_code == 200
