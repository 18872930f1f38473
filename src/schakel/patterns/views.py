"""The rode draad pages: the patterns of the reader's schools, and one pattern with its
escalation form (thin: the selectors and services decide)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from schakel.access.actor import actor_from_request
from schakel.http.forms import apply_service_errors
from schakel.patterns.detection import Scope, thresholds, window
from schakel.patterns.forms import EscalateForm, StatusForm
from schakel.patterns.selectors import pattern_get, patterns_for
from schakel.patterns.services import pattern_close, pattern_escalate, pattern_mark_discussed

SHOWS = ("open", "escalated", "closed", "all")


@login_required
@require_GET
def pattern_list_view(request: HttpRequest) -> HttpResponse:
    actor = actor_from_request(request)
    show = request.GET.get("show", "open")
    if show not in SHOWS:
        show = "open"
    limits = thresholds()
    return render(request, "patterns/list.html", {
        "patterns": patterns_for(actor=actor, status="" if show == "all" else show),
        "show": show, "class_threshold": limits[Scope.CLASS],
        "school_threshold": limits[Scope.SCHOOL], "window_weeks": window().days // 7})


@login_required
@require_http_methods(["GET", "POST"])
def pattern_detail_view(request: HttpRequest, pattern_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    page = pattern_get(actor=actor, pattern_id=pattern_id)
    form = EscalateForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            pattern_escalate(actor=actor, pattern=page.pattern, note=form.cleaned_data["note"])
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The pattern has been escalated to management."))
            return redirect("patterns:detail", pattern_id=pattern_id)
    return render(request, "patterns/detail.html", {"page": page, "form": form,
                                                    "status_form": StatusForm()})


@login_required
@require_POST
def pattern_status_view(request: HttpRequest, pattern_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    page = pattern_get(actor=actor, pattern_id=pattern_id)
    form = StatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose what happened to the pattern."))
        return redirect("patterns:detail", pattern_id=pattern_id)
    change = (pattern_mark_discussed if form.cleaned_data["action"] == "discussed"
              else pattern_close)
    try:
        change(actor=actor, pattern=page.pattern)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The status of the pattern has been saved."))
    return redirect("patterns:detail", pattern_id=pattern_id)
