"""Every page of the web interface renders for someone entitled to it."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tests.support import sign_in
from tests.web.fixtures import WebWorld


@pytest.mark.parametrize("name", ["web:dashboard", "cases:list", "signals:list",
                                  "organisations:schools", "notifications:list",
                                  "signals:raise", "cases:open"])
def test_pages_render_for_the_core_team(client: Client, w: WebWorld, name: str) -> None:
    sign_in(client, w.core.user)
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert b"<h1" in response.content


def test_case_page_renders_for_the_coordinator(client: Client, w: WebWorld) -> None:
    sign_in(client, w.nurse.user)
    response = client.get(reverse("cases:detail", kwargs={"case_id": w.case.pk}))
    assert response.status_code == 200
    assert w.case.title in response.content.decode()
