"""Signing in as a system: client credentials, tokens hashed and expiring, scopes, and no
mixing with the professionals' sessions."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone
from oauth2_provider.models import AccessToken, Application

from schakel.api.services import api_client_create
from tests.api.conftest import Api, SystemClient, token_for
from tests.conftest import World
from tests.factories import UserFactory
from tests.support import sign_in

pytestmark = pytest.mark.django_db


def test_client_credentials_give_a_token_that_opens_the_api(system: SystemClient) -> None:
    body = token_for(system)
    assert body["token_type"] == "Bearer"
    assert body["expires_in"] == 3600
    assert set(body["scope"].split()) == set(system.client.scope_list)
    response = Api(body["access_token"]).get("/api/v1/organisaties/")
    assert response.status_code == 200
    assert [o["id"] for o in response.json()["results"]] == [system.client.organisation_id]


def test_secret_and_token_are_not_stored_in_plain_text(system: SystemClient) -> None:
    token = token_for(system)["access_token"]
    application = Application.objects.get(pk=system.client.application_id)
    assert application.client_secret != system.secret
    assert application.client_secret.startswith(("argon2", "md5", "pbkdf2"))
    stored = AccessToken.objects.get(application=application)
    assert stored.token == ""  # only its checksum is kept
    assert stored.token_checksum
    assert token not in stored.token_checksum
    assert stored.expires <= timezone.now() + dt.timedelta(hours=1, seconds=5)


def test_a_wrong_secret_gets_no_token(system: SystemClient) -> None:
    response = Client().post("/api/v1/token/", {
        "grant_type": "client_credentials", "client_id": system.client_id,
        "client_secret": "wrong"})
    assert response.status_code == 401
    assert "access_token" not in response.json()


def test_a_client_cannot_ask_for_scopes_it_was_not_given(world: World) -> None:
    client, secret = api_client_create(organisation=world.school.organisation, name="Alleen lezen",
                                       scopes=["organisaties:lezen"])
    system = SystemClient(client, secret)
    response = Client().post("/api/v1/token/", {
        "grant_type": "client_credentials", "client_id": system.client_id,
        "client_secret": secret, "scope": "leerlingen:schrijven"})
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_scope"


def test_a_missing_scope_is_403_problem(world: World) -> None:
    client, secret = api_client_create(organisation=world.school.organisation, name="Alleen lezen",
                                       scopes=["organisaties:lezen"])
    api = Api(token_for(SystemClient(client, secret))["access_token"])
    response = api.post("/api/v1/signalen/", {})
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["title"] == "No access"


def test_an_expired_token_is_refused(system: SystemClient) -> None:
    token = token_for(system)["access_token"]
    AccessToken.objects.update(expires=timezone.now() - dt.timedelta(seconds=1))
    response = Api(token).get("/api/v1/organisaties/")
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_a_professionals_session_does_not_work_on_the_api(world: World) -> None:
    http = sign_in(Client(), world.core_member.user)
    assert http.get("/").status_code == 200  # the session opens the pages
    response = http.get("/api/v1/organisaties/")
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"


def test_an_api_token_does_not_open_a_page(system: SystemClient) -> None:
    token = token_for(system)["access_token"]
    response = Client().get("/", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 302
    assert response["Location"].startswith("/account/")


def test_the_clients_account_cannot_sign_in(system: SystemClient) -> None:
    user = system.client.user
    assert not user.is_active
    assert not user.has_usable_password()


def test_clients_of_other_applications_are_not_schakel_clients(world: World) -> None:
    """An application without a Schakel client (made by hand in the admin) opens nothing."""
    application = Application.objects.create(
        name="los", client_type=Application.CLIENT_CONFIDENTIAL,
        authorization_grant_type=Application.GRANT_CLIENT_CREDENTIALS,
        client_secret="geheim-geheim", user=UserFactory())
    token = AccessToken.objects.create(
        application=application, token="los-token", scope="organisaties:lezen",
        expires=timezone.now() + dt.timedelta(hours=1))
    assert token.pk
    assert Api("los-token").get("/api/v1/organisaties/").status_code == 401
