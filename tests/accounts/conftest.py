from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from schakel.organisations.models import Professional
from tests.factories import ProfessionalFactory

PASSWORD = "a-long-test-password-42"  # the UserFactory's


@pytest.fixture
def professional(db: None) -> Professional:
    return ProfessionalFactory(user__username="anne", full_name="Anne de Vries",
                               email="anne@ggd.example")


@pytest.fixture
def client_ip() -> Client:
    return Client(REMOTE_ADDR="192.0.2.44")


def password_step(client: Client, username: str = "anne", password: str = PASSWORD,
                  next_url: str = "") -> Any:
    data = {"username": username, "password": password}
    if next_url:
        data["next"] = next_url
    return client.post("/account/inloggen/", data)
