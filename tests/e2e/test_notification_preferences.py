"""The IB'er in a real browser: her overdue agreement is in her notifications (the demo ran
the reminder job), and from there she chooses what Schakel e-mails her; a safety-relevant
kind offers no "off"."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect
from pytest_django.live_server_helper import LiveServer

from schakel.notifications.models import EmailDelivery, NotificationKind, NotificationPreference
from tests.e2e.conftest import NewPage
from tests.e2e.test_case_flow import Demo, demo, sign_in, t

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

__all__ = ["demo"]  # the fixture, used by name below


def test_the_ib_er_sees_her_reminder_and_chooses_her_e_mail(
    live_server: LiveServer, new_page: NewPage, demo: Demo,
) -> None:
    page = new_page()
    sign_in(page, live_server, demo.ib.user)
    page.get_by_role("navigation").get_by_role(
        "link", name=re.compile(rf"^{t('Notifications')}")).click()
    expect(page).to_have_url(live_server.url + reverse("notifications:list"))
    expect(page.get_by_text(re.compile("is verlopen"))).to_be_visible()

    page.get_by_role("link", name=t("What Schakel e-mails you")).click()
    expect(page).to_have_url(live_server.url + reverse("notifications:preferences"))
    closed = page.get_by_role("group", name=t("Case closed"), exact=True)
    closed.get_by_label(t("No e-mail (only in Schakel)")).check()
    withdrawn = page.get_by_role("group", name=re.compile(rf"^{t('Consent withdrawn')}"))
    expect(withdrawn.get_by_label(t("No e-mail (only in Schakel)"))).to_have_count(0)
    withdrawn.get_by_label(t("In the daily e-mail")).check()
    page.get_by_role("button", name=t("Save"), exact=True).click()

    expect(page.get_by_text(t("Your choices have been saved."))).to_be_visible()
    assert dict(NotificationPreference.objects.filter(user=demo.ib.user).values_list(
        "kind", "delivery")) == {NotificationKind.CASE_CLOSED: EmailDelivery.OFF,
                                 NotificationKind.CONSENT_WITHDRAWN: EmailDelivery.DIGEST}
