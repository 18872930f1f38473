"""The interface in Dutch and English: the language switch in the header of every page (also
the sign-in pages and the portal)."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from tests.conftest import World
from tests.factories import UserFactory
from tests.portal.fixtures import portal_sign_in
from tests.support import sign_in

pytestmark = pytest.mark.django_db

DUTCH = {"Accept-Language": "nl"}
SWITCH = re.compile(r'<form class="language-switch" method="post" action="/i18n/setlang/"'
                    r'[^>]*aria-label="(?P<label>[^"]+)">.*?</form>', re.DOTALL)


def _switch(html: str) -> str:
    match = SWITCH.search(html)
    assert match is not None, "no language switch"
    return match.group(0)


@pytest.mark.parametrize("name", ["accounts:login", "portal:login"])
def test_the_sign_in_pages_have_the_switch(client: Client, name: str) -> None:
    switch = _switch(client.get(reverse(name), headers=DUTCH).content.decode())
    assert 'aria-label="Taal"' in switch
    assert f'name="next" value="{reverse(name)}"' in switch
    assert 'name="csrfmiddlewaretoken"' in switch
    assert '<span class="language-switch__current" lang="nl" aria-current="true">' \
           'Nederlands</span>' in switch
    assert re.search(r'<button [^>]*type="submit" name="language" value="en" lang="en">'
                     r"English</button>", switch)


def test_signed_in_pages_have_the_switch(client: Client, world: World) -> None:
    sign_in(client, world.core_member.user)
    html = client.get(reverse("signals:list") + "?page=1", headers=DUTCH).content.decode()
    assert 'name="next" value="/signalen/?page=1"' in _switch(html)


def test_portal_pages_have_the_switch(client: Client) -> None:
    portal_sign_in(client, UserFactory())
    _switch(client.get(reverse("portal:home"), headers=DUTCH).content.decode())


def test_switching_to_english_and_back(client: Client) -> None:
    login = reverse("accounts:login")
    response = client.post(reverse("set_language"), {"language": "en", "next": login},
                           headers=DUTCH)
    assert response.status_code == 302
    assert response["Location"] == login
    html = client.get(login, headers=DUTCH).content.decode()
    assert '<html lang="en">' in html
    assert "<h1 class=\"utrecht-heading-1\">Sign in</h1>" in html
    assert 'value="nl" lang="nl">Nederlands</button>' in _switch(html)
    client.post(reverse("set_language"), {"language": "nl", "next": login})
    assert '<html lang="nl">' in client.get(login).content.decode()


def test_the_switch_on_a_missing_page_goes_back_through_the_referer(client: Client) -> None:
    """A missing and a refused page must look the same, so the 404 page's switch does not
    repeat the path; set_language goes back to the page it came from."""
    html = client.get("/bestaat-niet/", headers=DUTCH).content.decode()
    assert 'name="next"' not in _switch(html)
    response = client.post(reverse("set_language"), {"language": "en"},
                           headers={"Referer": "http://testserver/bestaat-niet/"})
    assert response["Location"] == "http://testserver/bestaat-niet/"
