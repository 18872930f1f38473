"""Helpers shared by the tests."""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.db import transaction
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP, hotp
from django_otp.plugins.otp_totp.models import TOTPDevice

from schakel.accounts.models import User
from schakel.accounts.signin import SEEN_AT, SIGNED_IN_AT

TEST_DEVICE_NAME = "Test authenticator"


def totp_device(user: User) -> TOTPDevice:
    """The user's confirmed authenticator, created when missing."""
    device: TOTPDevice | None = (
        TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first())
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TEST_DEVICE_NAME, confirmed=True)
    return device


def totp_code(user: User) -> str:
    """A code the user's authenticator accepts now: the current one, or — when that one was
    used already (a code works once) — the next one, which the device also accepts."""
    device = totp_device(user)
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    while device.last_t + 1 > totp.t() + device.tolerance:  # pragma: no cover - rare
        time.sleep(0.2)
    step = max(totp.t(), device.last_t + 1)
    return f"{hotp(device.bin_key, step, digits=device.digits):0{device.digits}d}"


def sign_in(client: Client, user: User) -> Client:
    """Sign a user in the way the application requires of them (all tests use this one):
    with the password's session and a second factor verified the way django-otp records it."""
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = totp_device(user).persistent_id
    now = time.time()
    session[SIGNED_IN_AT] = now
    session[SEEN_AT] = now
    session.save()
    assert settings.SESSION_ENGINE == "schakel.accounts.sessions"
    return client


@contextmanager
def test_transaction() -> Iterator[None]:
    """A transaction around a whole test world, rolled back at its end, that counts as a test
    case's own transaction (as Django's TestCase marks it), so that services, whose transaction
    must be the outermost one (`schakel.transactions`), may run inside it."""
    atomic = transaction.atomic()
    atomic._from_testcase = True  # type: ignore[attr-defined]
    with atomic:
        yield
        transaction.set_rollback(True)


def poppler(tool: str, *args: str, stdin: bytes | None = None) -> bytes:
    """Run one of Debian's poppler tools (`pdftotext`, `pdftoppm`), installed by `make test`,
    on a PDF the test made."""
    path = shutil.which(tool)
    if path is None:
        raise FileNotFoundError(f"{tool} is missing: `make test` installs poppler-utils")
    return subprocess.run([path, *args], input=stdin, check=True,  # noqa: S603
                          capture_output=True).stdout


def pdf_text(pdf: bytes) -> str:
    """The text a PDF shows, page by page separated by form feeds."""
    return poppler("pdftotext", "-layout", "-", "-", stdin=pdf).decode()
