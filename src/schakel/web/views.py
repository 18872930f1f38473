"""'My work' (the dashboard), the shared 404 page, the health check, and small helpers the
other apps' views use."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, TypeVar

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotFound
from django.shortcuts import render
from django.template import loader

from schakel.access import policy
from schakel.access.actor import actor_from_request
from schakel.accounts.models import User
from schakel.cases.selectors import agreements_for_owner, case_list_page, health_indicators
from schakel.notifications.selectors import notifications_for
from schakel.signals.selectors import new_signals_for_core_team

DASHBOARD_AGREEMENTS = 20
DASHBOARD_NOTIFICATIONS = 5
DASHBOARD_SIGNALS = 10


class _HasPk(Protocol):
    @property
    def pk(self) -> object: ...


T = TypeVar("T", bound=_HasPk)


def pick_or_404(items: Iterable[T], pk: int | None) -> T:
    """The item with this id among those the actor was offered; a tampered id is a 404."""
    for item in items:
        if pk is not None and item.pk == pk:
            return item
    raise Http404


def int_or_none(value: str | None) -> int | None:
    """An id from a query string, or None when it is missing or not a number."""
    if not value:
        return None
    try:
        return int(value)
    except ValueError:
        return None


def chosen_school(request: HttpRequest, schools: list[T]) -> T | None:
    """The school chosen in a form (POST) or a link (GET) among those offered; the only one
    when there is one; None when a choice is still to be made; 404 when tampered with."""
    raw = request.POST.get("school") if request.method == "POST" else request.GET.get("school")
    if raw in (None, ""):
        return schools[0] if len(schools) == 1 else None
    return pick_or_404(schools, int_or_none(raw))


def is_htmx(request: HttpRequest) -> bool:
    """Whether htmx asked for a fragment (the page itself works without it)."""
    return request.headers.get("HX-Request") == "true"


def signed_in_user(request: HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User):  # login_required has run before
        raise PermissionError("A signed-in user is required.")
    return user


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
        "agreements": list(agreements_for_owner(actor=actor)[:DASHBOARD_AGREEMENTS]),
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
