"""One JSON log line per request: request id, user id, route name, status and duration; never
the child's name or a path with ids."""

from __future__ import annotations

import json
import logging

import pytest
from django.test import Client
from django.urls import reverse

from schakel.observability.logs import JsonFormatter, RequestIdFilter
from schakel.observability.requestid import request_id_from
from tests.support import sign_in
from tests.web.fixtures import WebWorld, build_world

FIRST_NAME, LAST_NAME = "Zephyrine", "Quackenbosch-Oyelaran"


@pytest.fixture
def w(db: None) -> WebWorld:
    world = build_world()
    world.child.first_name, world.child.last_name = FIRST_NAME, LAST_NAME
    world.child.save(update_fields=["first_name", "last_name"])
    return world


def _json_lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    formatter, with_id = JsonFormatter(), RequestIdFilter()
    lines = []
    for record in caplog.records:
        with_id.filter(record)
        lines.append(formatter.format(record))
    return lines


def test_a_child_page_is_one_json_line_without_the_childs_name(
        client: Client, w: WebWorld, caplog: pytest.LogCaptureFixture) -> None:
    sign_in(client, w.core.user)
    caplog.set_level(logging.INFO, logger="schakel.request")
    url = reverse("children:detail", kwargs={"child_id": w.child.pk})
    response = client.get(url, headers={"X-Request-ID": "proxy-0123456789abcdef"})
    assert response.status_code == 200
    assert FIRST_NAME in response.content.decode()  # the page did show the name

    requests = [r for r in caplog.records if r.name == "schakel.request"]
    assert len(requests) == 1
    lines = _json_lines(caplog)
    entry = json.loads(next(line for line in lines if '"schakel.request"' in line))
    assert entry["message"] == "request"
    assert entry["request_id"] == "proxy-0123456789abcdef"
    assert response["X-Request-ID"] == "proxy-0123456789abcdef"
    assert entry["user_id"] == w.core.user.pk
    assert entry["route"] == "children:detail"
    assert (entry["method"], entry["status"]) == ("GET", 200)
    assert isinstance(entry["duration_ms"], float)
    assert entry["level"] == "INFO"
    everything = caplog.text + "\n".join(lines)
    for secret in (FIRST_NAME, LAST_NAME, url, str(w.child.pk) + "/"):
        assert secret not in everything


def test_anonymous_and_unmatched_requests_are_logged_without_a_user(
        client: Client, db: None, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="schakel.request")
    response = client.get("/bestaat-niet/")
    lines = _json_lines(caplog)
    entry = json.loads(next(line for line in lines if '"schakel.request"' in line))
    warning = json.loads(next(line for line in lines if '"django.request"' in line))
    assert entry["request_id"] == warning["request_id"] == response["X-Request-ID"]
    assert (entry["route"], entry["status"], entry["user_id"]) == ("<unmatched>", 404, None)


@pytest.mark.parametrize("incoming", [
    None, "", "short", "x" * 65, "has space in it", "<script>alert(1)</script>", "ünïcode-id-1"])
def test_a_malformed_incoming_request_id_is_replaced(incoming: str | None) -> None:
    replaced = request_id_from(incoming)
    assert replaced != incoming
    assert len(replaced) == 32
    assert replaced.isalnum()


@pytest.mark.parametrize("incoming", [
    "0f8fad5b-d9cb-469f-a165-70867728950e", "b2c7a1f0e9d84c3a8b7f6e5d4c3b2a19", "req.1_a-B"])
def test_a_well_formed_incoming_request_id_is_kept(incoming: str) -> None:
    assert request_id_from(incoming) == incoming
