"""Signing in: password, then the 6-digit code or a recovery code (ASVS 6.3.3)."""

from __future__ import annotations

import re
from base64 import b32decode

import pytest
from django.test import Client
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from schakel.accounts.services import recovery_codes_replace
from schakel.organisations.models import Professional
from tests.accounts.conftest import password_step
from tests.support import sign_in, totp_code, totp_device

VERIFY = "/account/inloggen/code/"
ENROL = "/account/inloggen/instellen/"


def _verified(client: Client) -> bool:
    return DEVICE_ID_SESSION_KEY in client.session


def test_password_alone_leads_to_the_code_step(client: Client, professional: Professional):
    totp_device(professional.user)
    response = password_step(client)
    assert response.status_code == 302
    assert response["Location"] == VERIFY
    assert "_auth_user_id" in client.session
    assert not _verified(client)
    # The dashboard is not reachable yet.
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith(VERIFY)


def test_wrong_password_is_refused_in_dutch(client: Client, professional: Professional):
    response = password_step(client, password="wrong-password-123")
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert response.context["form"].errors["__all__"]


def test_right_code_signs_in_and_goes_to_the_page_asked_for(
    client: Client, professional: Professional,
):
    totp_device(professional.user)
    password_step(client, next_url="/casussen/")
    key_before = client.session.session_key
    response = client.post(VERIFY, {"code": totp_code(professional.user)})
    assert response.status_code == 302
    assert response["Location"] == "/casussen/"
    assert _verified(client)
    assert client.session.session_key != key_before  # renewed at the privilege change
    assert client.get("/").status_code == 200


def test_wrong_code_is_refused(client: Client, professional: Professional):
    device = totp_device(professional.user)
    password_step(client)
    right = totp_code(professional.user)
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"
    response = client.post(VERIFY, {"code": wrong})
    assert response.status_code == 200
    assert not _verified(client)
    assert 'role="alert"' in response.content.decode()
    device.refresh_from_db()
    assert device.throttling_failure_count == 1
    assert client.get("/").status_code == 302


def test_a_code_works_only_once(client: Client, professional: Professional, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    device = totp_device(professional.user)
    password_step(client)
    code = totp_code(professional.user)
    assert client.post(VERIFY, {"code": code}).status_code == 302
    other = Client()
    password_step(other)
    response = other.post(VERIFY, {"code": code})
    device.refresh_from_db()
    assert response.status_code == 200
    assert not _verified(other)


def test_open_redirect_after_sign_in_is_refused(client: Client, professional: Professional):
    totp_device(professional.user)
    password_step(client, next_url="https://evil.example/steal")
    response = client.post(VERIFY, {"code": totp_code(professional.user)})
    assert response["Location"] == reverse("web:dashboard")


def test_recovery_code_signs_in_once(professional: Professional, settings):
    settings.OTP_STATIC_THROTTLE_FACTOR = 0
    totp_device(professional.user)
    codes = recovery_codes_replace(user=professional.user)
    assert len(codes) == 10
    assert len(set(codes)) == 10
    first = Client()
    password_step(first)
    response = first.post(VERIFY, {"code": codes[0].upper()}, follow=True)
    assert _verified(first)
    assert "9" in response.content.decode()  # "9 codes left"
    assert StaticToken.objects.filter(device__user=professional.user).count() == 9
    second = Client()
    password_step(second)
    second.post(VERIFY, {"code": codes[0]})
    assert not _verified(second)
    second.post(VERIFY, {"code": codes[1]})
    assert _verified(second)


def test_new_recovery_codes_replace_the_old(professional: Professional):
    old = recovery_codes_replace(user=professional.user)
    new = recovery_codes_replace(user=professional.user)
    stored = set(StaticToken.objects.filter(device__user=professional.user)
                 .values_list("token", flat=True))
    assert stored == set(new)
    assert not stored & set(old)


def test_recovery_code_page_needs_a_verified_session_and_shows_new_codes(
    client: Client, professional: Professional,
):
    password_step(client)
    assert client.get("/account/herstelcodes/").status_code == 302
    sign_in(client, professional.user)
    assert client.get("/account/herstelcodes/").status_code == 200
    response = client.post("/account/herstelcodes/")
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", response.content.decode())
    assert len(codes) == 10
    assert set(codes) == set(StaticToken.objects.filter(device__user=professional.user)
                             .values_list("token", flat=True))


# --- enrolment ---------------------------------------------------------------------------


def _secret_from(html: str) -> bytes:
    match = re.search(r'<code id="totp-secret">([A-Z2-7 ]+)</code>', html)
    assert match is not None
    secret = match.group(1).replace(" ", "")
    return b32decode(secret + "=" * (-len(secret) % 8))


def test_enrolment_for_a_professional_without_a_device(
    client: Client, professional: Professional,
):
    response = password_step(client, next_url="/signalen/")
    assert response["Location"] == ENROL
    page = client.get(ENROL)
    html = page.content.decode()
    assert page.status_code == 200
    assert "<svg " in html
    assert 'role="img"' in html
    key = _secret_from(html)
    # Reloading shows the same secret: one pending device.
    assert _secret_from(client.get(ENROL).content.decode()) == key
    assert TOTPDevice.objects.filter(user=professional.user).count() == 1
    code = f"{TOTP(key).token():06d}"
    response = client.post(ENROL, {"code": code})
    assert response.status_code == 200
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", response.content.decode())
    assert len(codes) == 10
    assert _verified(client)
    assert 'href="/signalen/"' in response.content.decode()
    device = TOTPDevice.objects.get(user=professional.user)
    assert device.confirmed
    # Shown once: afterwards enrolment is closed, and no page lists the codes again.
    assert client.get(ENROL)["Location"] == VERIFY
    assert not set(codes) & set(re.findall(
        r"[a-z2-7]{8}", client.get("/account/herstelcodes/").content.decode()))


def test_enrolment_refuses_a_wrong_code(client: Client, professional: Professional):
    password_step(client)
    key = _secret_from(client.get(ENROL).content.decode())
    right = TOTP(key).token()
    response = client.post(ENROL, {"code": f"{(right + 1) % 1_000_000:06d}"})
    assert response.status_code == 200
    assert not _verified(client)
    assert not TOTPDevice.objects.filter(user=professional.user, confirmed=True).exists()


def test_enrolment_is_not_a_way_around_an_existing_device(
    client: Client, professional: Professional,
):
    """With only the password, a user who has an authenticator cannot add another."""
    totp_device(professional.user)
    password_step(client)
    response = client.get(ENROL)
    assert response.status_code == 302
    assert response["Location"] == VERIFY
    response = client.post(ENROL, {"code": "123456"})
    assert response["Location"] == VERIFY
    assert TOTPDevice.objects.filter(user=professional.user).count() == 1


@pytest.mark.parametrize("path", [VERIFY, ENROL])
def test_second_step_pages_need_the_password_first(client: Client, db: None, path: str):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/account/inloggen/")


def test_sign_in_page_offers_no_password_reset(client: Client, db: None):
    html = client.get("/account/inloggen/").content.decode()
    assert "password_reset" not in html
    assert "wachtwoord-vergeten" not in html
    with pytest.raises(Exception):  # noqa: B017, PT011 - no such URL name at all
        reverse("password_reset")


def test_sign_out_ends_the_session(client: Client, professional: Professional):
    sign_in(client, professional.user)
    response = client.post("/account/uitloggen/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
    assert client.get("/").status_code == 302


def test_support_sign_in_gives_a_verified_session_and_codes_work_twice(
    professional: Professional,
):
    client = sign_in(Client(), professional.user)
    assert client.get("/").status_code == 200
    for _ in range(2):
        other = Client()
        password_step(other)
        other.post(VERIFY, {"code": totp_code(professional.user)})
        assert _verified(other)
