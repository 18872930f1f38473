"""Every page of the web interface renders, with its headings in order and every form field
labelled."""

from __future__ import annotations

import itertools
import re

import pytest
from django.test import Client
from django.urls import reverse

from tests.support import sign_in
from tests.web.fixtures import WebWorld

PAGES: list[tuple[str, dict[str, int]]] = [
    ("web:dashboard", {}), ("cases:list", {}), ("signals:list", {}),
    ("organisations:schools", {}), ("notifications:list", {}), ("signals:raise", {}),
    ("cases:open", {}),
]


def check_accessible(html: str) -> None:
    """Headings start at h1 and never skip a level; every visible input has a label."""
    levels = [int(level) for level in re.findall(r"<h([1-6])[ >]", html)]
    assert levels
    assert levels[0] == 1
    for previous, current in itertools.pairwise(levels):
        assert current <= previous + 1, levels
    labels = set(re.findall(r'<label[^>]*for="([^"]+)"', html))
    for tag in re.findall(r"<(?:input|select|textarea)\b[^>]*>", html):
        if re.search(r'type="(hidden|submit)"', tag):
            continue
        field_id = re.search(r'id="([^"]+)"', tag)
        assert field_id is not None, tag
        assert field_id.group(1) in labels, tag


@pytest.mark.parametrize(("name", "kwargs"), PAGES)
def test_pages_for_the_core_team(client: Client, w: WebWorld, name: str,
                                 kwargs: dict[str, int]) -> None:
    sign_in(client, w.core.user)
    response = client.get(reverse(name, kwargs=kwargs))
    assert response.status_code == 200
    check_accessible(response.content.decode())


def test_case_page_for_the_coordinator(client: Client, w: WebWorld) -> None:
    sign_in(client, w.nurse.user)
    response = client.get(reverse("cases:detail", kwargs={"case_id": w.case.pk}))
    assert response.status_code == 200
    check_accessible(response.content.decode())


@pytest.mark.parametrize("name", [
    "cases:consultation", "cases:agreement_create", "cases:intervention", "cases:advice",
    "cases:escalate", "cases:close", "cases:involve", "cases:set_coordinator"])
def test_case_form_pages(client: Client, w: WebWorld, name: str) -> None:
    sign_in(client, w.nurse.user)
    response = client.get(reverse(name, kwargs={"case_id": w.case.pk}))
    assert response.status_code == 200
    check_accessible(response.content.decode())


def test_other_pages(client: Client, w: WebWorld) -> None:
    sign_in(client, w.core.user)
    for url in (
        reverse("signals:detail", kwargs={"signal_id": w.signal.pk}),
        reverse("signals:status", kwargs={"signal_id": w.signal.pk}),
        reverse("cases:open_from_signal", kwargs={"signal_id": w.signal.pk}),
        reverse("children:detail", kwargs={"child_id": w.child.pk}),
        reverse("organisations:school_route", kwargs={"school_id": w.school.pk}),
        reverse("organisations:professional", kwargs={"professional_id": w.core.pk}),
        reverse("cases:plan_step", kwargs={"case_id": w.case.pk, "step": 3}),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        check_accessible(response.content.decode())
