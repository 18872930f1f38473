"""OpenID Connect for organisations: off unless configured, PKCE always, matched to an existing
professional by e-mail, nobody created. No network: the provider is never called."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
from django.conf import settings as django_settings
from django.core.exceptions import ImproperlyConfigured
from django.test import Client, RequestFactory
from django.urls import reverse

from schakel.accounts.models import User
from schakel.accounts.oidc import ProfessionalOIDCBackend, ProfessionalOIDCCallbackView
from schakel.accounts.signin import IDP_SECOND_FACTOR, NEXT_URL
from schakel.organisations.models import Professional
from schakel.settings.oidc import OIDC_BACKEND, authentication_backends, oidc_settings
from tests.factories import ProfessionalFactory, UserFactory
from tests.support import totp_device

PROVIDER = {
    "OIDC_RP_CLIENT_ID": "schakel",
    "OIDC_RP_CLIENT_SECRET": "s3cret",
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "https://idp.example/authorize",
    "OIDC_OP_TOKEN_ENDPOINT": "https://idp.example/token",
    "OIDC_OP_USER_ENDPOINT": "https://idp.example/userinfo",
    "OIDC_OP_JWKS_ENDPOINT": "https://idp.example/jwks",
}


# --- configuration -----------------------------------------------------------------------


def test_disabled_by_default():
    config = oidc_settings({})
    assert config["SCHAKEL_OIDC_ENABLED"] is False
    assert "OIDC_RP_CLIENT_ID" not in config
    assert OIDC_BACKEND not in authentication_backends(["a"], oidc_enabled=False)
    assert django_settings.SCHAKEL_OIDC_ENABLED is False
    assert OIDC_BACKEND not in django_settings.AUTHENTICATION_BACKENDS


def test_enabled_when_configured_with_pkce_and_without_user_creation():
    config = oidc_settings(PROVIDER)
    assert config["SCHAKEL_OIDC_ENABLED"] is True
    assert config["OIDC_USE_PKCE"] is True
    assert config["OIDC_PKCE_CODE_CHALLENGE_METHOD"] == "S256"
    assert config["OIDC_CREATE_USER"] is False
    assert config["OIDC_RP_SIGN_ALGO"] == "RS256"
    assert config["OIDC_OP_TOKEN_ENDPOINT"] == "https://idp.example/token"
    assert config["SCHAKEL_OIDC_PROVIDES_SECOND_FACTOR"] is False
    assert authentication_backends(["a"], oidc_enabled=True) == ["a", OIDC_BACKEND]


@pytest.mark.parametrize("missing", ["OIDC_RP_CLIENT_ID", "OIDC_OP_TOKEN_ENDPOINT"])
def test_half_a_configuration_is_an_error(missing: str):
    partial = {k: v for k, v in PROVIDER.items() if k != missing}
    with pytest.raises(ImproperlyConfigured, match=missing):
        oidc_settings(partial)


def test_rs256_needs_the_provider_keys():
    partial = {k: v for k, v in PROVIDER.items() if k != "OIDC_OP_JWKS_ENDPOINT"}
    with pytest.raises(ImproperlyConfigured, match="JWKS"):
        oidc_settings(partial)
    assert oidc_settings({**partial, "OIDC_RP_SIGN_ALGO": "HS256"})["SCHAKEL_OIDC_ENABLED"]


def test_provider_second_factor_is_opt_in():
    assert oidc_settings({**PROVIDER, "OIDC_PROVIDES_SECOND_FACTOR": "true"})[
        "SCHAKEL_OIDC_PROVIDES_SECOND_FACTOR"] is True


@pytest.fixture
def oidc_on(settings) -> Any:
    settings.SCHAKEL_OIDC_ENABLED = True
    for key, value in oidc_settings(PROVIDER).items():
        setattr(settings, key, value)
    settings.AUTHENTICATION_BACKENDS = authentication_backends(
        list(settings.AUTHENTICATION_BACKENDS), oidc_enabled=True)
    return settings


# --- the sign-in page and the start of the flow ------------------------------------------


def test_no_button_and_no_endpoints_when_disabled(client: Client, db: None):
    assert "oidc-sign-in" not in client.get("/account/inloggen/").content.decode()
    assert client.get("/account/organisatie/").status_code == 404
    assert client.get("/account/organisatie/terug/?code=x&state=y").status_code == 404


def test_button_and_pkce_redirect_when_enabled(client: Client, db: None, oidc_on):
    html = client.get("/account/inloggen/?next=/signalen/").content.decode()
    assert 'id="oidc-sign-in"' in html
    response = client.get("/account/organisatie/?next=/signalen/")
    assert response.status_code == 302
    url = urlparse(response["Location"])
    query = parse_qs(url.query)
    assert f"{url.scheme}://{url.netloc}{url.path}" == "https://idp.example/authorize"
    assert query["client_id"] == ["schakel"]
    assert query["code_challenge_method"] == ["S256"]
    assert query["code_challenge"][0]
    assert query["redirect_uri"][0].endswith(reverse("accounts:oidc_callback"))
    assert client.session["oidc_login_next"] == "/signalen/"


# --- matching the identity to a professional ---------------------------------------------


@pytest.fixture
def backend(oidc_on) -> ProfessionalOIDCBackend:
    return ProfessionalOIDCBackend()


def test_matched_by_the_professionals_email(backend: ProfessionalOIDCBackend, db: None):
    anne = ProfessionalFactory(email="Anne.de.Vries@GGD.example", user__email="other@x.example")
    users = backend.filter_users_by_claims({"email": "anne.de.vries@ggd.example"})
    assert list(users) == [anne.user]


def test_unknown_email_creates_nobody(backend: ProfessionalOIDCBackend, db: None, monkeypatch):
    monkeypatch.setattr(backend, "get_userinfo",
                        lambda *a: {"email": "stranger@idp.example", "sub": "1"})
    before = User.objects.count()
    assert backend.get_or_create_user("token", "id-token", {}) is None
    assert User.objects.count() == before


def test_users_without_a_professional_or_inactive_do_not_match(
    backend: ProfessionalOIDCBackend, db: None,
):
    UserFactory(email="admin@idp.example")
    gone = ProfessionalFactory(email="gone@idp.example")
    gone.user.is_active = False
    gone.user.save()
    assert not backend.filter_users_by_claims({"email": "admin@idp.example"}).exists()
    assert not backend.filter_users_by_claims({"email": "gone@idp.example"}).exists()


def test_unverified_email_does_not_match(backend: ProfessionalOIDCBackend, db: None):
    ProfessionalFactory(email="anne@ggd.example")
    claims = {"email": "anne@ggd.example", "email_verified": False}
    assert not backend.filter_users_by_claims(claims).exists()
    assert not backend.verify_claims({"sub": "1"})


# --- after the provider ------------------------------------------------------------------


def _callback_success(user: User, rf: RequestFactory) -> tuple[Any, Any]:
    client = Client()
    client.get("/healthz")  # a session to work in
    request = rf.get("/account/organisatie/terug/")
    engine_session = client.session
    engine_session["oidc_login_next"] = "/signalen/"
    engine_session.save()
    request.session = engine_session
    request.user = user
    user.backend = OIDC_BACKEND  # type: ignore[attr-defined]  # as `authenticate` sets it
    view = ProfessionalOIDCCallbackView()
    view.setup(request)
    view.user = user
    return view.login_success(), request


def test_after_the_provider_the_own_second_factor_follows(db: None, oidc_on):
    professional: Professional = ProfessionalFactory()
    totp_device(professional.user)
    response, request = _callback_success(professional.user, RequestFactory())
    assert response["Location"] == reverse("accounts:verify")
    assert request.session[NEXT_URL] == "/signalen/"
    assert IDP_SECOND_FACTOR not in request.session


def test_a_trusted_provider_counts_as_the_second_factor(db: None, oidc_on):
    oidc_on.SCHAKEL_OIDC_PROVIDES_SECOND_FACTOR = True
    professional: Professional = ProfessionalFactory()
    response, request = _callback_success(professional.user, RequestFactory())
    assert response["Location"] == "/signalen/"
    assert request.session[IDP_SECOND_FACTOR] == str(professional.user.pk)


def test_a_failed_sign_in_at_the_provider_returns_to_sign_in(client: Client, db: None,
                                                             oidc_on):
    response = client.get("/account/organisatie/terug/?error=access_denied", follow=True)
    assert response.redirect_chain[-1][0] == reverse("accounts:login")
    assert "_auth_user_id" not in client.session
    assert any("organisation" in str(m) for m in response.context["messages"])
