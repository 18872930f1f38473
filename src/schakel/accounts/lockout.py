"""The page django-axes shows when a username + IP address is locked out."""

from __future__ import annotations

import math

from axes.helpers import get_cool_off
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


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
