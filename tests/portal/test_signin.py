"""Signing in to the portal: separate from the professionals' sign-in in both directions,
by username or e-mail address, rate-limited by django-axes; and the demo's portal accounts."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from schakel.access import policy
from schakel.accounts.signin import PORTAL_SESSION
from schakel.children.models import Child, Guardian
from schakel.consent.models import Consent, ConsentMethod, InformationCategory
from schakel.demo.people import DEMO_PASSWORD
from schakel.organisations.models import Professional
from schakel.portal.models import PendingConsent
from tests.conftest import take_snapshot
from tests.portal.fixtures import PORTAL_PASSWORD, PortalWorld
from tests.support import sign_in

LOGIN = "/portaal/inloggen/"


def _sign_in(client: Client, username: str, password: str = PORTAL_PASSWORD,
             next_url: str = "") -> object:
    data = {"username": username, "password": password}
    if next_url:
        data["next"] = next_url
    return client.post(LOGIN, data)


def test_a_parent_signs_in_with_username_or_e_mail(pw: PortalWorld) -> None:
    client = Client()
    response = _sign_in(client, "ingrid")
    assert response.status_code == 302  # type: ignore[attr-defined]
    assert response["Location"] == "/portaal/"  # type: ignore[index]
    assert client.session[PORTAL_SESSION] == str(pw.mother_user.pk)
    assert client.get("/portaal/").status_code == 200
    other = Client()
    _sign_in(other, "ingrid@example.org")
    assert other.session[PORTAL_SESSION] == str(pw.mother_user.pk)


def test_next_must_be_a_portal_page(pw: PortalWorld) -> None:
    client = Client()
    case_url = reverse("portal:case", kwargs={"case_id": pw.case_young.pk})
    assert _sign_in(client, "tina", next_url=case_url)["Location"] == case_url  # type: ignore[index]
    for bad in ("https://evil.example/", "/casussen/"):
        assert _sign_in(Client(), "tina", next_url=bad)["Location"] == "/portaal/"  # type: ignore[index]


def test_a_professional_cannot_sign_in_to_the_portal(pw: PortalWorld) -> None:
    client = Client()
    response = _sign_in(client, pw.nurse.user.username)
    assert response.status_code == 200  # type: ignore[attr-defined]
    assert PORTAL_SESSION not in client.session
    assert "_auth_user_id" not in client.session


def test_a_portal_account_cannot_sign_in_as_a_professional(pw: PortalWorld) -> None:
    client = Client()
    response = client.post("/account/inloggen/",
                           {"username": "ingrid", "password": PORTAL_PASSWORD})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_a_professionals_session_is_sent_to_the_portal_sign_in(pw: PortalWorld) -> None:
    client = sign_in(Client(), pw.nurse.user)
    response = client.get("/portaal/")
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)
    assert client.get("/").status_code == 200  # their own pages still work


def test_wrong_passwords_lock_out_like_the_professionals_sign_in(pw: PortalWorld) -> None:
    client = Client(REMOTE_ADDR="192.0.2.77")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _sign_in(client, "ingrid", password="wrong-password-123")
    response = _sign_in(client, "ingrid")
    assert response.status_code == 429  # type: ignore[attr-defined]
    assert "_auth_user_id" not in client.session
    assert _sign_in(Client(REMOTE_ADDR="192.0.2.78"), "ingrid").status_code == 302  # type: ignore[attr-defined]


def test_signing_out_ends_the_portal_session(pw: PortalWorld) -> None:
    client = Client()
    _sign_in(client, "ingrid")
    assert client.post(reverse("portal:logout")).status_code == 302
    assert client.get("/portaal/").status_code == 302


@pytest.mark.django_db
def test_demo_portal_gives_the_family_accounts_and_the_consent_once() -> None:
    call_command("demo_load", verbosity=0)
    call_command("demo_portal", verbosity=0)
    before = take_snapshot(), Consent.objects.count(), PendingConsent.objects.count()
    call_command("demo_portal", verbosity=0)
    assert (take_snapshot(), Consent.objects.count(), PendingConsent.objects.count()) == before
    mother = Guardian.objects.get(user__username="moeder.demo")
    tina = Child.objects.get(user__username="tina.demo")
    lotte = Child.objects.get(user__username="lotte.demo")
    assert tina.first_name == "Tina"
    assert lotte.first_name == "Lotte"
    ggd = Professional.objects.get(user__username="jvk.demo").organisation
    consent = Consent.objects.get(child=tina, organisation=ggd, method=ConsentMethod.PORTAL)
    assert {(s.guardian_id, s.is_young_person) for s in consent.signatures.all()} == {
        (mother.pk, False), (None, True)}
    assert policy.may_receive_category(tina, ggd, InformationCategory.CARE).consent == consent
    client = Client()
    assert _sign_in(client, "tina.demo", DEMO_PASSWORD)["Location"] == "/portaal/"  # type: ignore[index]
