"""The page django-axes shows when a username + IP address is locked out, and the attempts it
does not count."""

from __future__ import annotations

import math

from axes.helpers import get_cool_off
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None = None,
    credentials: dict[str, object] | None = None,
) -> HttpResponse:
    """`AXES_LOCKOUT_CALLABLE`: a plain page in the user's language, status 429."""
    cool_off = get_cool_off(request)
    minutes = math.ceil(cool_off.total_seconds() / 60) if cool_off else 0
    return render(request, "accounts/locked_out.html",
                  {"minutes": minutes, "failure_limit": settings.AXES_FAILURE_LIMIT},
                  status=429)


def organisation_sign_in(request: HttpRequest | None, credentials: dict[str, object] | None,
                         ) -> bool:
    """`AXES_WHITELIST_CALLABLE`: the way back from the organisation's identity provider is not
    counted. Its failures (an e-mail address unknown to Schakel, a refused or replayed answer)
    carry no username and guess no secret of Schakel's: counted, they would share one lock per
    IP address, and five of them would lock every colleague behind the school's address out of
    the organisation's sign-in. The lock of the professional it finds still holds there
    (`signin.sign_in_locked`), and wrong codes after it still count."""
    return (request is not None and not (credentials or {}).get("username")
            and request.path == reverse("accounts:oidc_callback"))
