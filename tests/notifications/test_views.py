"""My notifications: the list, and opening one marks it read and follows its link."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from tests.support import sign_in
from tests.web.fixtures import WebWorld, build_world, notify


@pytest.fixture
def w(db: None) -> WebWorld:
    return build_world()


def test_list_shows_my_notifications_only(client: Client, w: WebWorld) -> None:
    notify(w.nurse.user, "Voor Anne")
    notify(w.core.user, "Voor Ilse")
    sign_in(client, w.nurse.user)
    page = client.get(reverse("notifications:list")).content.decode()
    assert "Voor Anne" in page
    assert "Voor Ilse" not in page


def test_unread_is_marked_for_attention_not_as_a_success(client: Client, w: WebWorld) -> None:
    """Issue 7, item 18: "Ongelezen" was the green badge of "actief"."""
    notify(w.nurse.user, "Voor Anne")
    sign_in(client, w.nurse.user)
    page = client.get(reverse("notifications:list")).content.decode()
    badge = re.search(r'<span class="([^"]*)">(?:Unread|Ongelezen)</span>', page)
    assert badge is not None
    assert "status-badge--attention" in badge[1]
    assert not {"utrecht-status-badge--active", "utrecht-status-badge--safe",
                "utrecht-status-badge--valid"} & set(badge[1].split())


def test_opening_marks_read_and_follows_the_link(client: Client, w: WebWorld) -> None:
    link = reverse("cases:detail", kwargs={"case_id": w.case.pk})
    notification = notify(w.nurse.user, link=link)
    sign_in(client, w.nurse.user)
    response = client.post(reverse("notifications:read",
                                   kwargs={"notification_id": notification.pk}))
    assert response.status_code == 302
    assert response["Location"] == link
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_an_outside_link_is_not_followed(client: Client, w: WebWorld) -> None:
    notification = notify(w.nurse.user, link="https://evil.example/")
    sign_in(client, w.nurse.user)
    response = client.post(reverse("notifications:read",
                                   kwargs={"notification_id": notification.pk}))
    assert response["Location"] == reverse("notifications:list")


def test_someone_elses_notification_is_404(client: Client, w: WebWorld) -> None:
    notification = notify(w.core.user)
    sign_in(client, w.nurse.user)
    response = client.post(reverse("notifications:read",
                                   kwargs={"notification_id": notification.pk}))
    assert response.status_code == 404
    notification.refresh_from_db()
    assert notification.read_at is None


def test_reading_needs_post(client: Client, w: WebWorld) -> None:
    notification = notify(w.nurse.user)
    sign_in(client, w.nurse.user)
    response = client.get(reverse("notifications:read",
                                  kwargs={"notification_id": notification.pk}))
    assert response.status_code == 405
    notification.refresh_from_db()
    assert notification.read_at is None
