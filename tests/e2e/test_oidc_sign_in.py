"""Signing in with the organisation in a real browser, against a real OpenID provider on
127.0.0.1 (`tests/accounts/oidc_provider.mjs`): the professional signs in at the provider, gives
Schakel's own code (the provider is not trusted with two factors, as in production by default)
and lands on the dashboard; an e-mail address Schakel does not know, or one the provider has
not verified, is refused with Schakel's Dutch message and creates nobody."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from schakel.accounts.models import User
from schakel.organisations.models import Professional
from tests.accounts.oidc_provider import (
    ANNE_EMAIL,
    PASSWORD,
    PIET_EMAIL,
    RunningProvider,
    configure_schakel,
    provider_running,
)
from tests.e2e.conftest import NewPage, assert_accessible
from tests.e2e.test_case_flow import t
from tests.factories import ProfessionalFactory
from tests.support import totp_code, totp_device

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

REFUSED = ("Signing in with your organisation did not succeed. Your e-mail address may not be "
           "known in Schakel; ask your functional administrator.")


@pytest.fixture
def provider(live_server: LiveServer, settings: Any) -> Iterator[RunningProvider]:
    with provider_running(
        redirect_uris=[live_server.url + reverse("accounts:oidc_callback")],
    ) as running:
        configure_schakel(settings, running)
        yield running


def at_the_provider(page: Page, server: LiveServer, provider: RunningProvider,
                    username: str) -> None:
    page.goto(server.url + reverse("accounts:login"))
    assert_accessible(page)
    page.get_by_role("link", name=t("Sign in with your organisation")).click()
    # The provider's own sign-in page, on its own origin.
    expect(page).to_have_url(re.compile(re.escape(provider.issuer + "/interaction/")))
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_signed_in_through_the_organisation_then_the_code(
    live_server: LiveServer, new_page: NewPage, provider: RunningProvider,
) -> None:
    anne: Professional = ProfessionalFactory(
        email=ANNE_EMAIL, full_name="Anne de Vries", user__first_name="Anne",
        user__last_name="de Vries")
    totp_device(anne.user)
    page = new_page()
    at_the_provider(page, live_server, provider, "anne")
    expect(page).to_have_url(live_server.url + reverse("accounts:verify"))
    assert_accessible(page)
    page.get_by_label(t("Code"), exact=True).fill(totp_code(anne.user))
    page.get_by_role("button", name=t("Sign in"), exact=True).click()
    expect(page).to_have_url(live_server.url + reverse("web:dashboard"))
    expect(page.locator(".who")).to_have_text("Anne de Vries")  # signed in as her
    assert_accessible(page)


@pytest.mark.parametrize("username", ["stranger", "piet"])
def test_refused_for_an_unknown_or_unverified_email(
    live_server: LiveServer, new_page: NewPage, provider: RunningProvider, username: str,
) -> None:
    ProfessionalFactory(email=PIET_EMAIL)  # known in Schakel; unverified at the provider
    users = User.objects.count()
    page = new_page()
    at_the_provider(page, live_server, provider, username)
    expect(page).to_have_url(live_server.url + reverse("accounts:login"))
    expect(page.get_by_text(t(REFUSED))).to_be_visible()
    assert t(REFUSED) != REFUSED  # the Dutch text, not the message id
    assert_accessible(page)
    page.goto(live_server.url + reverse("web:dashboard"))
    expect(page).to_have_url(f"{live_server.url}{reverse('accounts:login')}?next=%2F")
    assert User.objects.count() == users
