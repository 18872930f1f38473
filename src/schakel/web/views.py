"""'My work' (the dashboard), the error pages and the health checks."""

from __future__ import annotations

import sys

from django.contrib.auth.decorators import login_required
from django.db import InterfaceError, OperationalError
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseForbidden,
    HttpResponseNotFound,
    HttpResponseServerError,
)
from django.shortcuts import render
from django.template import loader

from schakel.access import policy
from schakel.access.actor import actor_from_request
from schakel.cases.selectors import agreements_for_owner, case_list_page, health_indicators
from schakel.http.requests import signed_in_user
from schakel.notifications.selectors import notifications_for
from schakel.signals.selectors import new_signals_for_core_team
from schakel.web.health import readiness_problems

DASHBOARD_AGREEMENTS = 20
DASHBOARD_NOTIFICATIONS = 5
DASHBOARD_SIGNALS = 10

# The errors of a database that cannot be reached (down, restarting, failing over, out of
# connections): an outage, answered with 503 and this Retry-After, not with a 500.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """The same generic page for "missing" and "forbidden"."""
    return HttpResponseNotFound(
        loader.render_to_string("404.html", {"error_page": True}, request=request))


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """`handler403`. Access decisions answer 404 (`not_found`); this is for the rest, such as
    an identity provider's sign-in of someone who is not a professional here."""
    return HttpResponseForbidden(
        loader.render_to_string("403.html", {"error_page": True}, request=request))


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """`handler400`, rendered without the request: Django may refuse to read it (a host that
    is not allowed, a malformed body)."""
    return HttpResponseBadRequest(loader.render_to_string("400.html"))


def server_error(request: HttpRequest) -> HttpResponse:
    """`handler500`, rendered without the request's context processors and without the
    database. Django calls it while it handles the exception, also one raised by a middleware
    (reading the session, the user): an unreachable database there is an outage (503)."""
    if isinstance(sys.exc_info()[1], DATABASE_UNAVAILABLE):
        return service_unavailable(request)
    return HttpResponseServerError(loader.render_to_string("500.html"))


def service_unavailable(request: HttpRequest) -> HttpResponse:
    """The database cannot be reached: a static page (no request context, no database) with
    Retry-After. The next request connects again (`CONN_HEALTH_CHECKS`), so the application
    recovers by itself once the database is back."""
    response = HttpResponse(loader.render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """My work: my cases with their health, my open agreements, unread notifications and,
    for core-team members, the new signals of their school(s)."""
    actor = actor_from_request(request)
    cases = case_list_page(actor=actor, page_number=1)
    context = {
        "cases": [(case, health_indicators(case)) for case in cases.object_list],
        "more_cases": cases.has_next(),
        "agreements": agreements_for_owner(actor=actor, limit=DASHBOARD_AGREEMENTS),
        "notifications": list(
            notifications_for(user=signed_in_user(request), unread_only=True)[
                :DASHBOARD_NOTIFICATIONS]),
        "is_core_team": bool(policy.core_team_school_ids(actor)),
        "new_signals": new_signals_for_core_team(actor=actor, limit=DASHBOARD_SIGNALS),
    }
    return render(request, "web/dashboard.html", context)


def healthz(request: HttpRequest) -> HttpResponse:
    """Liveness check (no database); also the trivial view the benchmark compares against."""
    return HttpResponse("ok", content_type="text/plain")


def readyz(request: HttpRequest) -> HttpResponse:
    """Readiness check (`web.health`): "ok", or 503 with what failed, one line each."""
    problems = readiness_problems()
    if problems:
        response = HttpResponse("\n".join(problems) + "\n", content_type="text/plain",
                                status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return HttpResponse("ok", content_type="text/plain")
