"""Session timeouts and the requirement of a verified second factor on every page."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import auth, messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django_htmx.http import HttpResponseClientRedirect

from schakel.accounts.signin import (
    SEEN_AT,
    SIGNED_IN_AT,
    is_portal_session,
    second_factor_verified,
    second_step_url,
    session_user,
)

# Besides the portal's own views (marked `portal_view`), what a portal session may reach.
PORTAL_SESSION_URL_NAMES = frozenset({
    "accounts:logout", "web:healthz", "web:readyz", "set_language"})

# Refresh the "last seen" time at most this often, so that a page view does not always write
# the session.
SEEN_RESOLUTION_SECONDS = 60


class SessionTimeoutMiddleware:
    """End a session after `SESSION_IDLE_TIMEOUT` seconds without a request, and in any case
    `SESSION_ABSOLUTE_TIMEOUT` seconds after signing in (ASVS 7.3.1, 7.3.2)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        session = request.session
        if auth.SESSION_KEY in session:
            now = time.time()
            signed_in_at = session.get(SIGNED_IN_AT)
            seen_at = session.get(SEEN_AT)
            if signed_in_at is None:
                session[SIGNED_IN_AT] = now
                session[SEEN_AT] = now
            elif (now - signed_in_at > settings.SCHAKEL_SESSION_ABSOLUTE_TIMEOUT
                  or now - (seen_at or signed_in_at) > settings.SCHAKEL_SESSION_IDLE_TIMEOUT):
                auth.logout(request)
                messages.info(request, _("Your session has ended. Please sign in again."))
            elif seen_at is None or now - seen_at >= SEEN_RESOLUTION_SECONDS:
                session[SEEN_AT] = now
        return self.get_response(request)


class SecondFactorRequiredMiddleware:
    """Every view needs a session verified with the second factor, except the views named in
    `SCHAKEL_PUBLIC_URL_NAMES`, views marked `@second_factor_exempt` and static files.
    Anonymous visitors go to the sign-in page; signed in with the password only, to the
    second step (or to enrolment when they have no authenticator yet).

    A parent's or young person's session (signed in through the portal) reaches the views
    marked `portal_view` only: every other page is missing for them (404)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: Callable[..., Any], view_args: tuple[Any, ...],
        view_kwargs: dict[str, Any],
    ) -> HttpResponse | None:
        match = request.resolver_match
        if is_portal_session(request):
            if (getattr(view_func, "portal_view", False)
                    or (match is not None and match.view_name in PORTAL_SESSION_URL_NAMES)
                    or (settings.STATIC_URL
                        and request.path_info.startswith(settings.STATIC_URL))):
                return None
            raise Http404
        if getattr(view_func, "second_factor_exempt", False):
            return None
        if match is not None and match.view_name in settings.SCHAKEL_PUBLIC_URL_NAMES:
            return None
        if settings.STATIC_URL and request.path_info.startswith(settings.STATIC_URL):
            return None
        if second_factor_verified(request):
            return None
        user = session_user(request)
        target = reverse(settings.LOGIN_URL) if user is None else second_step_url(user)
        if request.method == "GET":
            target = f"{target}?{urlencode({'next': request.get_full_path()})}"
        if request.headers.get("HX-Request") == "true":
            return HttpResponseClientRedirect(target)
        return HttpResponseRedirect(target)
