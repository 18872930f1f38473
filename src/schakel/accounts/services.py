"""Changes to accounts: enrolling and checking the second factor, recovery codes, ending
sessions and deactivating accounts.

There is no password reset here, and none may be added that signs a user in or removes their
second factor (ASVS 6.4.3): a lost authenticator is reset by an account administrator
(`second_factor_reset`), after which the user enrols again at their next sign-in.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django_otp import verify_token
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.accounts.models import User, UserSession
from schakel.accounts.selectors import has_second_factor, totp_device_pending
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.writer import Subject, access_event_record
from schakel.transactions import service_transaction

TOTP_DEVICE_NAME = "Authenticator"
RECOVERY_DEVICE_NAME = "Recovery codes"
def normalise_code(code: str) -> str:
    """Codes are typed with spaces or dashes now and then; recovery codes are lower case."""
    return "".join(ch for ch in code if ch.isalnum()).lower()


# --- enrolment ---------------------------------------------------------------------------


def totp_enrolment_start(*, user: User) -> TOTPDevice:
    """The unconfirmed device whose secret the user scans; the same one on every reload."""
    if has_second_factor(user=user):
        raise ValidationError(_("You already have an authenticator app."))
    device = totp_device_pending(user=user)
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_DEVICE_NAME, confirmed=False)
    return device


def totp_enrolment_confirm(*, user: User, code: str) -> tuple[TOTPDevice, list[str]]:
    """Confirm the pending device with a first code; returns it with fresh recovery codes,
    which are shown once and then only kept in the database."""
    with service_transaction():
        device = (TOTPDevice.objects.select_for_update()
                  .filter(user=user, confirmed=False).order_by("-pk").first())
        if device is None or has_second_factor(user=user):
            raise ValidationError(_("Start the set-up again."))
        if not device.verify_token(normalise_code(code)):
            raise ValidationError(_("That code is not correct. Check the time on your phone "
                                    "and try the code that is shown now."))
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
        codes = _recovery_codes_new(user)
    return device, codes


def recovery_codes_replace(*, user: User) -> list[str]:
    """Ten new single-use recovery codes; the old ones stop working."""
    with service_transaction():
        return _recovery_codes_new(user)


def _recovery_codes_new(user: User) -> list[str]:
    """Inside the caller's service transaction."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True})
    StaticToken.objects.filter(device=device).delete()
    codes = [StaticToken.random_token() for _i in range(settings.SCHAKEL_RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
    return codes


# --- the second step of signing in -------------------------------------------------------


def second_factor_match(*, user: User, code: str) -> Device | None:
    """The device that accepts the code: a 6-digit code is checked against the authenticator,
    anything else against the recovery codes, each of which works once. Devices throttle
    repeated failures themselves (django-otp), the sign-in flow also counts them (axes)."""
    token = normalise_code(code)
    if not token:
        return None
    devices: Iterable[Device]
    if token.isdigit() and len(token) == 6:
        devices = TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk")
    else:
        devices = StaticDevice.objects.filter(user=user, confirmed=True).order_by("pk")
    for device in devices:
        matched: Device | None = verify_token(user, device.persistent_id, token)
        if matched is not None:
            return matched
    return None


# --- account administration --------------------------------------------------------------


def sessions_end(*, user: User) -> int:
    """End every session of the user, wherever they are signed in."""
    deleted, _per_model = UserSession.objects.filter(user_id=user.pk).delete()
    return deleted


def _account_subject(user: User) -> Subject:
    return Subject(object_type="accounts.user", object_id=str(user.pk), child_id=None)


def user_deactivate(*, actor: Actor, user: User) -> int:
    """Deactivate an account and end its sessions at once (ASVS 7.4.2). Returns the number of
    sessions ended."""
    decision = enforce(actor, policy.may_manage_account(actor),
                       event_code=EventCode.ACCOUNT_DEACTIVATE, action=Action.UPDATE,
                       subject=_account_subject(user))
    with service_transaction():
        User.objects.filter(pk=user.pk).update(is_active=False)
        user.is_active = False
        ended = sessions_end(user=user)
        access_event_record(actor=actor, event_code=EventCode.ACCOUNT_DEACTIVATE,
                            action=Action.UPDATE, subject=_account_subject(user),
                            ground=decision.log_ground)
    return ended


def second_factor_reset(*, actor: Actor, user: User) -> None:
    """Remove a user's authenticator and recovery codes (lost phone) and end their sessions;
    at their next sign-in with password they enrol a new authenticator."""
    decision = enforce(actor, policy.may_manage_account(actor),
                       event_code=EventCode.ACCOUNT_MFA_RESET, action=Action.UPDATE,
                       subject=_account_subject(user))
    with service_transaction():
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
        sessions_end(user=user)
        access_event_record(actor=actor, event_code=EventCode.ACCOUNT_MFA_RESET,
                            action=Action.UPDATE, subject=_account_subject(user),
                            ground=decision.log_ground)
