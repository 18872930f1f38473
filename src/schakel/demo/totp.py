"""The demo world's authenticators: a TOTP secret derived from SECRET_KEY and the username, so
that `manage.py demo_totp <username>` can tell anyone the current code. Only in the demo
(DEBUG=True); the demo app is not installed in production."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from schakel.accounts.models import User

DEMO_DEVICE_NAME = "Demo authenticator"


class DemoOnlyError(RuntimeError):
    """Raised when a demo-only operation is asked for outside DEBUG."""


def demo_totp_key(*, username: str) -> str:
    """A TOTP secret derived from SECRET_KEY and the username (hex, 20 bytes), so that the demo
    can tell anyone the current code. Only ever used when DEBUG is on."""
    digest = hmac.new(settings.SECRET_KEY.encode(), f"schakel.demo-totp:{username}".encode(),
                      hashlib.sha256).hexdigest()
    return digest[:40]


def _demo_only() -> None:
    if not settings.DEBUG:
        raise DemoOnlyError("Demo authenticators exist only in the demo (DEBUG=True).")


def demo_totp_enrol(*, users: Iterable[User]) -> int:
    """Give each demo professional a confirmed authenticator with a derived secret.
    Idempotent; refuses outside DEBUG."""
    _demo_only()
    count = 0
    with transaction.atomic():
        for user in users:
            TOTPDevice.objects.update_or_create(
                user=user, name=DEMO_DEVICE_NAME,
                defaults={"key": demo_totp_key(username=user.username), "confirmed": True})
            count += 1
    return count


def demo_totp_device(*, user: User) -> TOTPDevice:
    """The demo authenticator of a demo user; refuses outside DEBUG."""
    _demo_only()
    device: TOTPDevice = TOTPDevice.objects.get(user=user, name=DEMO_DEVICE_NAME)
    return device
