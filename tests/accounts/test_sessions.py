"""Sessions: timeouts (ASVS 7.3.1/7.3.2), cookie flags, and ending every session of a user
when the account is deactivated or its second factor reset (ASVS 7.4.2)."""

from __future__ import annotations

import time

import pytest
from django.core.management import CommandError, call_command
from django.http import Http404
from django.test import Client
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from schakel.access.actor import Actor
from schakel.accounts.models import User, UserSession
from schakel.accounts.services import recovery_codes_replace, second_factor_reset, user_deactivate
from schakel.accounts.signin import SEEN_AT, SIGNED_IN_AT
from schakel.audit.models import AccessEvent, Action, Outcome
from schakel.organisations.models import Professional
from tests.accounts.conftest import password_step
from tests.factories import UserFactory, actor_for
from tests.support import sign_in, totp_device


def actor_for_user_only(user: User) -> Actor:
    return Actor(user=user, professional=None)


def _age_session(client: Client, *, signed_in: float, seen: float) -> None:
    session = client.session
    now = time.time()
    session[SIGNED_IN_AT] = now - signed_in
    session[SEEN_AT] = now - seen
    session.save()


def test_idle_session_ends(client: Client, professional: Professional, settings):
    settings.SCHAKEL_SESSION_IDLE_TIMEOUT = 600
    sign_in(client, professional.user)
    _age_session(client, signed_in=700, seen=601)
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/account/inloggen/")
    assert "_auth_user_id" not in client.session


def test_active_session_stays_and_is_kept_alive(
    client: Client, professional: Professional, settings,
):
    settings.SCHAKEL_SESSION_IDLE_TIMEOUT = 600
    sign_in(client, professional.user)
    _age_session(client, signed_in=3000, seen=500)
    assert client.get("/").status_code == 200
    assert time.time() - client.session[SEEN_AT] < 5


def test_session_ends_after_the_absolute_timeout_however_active(
    client: Client, professional: Professional, settings,
):
    settings.SCHAKEL_SESSION_ABSOLUTE_TIMEOUT = 3600
    sign_in(client, professional.user)
    _age_session(client, signed_in=3601, seen=1)
    assert client.get("/").status_code == 302
    assert "_auth_user_id" not in client.session


def test_session_without_timestamps_gets_them(client: Client, professional: Professional):
    client.force_login(professional.user)
    client.get("/healthz")
    assert SIGNED_IN_AT in client.session


def test_cookie_flags(client: Client, professional: Professional):
    totp_device(professional.user)
    response = password_step(client)
    session_cookie = response.cookies["sessionid"]
    assert session_cookie["httponly"]
    assert session_cookie["samesite"] == "Lax"
    assert session_cookie["max-age"] == ""  # ends with the browser
    page = client.get("/account/inloggen/code/")
    csrf_cookie = page.cookies["csrftoken"]
    assert csrf_cookie["samesite"] == "Strict"
    assert csrf_cookie["httponly"]


def test_session_rows_know_their_user(client: Client, professional: Professional):
    sign_in(client, professional.user)
    assert UserSession.objects.get(session_key=client.session.session_key).user_id == (
        professional.user.pk)


def test_deactivation_ends_every_session_and_is_logged(professional: Professional):
    admin = UserFactory(is_superuser=True)
    first = sign_in(Client(), professional.user)
    second = sign_in(Client(), professional.user)
    assert first.get("/").status_code == 200
    ended = user_deactivate(actor=actor_for_user_only(admin), user=professional.user)
    assert ended == 2
    professional.user.refresh_from_db()
    assert not professional.user.is_active
    assert not UserSession.objects.filter(user_id=professional.user.pk).exists()
    for client in (first, second):
        assert client.get("/").status_code == 302
    event = AccessEvent.objects.get(event_code="account.deactivate")
    assert (event.action, event.outcome, event.object_id) == (
        Action.UPDATE, Outcome.SUCCESS, str(professional.user.pk))


def test_only_an_account_administrator_may_deactivate(professional: Professional):
    colleague = actor_for(professional)
    other = UserFactory()
    with pytest.raises(Http404):
        user_deactivate(actor=colleague, user=other)
    other.refresh_from_db()
    assert other.is_active
    assert AccessEvent.objects.get().outcome == Outcome.DENIED


def test_second_factor_reset_removes_devices_and_sessions(professional: Professional):
    admin = UserFactory(is_superuser=True)
    client = sign_in(Client(), professional.user)
    recovery_codes_replace(user=professional.user)
    second_factor_reset(actor=actor_for_user_only(admin), user=professional.user)
    assert not TOTPDevice.objects.filter(user=professional.user).exists()
    assert not StaticDevice.objects.filter(user=professional.user).exists()
    assert client.get("/").status_code == 302
    # At the next sign-in the professional enrols again.
    assert password_step(Client())["Location"] == "/account/inloggen/instellen/"


def test_commands_for_operators(professional: Professional, capsys):
    UserFactory(username="root", is_superuser=True)
    call_command("second_factor_reset", "anne", by="root")
    call_command("user_deactivate", "anne", by="root")
    professional.user.refresh_from_db()
    assert not professional.user.is_active
    assert "deactivated" in capsys.readouterr().out
    with pytest.raises(CommandError):
        call_command("user_deactivate", "root", by="anne")
