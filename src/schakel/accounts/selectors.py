"""Reading sign-in state: second-factor devices and demo users."""

from __future__ import annotations

from django.db.models import QuerySet
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from schakel.accounts.models import User

DEMO_USERNAME_SUFFIX = ".demo"


def totp_device_confirmed(*, user: User) -> TOTPDevice | None:
    device: TOTPDevice | None = (
        TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first())
    return device


def totp_device_pending(*, user: User) -> TOTPDevice | None:
    """The device of an enrolment that has been started but not yet confirmed with a code."""
    device: TOTPDevice | None = (
        TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first())
    return device


def has_second_factor(*, user: User) -> bool:
    return bool(TOTPDevice.objects.filter(user=user, confirmed=True).exists())


def recovery_codes_left(*, user: User) -> int:
    return int(StaticToken.objects.filter(device__user=user, device__confirmed=True).count())


def demo_professional_users() -> QuerySet[User]:
    """The professionals of the demo world: their usernames end in `.demo`."""
    return User.objects.filter(
        username__endswith=DEMO_USERNAME_SUFFIX, professional__isnull=False, is_active=True,
    ).order_by("username")


def professional_users_by_email(*, email: str) -> QuerySet[User]:
    """Active users whose professional has this e-mail address (case-insensitive): how a
    sign-in through an organisation's identity provider finds its professional."""
    email = email.strip()
    if not email:
        return User.objects.none()
    return User.objects.filter(is_active=True, professional__email__iexact=email)
