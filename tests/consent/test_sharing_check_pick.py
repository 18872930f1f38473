"""*Mag ik dit delen?* is a page of its own: in the menu, and without a child it first asks
which child, among those the user may see."""

from __future__ import annotations

from django.test import Client

from schakel.audit.models import AccessEvent
from tests.conftest import World
from tests.factories import ChildFactory
from tests.support import sign_in


def test_the_menu_leads_to_a_child_picker(world: World, client: Client):
    sign_in(client, world.core_member.user)
    dashboard = client.get("/").content.decode()
    assert 'href="/toestemming/mag-ik-dit-delen/"' in dashboard
    response = client.get("/toestemming/mag-ik-dit-delen/")
    assert response.status_code == 200
    assert 'name="q"' in response.content.decode()


def test_the_picker_finds_only_children_the_user_may_see_and_logs_them(
        world: World, client: Client):
    stranger = ChildFactory(first_name=world.child.first_name, last_name="Onbekend")
    sign_in(client, world.core_member.user)
    page = client.get("/toestemming/mag-ik-dit-delen/",
                      {"q": world.child.first_name}).content.decode()
    assert f"?child_id={world.child.pk}" in page
    assert f"?child_id={stranger.pk}" not in page
    rows = AccessEvent.objects.filter(event_code="consent.check_children")
    assert {row.child_id for row in rows} == {world.child.pk}
    check = client.get(f"/toestemming/mag-ik-dit-delen/?child_id={world.child.pk}")
    assert check.status_code == 200


def test_an_outsider_finds_nobody(world: World, client: Client):
    sign_in(client, world.outsider.user)
    page = client.get("/toestemming/mag-ik-dit-delen/",
                      {"q": world.child.first_name}).content.decode()
    assert f"?child_id={world.child.pk}" not in page
    assert "No child that you may see has this name." in page
