"""The rate limit is per client: one client's burst does not stop another."""

from __future__ import annotations

import pytest

from schakel.api.throttling import ClientRateThrottle
from tests.api.conftest import Api, SystemClient, token_for

pytestmark = pytest.mark.django_db


def test_too_many_requests_of_one_client_are_429(
        api: Api, other_system: SystemClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ClientRateThrottle, "THROTTLE_RATES", {"client": "2/minute"})
    assert api.get("/api/v1/scholen/").status_code == 200
    assert api.get("/api/v1/scholen/").status_code == 200
    refused = api.get("/api/v1/scholen/")
    assert refused.status_code == 429
    assert refused["Content-Type"] == "application/problem+json"
    assert refused.json()["title"] == "Too many requests"
    assert int(refused["Retry-After"]) > 0
    other = Api(token_for(other_system)["access_token"])
    assert other.get("/api/v1/scholen/").status_code == 200
