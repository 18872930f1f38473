"""The organisation's sign-in against a real OpenID provider on 127.0.0.1 (`oidc_provider.mjs`),
over HTTP: the authorization code flow with PKCE, the token exchange Schakel makes itself, the
id_token's signature checked against the provider's keys (JWKS), the userinfo claims matched
to a professional. The browser version is `tests/e2e/test_oidc_sign_in.py`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
import requests
from axes.models import AccessAttempt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from django.test import Client
from django.urls import reverse

from schakel.accounts.models import User
from schakel.organisations.models import Professional
from tests.accounts.conftest import password_step
from tests.accounts.oidc_provider import (
    ANNE_EMAIL,
    PASSWORD,
    PIET_EMAIL,
    RunningProvider,
    configure_schakel,
    provider_running,
)
from tests.factories import ProfessionalFactory
from tests.support import totp_code, totp_device

CALLBACK = "http://testserver" + "/account/organisatie/terug/"


@pytest.fixture
def provider() -> Iterator[RunningProvider]:
    with provider_running(redirect_uris=[CALLBACK]) as running:
        yield running


@pytest.fixture
def anne(db: None) -> Professional:
    professional: Professional = ProfessionalFactory(email=ANNE_EMAIL, full_name="Anne de Vries")
    totp_device(professional.user)
    return professional


def at_the_provider(client: Client, username: str, *, next_url: str = "/signalen/") -> str:
    """Start at Schakel, sign in at the provider as its browser would, and return the path
    (with code and state) the provider sends the browser back to."""
    start = client.get(reverse("accounts:oidc_start"), {"next": next_url})
    assert start.status_code == 302
    idp = requests.Session()
    response = idp.get(start["Location"], allow_redirects=False, timeout=10)
    while response.is_redirect and not response.headers["Location"].startswith(CALLBACK):
        location = urljoin(response.url, response.headers["Location"])
        response = idp.get(location, allow_redirects=False, timeout=10)
        if response.status_code == 200:  # the provider's sign-in page
            assert 'name="password"' in response.text
            response = idp.post(location, data={"username": username, "password": PASSWORD},
                                allow_redirects=False, timeout=10)
    assert response.is_redirect, response.text
    back = urlsplit(response.headers["Location"])
    query = parse_qs(back.query)
    assert set(query) >= {"code", "state"}, query
    return f"{back.path}?{back.query}"


def test_discovery_matches_what_schakel_requires(provider: RunningProvider):
    assert "S256" in provider.discovery["code_challenge_methods_supported"]
    assert "RS256" in provider.discovery["id_token_signing_alg_values_supported"]
    assert "client_secret_post" in provider.discovery["token_endpoint_auth_methods_supported"]
    keys = requests.get(provider.discovery["jwks_uri"], timeout=10).json()["keys"]
    assert [key["kty"] for key in keys] == ["RSA"]
    assert all("d" not in key for key in keys)  # public keys only


def test_signed_in_through_the_provider_then_schakels_own_second_factor(
    client: Client, settings: Any, provider: RunningProvider, anne: Professional,
):
    configure_schakel(settings, provider)
    assert settings.SCHAKEL_OIDC_PROVIDES_SECOND_FACTOR is False  # as in production by default
    callback = client.get(at_the_provider(client, "anne"))
    assert callback.status_code == 302
    assert callback["Location"] == reverse("accounts:verify")
    assert client.session["_auth_user_id"] == str(anne.user.pk)
    # The first factor only: every page still asks for the code.
    page = client.get(reverse("web:dashboard"))
    assert page.status_code == 302
    assert page["Location"].startswith(reverse("accounts:verify"))


def test_a_public_client_without_a_secret_signs_in_with_pkce_alone(
    client: Client, settings: Any, anne: Professional,
):
    with provider_running(redirect_uris=[CALLBACK], client_secret="") as public:
        configure_schakel(settings, public)
        assert settings.OIDC_RP_CLIENT_SECRET == ""
        callback = client.get(at_the_provider(client, "anne"))
    assert callback["Location"] == reverse("accounts:verify")
    assert client.session["_auth_user_id"] == str(anne.user.pk)


def test_a_provider_trusted_with_two_factors_leads_to_the_page_asked_for(
    client: Client, settings: Any, provider: RunningProvider, anne: Professional,
):
    configure_schakel(settings, provider, OIDC_PROVIDES_SECOND_FACTOR="true")
    callback = client.get(at_the_provider(client, "anne", next_url=reverse("web:dashboard")))
    assert callback["Location"] == reverse("web:dashboard")
    assert client.get(reverse("web:dashboard")).status_code == 200


def test_a_way_back_from_the_provider_works_once(
    client: Client, settings: Any, provider: RunningProvider, anne: Professional,
):
    configure_schakel(settings, provider)
    back = at_the_provider(client, "anne")
    assert client.get(back)["Location"] == reverse("accounts:verify")
    client.logout()
    replay = client.get(back)  # its state is no longer in the session
    assert replay["Location"] == reverse("accounts:login")
    assert "_auth_user_id" not in client.session


def test_an_id_token_not_signed_with_the_providers_key_is_refused(
    client: Client, settings: Any, provider: RunningProvider, anne: Professional,
):
    other_key = rsa.generate_private_key(public_exponent=65537, key_size=2048).public_key()
    pem = other_key.public_bytes(serialization.Encoding.PEM,
                                 serialization.PublicFormat.SubjectPublicKeyInfo).decode()
    configure_schakel(settings, provider, OIDC_RP_IDP_SIGN_KEY=pem)
    callback = client.get(at_the_provider(client, "anne"))
    assert callback.status_code == 400  # SuspiciousOperation: JWS verification failed
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("username", ["stranger", "piet"])
def test_unknown_or_unverified_email_is_refused_and_creates_nobody(
    client: Client, settings: Any, provider: RunningProvider, username: str, db: None,
):
    ProfessionalFactory(email=PIET_EMAIL)  # known in Schakel; unverified at the provider
    configure_schakel(settings, provider)
    users = User.objects.count()
    callback = client.get(at_the_provider(client, username))
    assert callback.status_code == 302
    assert callback["Location"] == reverse("accounts:login")
    assert "_auth_user_id" not in client.session
    assert User.objects.count() == users



# --- lock-outs (django-axes): the organisation's sign-in and the password's share them ------


def test_refusals_from_one_address_do_not_lock_colleagues_out(
    client: Client, settings: Any, provider: RunningProvider, anne: Professional,
):
    configure_schakel(settings, provider)
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):  # a school's shared address
        refused = client.get(at_the_provider(client, "stranger"))
        assert refused["Location"] == reverse("accounts:login")
    assert not AccessAttempt.objects.exists()
    assert client.get(at_the_provider(client, "anne"))["Location"] == reverse("accounts:verify")


def test_a_professional_locked_out_by_passwords_is_locked_out_here_too(
    client: Client, settings: Any, provider: RunningProvider, anne: Professional,
):
    configure_schakel(settings, provider)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        password_step(Client(), username=anne.user.username, password="not-the-password-1")
    locked = client.get(at_the_provider(client, "anne"))
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session


def test_wrong_codes_after_the_organisations_sign_in_lock_out(
    client: Client, settings: Any, provider: RunningProvider, anne: Professional,
):
    configure_schakel(settings, provider)
    assert client.get(at_the_provider(client, "anne"))["Location"] == reverse("accounts:verify")
    wrong = f"{(int(totp_code(anne.user)) + 1) % 1_000_000:06d}"
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("accounts:verify"), {"code": wrong})
    assert "_auth_user_id" not in client.session
    assert AccessAttempt.objects.get().username == anne.user.username
    again = client.get(at_the_provider(client, "anne"))
    assert again.status_code == 429
    assert "_auth_user_id" not in client.session
