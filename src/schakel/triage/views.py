"""The triage inbox page: the new signals of the reader's schools (empty for anyone outside a
core team: the selector filters by the policy), and the triage form of one signal."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from schakel.access.actor import actor_from_request
from schakel.http.forms import apply_service_errors
from schakel.triage.forms import TriageForm
from schakel.triage.selectors import (
    core_team_members,
    signal_for_triage,
    signal_triage_of,
    triage_inbox,
    untouched_limit,
)
from schakel.triage.services import signal_triage_record

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


@login_required
@require_http_methods(["GET", "POST"])
def triage_signal_view(request: HttpRequest, signal_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    signal = signal_for_triage(actor=actor, signal_id=signal_id)
    triage = signal_triage_of(signal)
    initial = ({"assignee": triage.assignee_id, "urgency": triage.urgency,
                "for_next_meeting": triage.for_next_meeting} if triage is not None else {})
    form = TriageForm(request.POST if request.method == "POST" else None, initial=initial,
                      members=core_team_members(school_id=signal.school_id))
    if request.method == "POST" and form.is_valid():
        try:
            signal_triage_record(actor=actor, signal=signal, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The triage of the signal has been saved."))
            return redirect("triage:inbox")
    return render(request, "triage/signal.html", {
        "signal": signal, "triage": triage, "form": form})
