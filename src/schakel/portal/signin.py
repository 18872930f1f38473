"""Signing in to the portal: parents and young people, separate from professionals.

A portal session is marked with `accounts.signin.PORTAL_SESSION`; the accounts middleware lets
such a session reach the views marked `portal_view` only, so a parent never sees a
professional page (404). The other way round, a professional's session carries no portal mark
and is sent to the portal's sign-in page; the portal refuses professionals' accounts (a
professional who is also a parent gets a separate portal account).

Here the sign-in is a username or e-mail address with a password, rate-limited by
django-axes exactly like the professionals' (username + IP address, `AXES_FAILURE_LIMIT`
failures, then the cool-off).

**DigiD (not implemented).** In production parents and young people sign in with DigiD
(level Substantieel) through a DigiD broker that speaks OpenID Connect (authorization code
flow with PKCE, NL GOV profile). The hook: a second OIDC client (its own `OIDC_*` settings,
e.g. `PORTAL_OIDC_RP_CLIENT_ID`), a callback view in this app that matches the broker's
pseudonymous subject (never the BSN, which Schakel does not store) to a portal account linked
beforehand by the school or the coordinator, and then calls `portal_signed_in` exactly as the
password form does. DigiD Substantieel counts as two factors, so no TOTP is asked.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar
from urllib.parse import urlencode

from axes.utils import reset as axes_reset
from django.contrib import auth
from django.http import HttpRequest, HttpResponseBase
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.accounts.decorators import second_factor_exempt
from schakel.accounts.models import User
from schakel.accounts.signin import PORTAL_SESSION, is_portal_session, session_times_start
from schakel.children.models import Child, Guardian
from schakel.organisations.models import Professional

PORTAL_PREFIX = "/portaal/"

V = TypeVar("V", bound=Callable[..., HttpResponseBase])


def is_portal_account(user: User) -> bool:
    """Linked to a parent or a young person, and not a professional's account."""
    if Professional.objects.filter(user=user).exists():
        return False
    return (Guardian.objects.filter(user=user).exists()
            or Child.objects.filter(user=user).exists())


def portal_next_url(request: HttpRequest, url: str | None) -> str:
    """A page of the portal on this site, or the portal's home page."""
    if url and url.startswith(PORTAL_PREFIX) and url_has_allowed_host_and_scheme(
            url, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return url
    return reverse("portal:home")


def portal_signed_in(request: HttpRequest, user: User, next_url: str | None) -> str:
    """Start a portal session (new session key), clear the failed attempts, return where to
    go next."""
    auth.login(request, user)
    session_times_start(request)
    request.session[PORTAL_SESSION] = str(user.pk)
    axes_reset(ip=request.META.get("REMOTE_ADDR"), username=user.get_username())
    return portal_next_url(request, next_url)


def portal_session_user(request: HttpRequest) -> User | None:
    """The parent or young person signed in through the portal, or None."""
    if not is_portal_session(request):
        return None
    user = request.user
    return user if isinstance(user, User) and user.is_active else None


def portal_actor(request: HttpRequest) -> Actor:
    """The `Actor` of a portal request, with the role the access log names ("ouder",
    "jongere")."""
    cached: Actor | None = getattr(request, "_schakel_portal_actor", None)
    if cached is not None:
        return cached
    user = portal_session_user(request)
    if user is None:
        raise PermissionError("A portal session is required.")
    ip_address = request.META.get("REMOTE_ADDR")
    person = policy.portal_person(Actor(user=user, professional=None, ip_address=ip_address))
    actor = Actor(user=user, professional=None, ip_address=ip_address,
                  role=person.role if person is not None else "")
    request._schakel_portal_actor = actor  # type: ignore[attr-defined]
    return actor


def portal_view(view: V) -> V:
    """A page of the portal: needs a portal session (otherwise the portal's sign-in page) and
    is the only kind of page a portal session reaches (see the accounts middleware)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if portal_session_user(request) is None:
            target = reverse("portal:login")
            if request.method == "GET":
                target = f"{target}?{urlencode({'next': request.get_full_path()})}"
            return redirect(target)
        return view(request, *args, **kwargs)

    wrapper.portal_view = True  # type: ignore[attr-defined]
    return second_factor_exempt(wrapper)  # type: ignore[return-value]


def portal_public(view: V) -> V:
    """A portal page without a session (sign-in, sign-out)."""
    view.portal_view = True  # type: ignore[attr-defined]
    return second_factor_exempt(view)

