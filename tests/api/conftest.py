"""A system client of the world's school board, and its tokens."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client

from schakel.api.models import SCOPES, ApiClient
from schakel.api.services import api_client_create
from tests.conftest import World

TOKEN_URL = "/api/v1/token/"


@dataclass
class SystemClient:
    client: ApiClient
    secret: str

    @property
    def client_id(self) -> str:
        return str(self.client.application.client_id)


def token_for(system: SystemClient, scope: str = "") -> dict[str, Any]:
    """The client credentials flow: the token response."""
    basic = base64.b64encode(f"{system.client_id}:{system.secret}".encode()).decode()
    data = {"grant_type": "client_credentials"} | ({"scope": scope} if scope else {})
    response = Client().post(TOKEN_URL, data, HTTP_AUTHORIZATION=f"Basic {basic}")
    assert response.status_code == 200, response.content
    body: dict[str, Any] = response.json()
    return body


class Api:
    """A test client that sends a bearer token on every request."""

    def __init__(self, token: str) -> None:
        self.http = Client()
        self.headers = {"Authorization": f"Bearer {token}"}

    def get(self, url: str, **params: Any) -> Any:
        return self.http.get(url, params, headers=self.headers)

    def post(self, url: str, body: Any) -> Any:
        return self.http.post(url, body, content_type="application/json", headers=self.headers)


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> Iterator[None]:
    """Each test counts its own requests (client ids are reused after a rollback)."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def system(world: World) -> SystemClient:
    client, secret = api_client_create(
        organisation=world.school.organisation, name="ParnasSys De Esch",
        scopes=list(SCOPES))
    return SystemClient(client, secret)


@pytest.fixture
def api(system: SystemClient) -> Api:
    return Api(token_for(system)["access_token"])


@pytest.fixture
def other_system(world: World) -> SystemClient:
    client, secret = api_client_create(
        organisation=world.other_school.organisation, name="Magister Het Anker",
        scopes=list(SCOPES))
    return SystemClient(client, secret)
