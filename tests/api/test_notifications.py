"""`GET meldingen/`: the notifications of the professionals of the client's organisation, as
content-free as the e-mail (kind, link, when, read), filtered by professional and unread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from schakel.audit.models import AccessEvent
from tests.api.conftest import Api, SystemClient, token_for
from tests.conftest import World
from tests.factories import NotificationFactory, ProfessionalFactory, SchoolClassFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/meldingen/"


def _ids(response: Any) -> list[int]:
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


def test_the_organisations_professionals_notifications_without_their_text(
        api: Api, world: World) -> None:
    mine = NotificationFactory(recipient=world.core_member.user,
                               message="Bas Jansen: nieuwe afspraak")
    teacher = NotificationFactory(recipient=world.teacher.user, read_at=timezone.now())
    NotificationFactory(recipient=world.other_core_member.user)  # another organisation
    NotificationFactory(recipient=world.nurse.user)  # the GGD's
    NotificationFactory()  # a user who is no professional (a parent in the portal)
    response = api.get(URL)
    assert _ids(response) == [mine.pk, teacher.pk]
    row = response.json()["results"][0]
    assert set(row) == {"id", "professional", "soort", "link", "aangemaakt_op", "gelezen_op"}
    assert (row["professional"], row["soort"], row["link"]) == (
        world.core_member.pk, "involved", "/casussen/1/")
    assert "Bas" not in response.content.decode()


def test_filter_by_professional_and_unread(api: Api, world: World) -> None:
    mine = NotificationFactory(recipient=world.core_member.user)
    read = NotificationFactory(recipient=world.core_member.user, read_at=timezone.now())
    NotificationFactory(recipient=world.teacher.user)
    assert _ids(api.get(URL, professional=world.core_member.pk)) == [mine.pk, read.pk]
    assert _ids(api.get(URL, professional=world.core_member.pk, ongelezen="true")) == [mine.pk]
    # A professional of another organisation: nothing of theirs.
    NotificationFactory(recipient=world.other_core_member.user)
    assert _ids(api.get(URL, professional=world.other_core_member.pk)) == []


def test_an_inactive_professional_is_not_listed(api: Api, world: World) -> None:
    NotificationFactory(recipient=world.teacher.user)
    world.teacher.user.is_active = False
    world.teacher.user.save()
    assert _ids(api.get(URL)) == []


@pytest.mark.parametrize("query", [{"professional": "x"}, {"ongelezen": "misschien"},
                                   {"aantal": "0"}])
def test_a_bad_filter_is_400(api: Api, query: dict[str, str]) -> None:
    response = api.get(URL, **query)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"


def test_the_pages_follow_the_cursor(api: Api, world: World) -> None:
    made = [NotificationFactory(recipient=world.core_member.user).pk for _ in range(5)]
    seen: list[int] = []
    body = api.get(URL, aantal=2).json()
    while True:
        seen += [row["id"] for row in body["results"]]
        if body["next"] is None:
            break
        body = api.http.get(body["next"], headers=api.headers).json()
    assert seen == made


def test_each_list_is_logged_with_the_client_as_source(api: Api, world: World) -> None:
    NotificationFactory(recipient=world.core_member.user)
    api.get(URL)
    row = AccessEvent.objects.get(event_code="notification.system_list")
    assert (row.source_system, row.child_id) == ("ParnasSys De Esch", None)


def test_without_the_scope_403(system: SystemClient) -> None:
    api = Api(token_for(system, scope="organisaties:lezen")["access_token"])
    assert api.get(URL).status_code == 403


def test_another_organisations_client_sees_only_its_own(other_system: SystemClient,
                                                        world: World) -> None:
    NotificationFactory(recipient=world.core_member.user)
    theirs = NotificationFactory(recipient=world.other_core_member.user)
    api = Api(token_for(other_system)["access_token"])
    assert _ids(api.get(URL)) == [theirs.pk]


# --- every list of the API: the number of queries does not grow with the data -------------

def _more_notifications(world: World) -> None:
    for _ in range(10):
        NotificationFactory(recipient=ProfessionalFactory(
            organisation=world.school.organisation).user)


def _more_schools(world: World) -> None:
    for index in range(5):
        SchoolClassFactory(school=world.school, name=f"groep {index + 5}")
        SchoolClassFactory(school=world.school.__class__.objects.create(
            name=f"School {index}", organisation=world.school.organisation,
            brin=f"9{index}XX", school_type="PO", municipality="Utrecht"))


@pytest.mark.parametrize(("url", "more"), [
    ("/api/v1/organisaties/", lambda world: None),
    ("/api/v1/scholen/", _more_schools),
    (URL, _more_notifications),
])
def test_the_queries_of_a_list_do_not_grow_with_the_data(
        api: Api, world: World, url: str, more: Callable[[World], None]) -> None:
    NotificationFactory(recipient=world.core_member.user)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert api.get(url).status_code == 200
        return len(captured)

    api.get(url)  # warm: the token's client, the cache of the rate limit
    few = queries()
    more(world)
    assert queries() == few
