"""Brute-force protection (ASVS 6.3.1): 5 failures of password or code lock the username from
that IP address for the cool-off period, with a clear message."""

from __future__ import annotations

import datetime as dt

from axes.models import AccessAttempt
from django.test import Client
from django.utils import timezone

from schakel.organisations.models import Professional
from tests.accounts.conftest import PASSWORD, password_step
from tests.factories import ProfessionalFactory
from tests.support import totp_code, totp_device

VERIFY = "/account/inloggen/code/"


def _wrong_code(professional: Professional) -> str:
    return f"{(int(totp_code(professional.user)) + 1) % 1_000_000:06d}"


def test_five_wrong_passwords_lock_out(client_ip: Client, professional: Professional):
    for _ in range(4):
        response = password_step(client_ip, password="not-the-password-1")
        assert response.status_code == 200
    response = password_step(client_ip, password="not-the-password-1")
    assert response.status_code == 429
    html = response.content.decode()
    assert "15" in html  # minutes
    assert 'role="alert"' in html
    # Now even the right password is refused.
    response = password_step(client_ip, password=PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client_ip.session


def test_lock_is_per_username_and_ip(client_ip: Client, professional: Professional):
    totp_device(professional.user)
    for _ in range(5):
        password_step(client_ip, password="not-the-password-1")
    # The same username from another address still works ...
    other_ip = Client(REMOTE_ADDR="192.0.2.99")
    assert password_step(other_ip)["Location"] == VERIFY
    # ... and so does another username from the locked address.
    colleague = ProfessionalFactory(user__username="bert")
    totp_device(colleague.user)
    assert password_step(Client(REMOTE_ADDR="192.0.2.44"), username="bert")["Location"] == VERIFY
    assert AccessAttempt.objects.get().username == "anne"


def test_fewer_failures_do_not_lock(client_ip: Client, professional: Professional):
    totp_device(professional.user)
    for _ in range(4):
        password_step(client_ip, password="not-the-password-1")
    assert password_step(client_ip)["Location"] == VERIFY


def test_lock_ends_after_the_cool_off(client_ip: Client, professional: Professional):
    totp_device(professional.user)
    for _ in range(5):
        password_step(client_ip, password="not-the-password-1")
    AccessAttempt.objects.update(attempt_time=timezone.now() - dt.timedelta(minutes=16))
    assert password_step(client_ip)["Location"] == VERIFY


def test_five_wrong_codes_lock_out_and_end_the_session(
    client_ip: Client, professional: Professional, settings,
):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    totp_device(professional.user)
    password_step(client_ip)
    for _ in range(4):
        response = client_ip.post(VERIFY, {"code": _wrong_code(professional)})
        assert response.status_code == 200
    response = client_ip.post(VERIFY, {"code": _wrong_code(professional)})
    assert response.status_code == 429
    assert "_auth_user_id" not in client_ip.session
    response = password_step(client_ip)
    assert response.status_code == 429


def test_passing_both_steps_clears_the_failures(
    client_ip: Client, professional: Professional, settings,
):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    totp_device(professional.user)
    for _ in range(3):
        password_step(client_ip, password="not-the-password-1")
    password_step(client_ip)
    assert AccessAttempt.objects.exists()  # the password alone does not clear them
    client_ip.post(VERIFY, {"code": totp_code(professional.user)})
    assert not AccessAttempt.objects.exists()


def test_failures_are_stored_without_the_secrets(client_ip: Client, professional: Professional):
    password_step(client_ip, password="not-the-password-1")
    attempt = AccessAttempt.objects.get()
    assert "not-the-password-1" not in attempt.post_data
