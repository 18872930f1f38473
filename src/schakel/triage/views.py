"""The triage inbox page: the new signals of the reader's schools (empty for anyone outside a
core team: the selector filters by the policy)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from schakel.access.actor import actor_from_request
from schakel.triage.selectors import triage_inbox, untouched_limit

SHOWS = ("all", "unassigned", "mine", "flagged")


@login_required
@require_GET
def triage_inbox_view(request: HttpRequest) -> HttpResponse:
    actor = actor_from_request(request)
    show = request.GET.get("show", "all")
    if show not in SHOWS:
        show = "all"
    entries = triage_inbox(actor=actor, show=show)
    return render(request, "triage/inbox.html", {
        "entries": entries, "show": show, "limit": untouched_limit()})
