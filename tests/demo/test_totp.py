"""Demo professionals come with an authenticator whose code the demo can tell (DEBUG only)."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import translation
from django_otp.plugins.otp_totp.models import TOTPDevice

from schakel.demo.signins import signin_second_factor_line
from schakel.demo.totp import demo_totp_key
from schakel.organisations.models import Professional
from tests.accounts.conftest import password_step
from tests.factories import ProfessionalFactory, UserFactory

VERIFY = "/account/inloggen/code/"


@pytest.fixture
def demo_people(db: None) -> list[Professional]:
    return [ProfessionalFactory(user__username=f"{name}.demo") for name in ("ilse", "anne")]


def test_enrolment_is_idempotent_and_only_for_demo_professionals(
    demo_people: list[Professional], settings, capsys,
):
    settings.DEBUG = True
    UserFactory(username="admin.demo")  # not a professional
    ProfessionalFactory(user__username="real.person")
    call_command("demo_enroll_totp")
    call_command("demo_enroll_totp")
    devices = TOTPDevice.objects.filter(confirmed=True)
    assert sorted(d.user.username for d in devices) == ["anne.demo", "ilse.demo"]
    for device in devices:
        assert device.key == demo_totp_key(username=device.user.username)
    assert "demo_totp" in capsys.readouterr().out


def test_the_secret_depends_on_the_secret_key_and_the_username(settings):
    first = demo_totp_key(username="anne.demo")
    assert first != demo_totp_key(username="ilse.demo")
    settings.SECRET_KEY = "another-secret-key-for-this-test-only-0123456789"
    assert demo_totp_key(username="anne.demo") != first
    assert len(first) == 40


def test_refused_without_debug(demo_people: list[Professional], settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("demo_enroll_totp")
    assert not TOTPDevice.objects.exists()
    with pytest.raises(CommandError):
        call_command("demo_totp", "anne.demo")


def test_the_printed_code_signs_in(demo_people: list[Professional], settings, capsys):
    settings.DEBUG = True
    call_command("demo_enroll_totp", verbosity=0)
    call_command("demo_totp", "anne.demo")
    code = capsys.readouterr().out.strip()
    assert len(code) == 6
    assert code.isdigit()
    client = Client()
    password_step(client, username="anne.demo")
    response = client.post(VERIFY, {"code": code})
    assert response.status_code == 302
    assert client.get("/").status_code == 200


def test_demo_totp_for_an_unknown_user(db: None, settings):
    settings.DEBUG = True
    with pytest.raises(CommandError):
        call_command("demo_totp", "nobody.demo")


def test_the_demo_sign_in_table_can_say_how_to_get_codes():
    # In English: a request in an earlier test may have left Dutch (LANGUAGE_CODE) active.
    with translation.override("en"):
        assert "demo_totp <username>" in signin_second_factor_line()


def test_enrolment_speaks_the_language_of_make_run(
    demo_people: list[Professional], settings, capsys,
):
    """`make run` prints Dutch (LANGUAGE_CODE nl); this line was the one English one."""
    settings.DEBUG = True
    with translation.override("nl"):
        call_command("demo_enroll_totp")
        expected = signin_second_factor_line()
    out = capsys.readouterr().out
    assert out.strip() == f"2 demo-professionals hebben een authenticator. {expected}"
    assert "<gebruikersnaam>" in out
