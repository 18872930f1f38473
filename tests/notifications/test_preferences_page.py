"""The preferences page (Dutch), reached from the notifications page, and the list filtered
by kind (the links of the daily e-mail)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from schakel.notifications.models import (
    EmailDelivery,
    Notification,
    NotificationKind,
    NotificationPreference,
)
from schakel.notifications.preferences import SAFETY_KINDS, default_delivery, professional_kinds
from tests.support import sign_in
from tests.web.fixtures import WebWorld, build_world, notify

URL = "/meldingen/voorkeuren/"


@pytest.fixture
def w(db: None) -> WebWorld:
    return build_world()


def _all_defaults() -> dict[str, str]:
    return {kind.value: default_delivery(kind).value for kind in professional_kinds()}


def test_the_notifications_page_links_to_the_preferences(client: Client, w: WebWorld) -> None:
    sign_in(client, w.nurse.user)
    page = client.get(reverse("notifications:list"), HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert f'href="{URL}"' in page
    assert "Wat Schakel je mailt" in page


def test_the_page_shows_each_kind_in_dutch(client: Client, w: WebWorld) -> None:
    assert reverse("notifications:preferences") == URL
    sign_in(client, w.nurse.user)
    response = client.get(URL, HTTP_ACCEPT_LANGUAGE="nl")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Wat Schakel je mailt" in page
    assert "Direct per e-mail" in page
    assert "In de dagelijkse e-mail" in page
    assert page.count('value="off"') == len(professional_kinds()) - len(SAFETY_KINDS)
    assert 'name="consent_withdrawn"' in page
    assert 'name="consent_requested"' not in page  # a portal kind


def test_saving_stores_the_choices_and_comes_back(client: Client, w: WebWorld) -> None:
    sign_in(client, w.nurse.user)
    choices = {**_all_defaults(), NotificationKind.CASE_CLOSED: "off",
               NotificationKind.MATCH: EmailDelivery.DIGEST.value}
    response = client.post(URL, choices)
    assert response.status_code == 302
    assert response["Location"] == URL
    assert list(NotificationPreference.objects.values_list("user", "kind", "delivery")) == [
        (w.nurse.user.pk, NotificationKind.CASE_CLOSED, "off")]
    page = client.get(URL).content.decode()
    assert 'name="case_closed" value="off" class="utrecht-radio-button' in page
    assert "Your choices have been saved." in page


def test_switching_off_a_safety_kind_is_refused_in_dutch(client: Client, w: WebWorld) -> None:
    sign_in(client, w.nurse.user)
    choices = {**_all_defaults(), NotificationKind.CONSENT_WITHDRAWN: "off",
               NotificationKind.CASE_CLOSED: "off"}
    response = client.post(URL, choices, HTTP_ACCEPT_LANGUAGE="nl")
    assert response.status_code == 200
    assert "Deze melding kun je niet uitzetten" in response.content.decode()
    assert not NotificationPreference.objects.exists()


def test_an_empty_form_changes_nothing(client: Client, w: WebWorld) -> None:
    sign_in(client, w.nurse.user)
    response = client.post(URL, {})
    assert response.status_code == 200
    assert "Choose how you want to receive this notification." in response.content.decode()
    assert not NotificationPreference.objects.exists()


def test_the_list_filtered_by_kind(client: Client, w: WebWorld) -> None:
    notify(w.nurse.user, "Betrokken")
    Notification.objects.create(recipient=w.nurse.user, kind=NotificationKind.MATCH,
                                message="Ook betrokken")
    sign_in(client, w.nurse.user)
    page = client.get(reverse("notifications:list"), {"soort": "match"}).content.decode()
    assert "Ook betrokken" in page
    assert "Betrokken</" not in page
    everything = client.get(reverse("notifications:list"), {"soort": "nonsense"})
    assert "Betrokken" in everything.content.decode()


def test_signed_out_goes_to_sign_in(client: Client, w: WebWorld) -> None:
    response = client.get(URL)
    assert response.status_code == 302
    assert "inloggen" in response["Location"] or "login" in response["Location"]
