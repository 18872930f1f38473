"""'My work' (the dashboard), the shared 404 page and the health check."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseNotFound
from django.shortcuts import render
from django.template import loader

from schakel.access import policy
from schakel.access.actor import actor_from_request
from schakel.cases.selectors import agreements_for_owner, case_list_page, health_indicators
from schakel.http.requests import signed_in_user
from schakel.notifications.selectors import notifications_for
from schakel.signals.selectors import new_signals_for_core_team

DASHBOARD_AGREEMENTS = 20
DASHBOARD_NOTIFICATIONS = 5
DASHBOARD_SIGNALS = 10


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """The same generic page for "missing" and "forbidden"."""
    return HttpResponseNotFound(loader.render_to_string("404.html", request=request))


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
    """Liveness check; also the trivial view the benchmark compares against."""
    return HttpResponse("ok", content_type="text/plain")
