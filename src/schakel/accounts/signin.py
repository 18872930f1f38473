"""The sign-in flow on the request: password, then the second factor, then the page asked for.

A session is *verified* when django-otp has recorded the device that accepted a code
(`otp_device_id` in the session), or — only if `OIDC_PROVIDES_SECOND_FACTOR` is on — when
the user signed in through the organisation's identity provider. Everything except the pages
in `SCHAKEL_PUBLIC_URL_NAMES` requires a verified session (see `middleware`).
"""

from __future__ import annotations

import time

import django_otp
from axes.handlers.proxy import AxesProxyHandler
from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib import auth
from django.contrib.auth.signals import user_login_failed
from django.http import HttpRequest
from django.middleware.csrf import rotate_token
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp.models import Device

from schakel.accounts.models import User
from schakel.accounts.selectors import has_second_factor

SIGNED_IN_AT = "schakel_signed_in_at"
SEEN_AT = "schakel_seen_at"
NEXT_URL = "schakel_next"
IDP_SECOND_FACTOR = "schakel_idp_second_factor"
# A parent's or young person's session, signed in through the portal (`schakel.portal`): the
# user's id. Such a session reaches the portal's views only (see `middleware`).
PORTAL_SESSION = "schakel_portal"


def session_user(request: HttpRequest) -> User | None:
    """The signed-in user (with or without the second factor), or None."""
    user = getattr(request, "user", None)
    if isinstance(user, User) and user.is_authenticated:
        return user
    return None


def is_portal_session(request: HttpRequest) -> bool:
    """Signed in through the portal, not as a professional."""
    user = session_user(request)
    return user is not None and request.session.get(PORTAL_SESSION) == str(user.pk)


def second_factor_verified(request: HttpRequest) -> bool:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    is_verified = getattr(user, "is_verified", None)
    if is_verified is not None and is_verified():
        return True
    return bool(settings.SCHAKEL_OIDC_PROVIDES_SECOND_FACTOR
                and request.session.get(IDP_SECOND_FACTOR) == str(user.pk))


def safe_next_url(request: HttpRequest, url: str | None) -> str:
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure(),
    ):
        return url
    return reverse(settings.LOGIN_REDIRECT_URL)


def session_times_start(request: HttpRequest) -> None:
    now = time.time()
    request.session[SIGNED_IN_AT] = now
    request.session[SEEN_AT] = now


def second_step_url(user: User) -> str:
    """Where a user signed in with the first factor only goes next."""
    if has_second_factor(user=user):
        return reverse("accounts:verify")
    return reverse("accounts:enrol")


def first_factor_passed(request: HttpRequest, user: User, next_url: str | None) -> str:
    """After the password (or the organisation's sign-in): a session that still needs the
    second factor. Returns the URL of the next step."""
    auth.login(request, user)
    session_times_start(request)
    request.session[NEXT_URL] = safe_next_url(request, next_url)
    return second_step_url(user)


def idp_second_factor_passed(request: HttpRequest, user: User) -> None:
    """The organisation's identity provider vouches for two factors (configured)."""
    if settings.SCHAKEL_OIDC_PROVIDES_SECOND_FACTOR:
        request.session[IDP_SECOND_FACTOR] = str(user.pk)


def second_factor_passed(request: HttpRequest, user: User, device: Device) -> str:
    """Mark the session verified the way django-otp does, renew the session key and CSRF token
    (privilege change), clear the failed attempts and return the page asked for."""
    django_otp.login(request, device)
    request.session.cycle_key()
    rotate_token(request)
    axes_reset(ip=request.META.get("REMOTE_ADDR"), username=user.get_username())
    return pending_next_url(request)


def pending_next_url(request: HttpRequest) -> str:
    return safe_next_url(request, request.session.pop(NEXT_URL, None))


def sign_in_locked(request: HttpRequest, user: User) -> bool:
    """Whether the user is locked out from this address (wrong passwords or codes), for a first
    factor that django-axes does not see: the organisation's sign-in. The lock-out page then
    follows (`AxesMiddleware`)."""
    if AxesProxyHandler.is_locked(request, {"username": user.get_username()}):
        request.axes_locked_out = True  # type: ignore[attr-defined]
        return True
    return False


def second_factor_failed(request: HttpRequest, user: User) -> bool:
    """Count a wrong code like a wrong password (django-axes, username + IP). Returns True when
    this locked the account out; the session then ends and axes shows the lock-out page."""
    user_login_failed.send(
        sender=__name__, credentials={"username": user.get_username()}, request=request)
    locked = bool(getattr(request, "axes_locked_out", False)) or AxesProxyHandler.is_locked(
        request, {"username": user.get_username()})
    if locked:
        auth.logout(request)
        request.axes_locked_out = True  # type: ignore[attr-defined]
    return locked
