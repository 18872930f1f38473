"""Signals: the list, raising one (with a pupil search), the detail and triage by the core
team. Views parse input, resolve chosen ids within what the actor may choose (404 otherwise),
call the service and render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from schakel.access import policy
from schakel.access.actor import Actor, actor_from_request
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.writer import Subject
from schakel.children.models import Enrolment
from schakel.children.pupil_choice import (
    chosen_pupil,
    input_kept,
    pupil_query,
    pupil_results,
    search_requested,
)
from schakel.http.forms import apply_service_errors
from schakel.http.requests import chosen_school, int_or_none, pick_or_404
from schakel.organisations.selectors import school_classes
from schakel.signals.forms import (
    SchoolChoiceForm,
    SignalFilterForm,
    SignalRaiseForm,
    SignalStatusForm,
)
from schakel.signals.models import Signal, SignalLevel, SignalStatus
from schakel.signals.selectors import (
    active_themes,
    schools_for_raising,
    signal_get,
    signal_list_page,
)
from schakel.signals.services import signal_raise, signal_set_status


@login_required
def signal_list(request: HttpRequest) -> HttpResponse:
    actor = actor_from_request(request)
    filter_form = SignalFilterForm(request.GET or None)
    status = filter_form.cleaned_data["status"] if filter_form.is_valid() else None
    page = signal_list_page(actor=actor, page_number=request.GET.get("page"), status=status)
    return render(request, "signals/list.html", {"page": page, "filter_form": filter_form})


@login_required
@require_GET
def pupil_search(request: HttpRequest) -> HttpResponse:
    """The htmx fragment with matching pupils, as radio buttons named `child`; the pupil
    chosen before (`child`) stays offered and chosen. Fetched with GET only: without
    JavaScript the search posts the whole form to its own page instead."""
    actor = actor_from_request(request)
    school_id = int_or_none(request.GET.get("school"))
    query = pupil_query(request)
    if school_id is None:
        results, selected = [], None
    else:
        selected = chosen_pupil(actor, school_id, int_or_none(request.GET.get("child")))
        results = pupil_results(actor, school_id, query, selected)
    return render(request, "signals/partials/pupil_results.html", {
        "results": results, "query": query,
        "selected_child_id": selected.child_id if selected else None})


@login_required
def signal_raise_view(request: HttpRequest) -> HttpResponse:
    actor = actor_from_request(request)
    schools = list(schools_for_raising(actor=actor))
    school = chosen_school(request, schools)
    if school is None:
        return render(request, "signals/raise_school.html", {
            "schools": schools, "form": SchoolChoiceForm(schools=schools)})
    themes = list(active_themes())
    classes = list(school_classes(school_id=school.pk))
    selected: Enrolment | None = None
    if search_requested(request):
        # The search button without JavaScript: the form again, as filled in, with results.
        form = SignalRaiseForm(initial=input_kept(request), classes=classes, themes=themes)
        selected = chosen_pupil(actor, school.pk, int_or_none(request.POST.get("child")))
    elif request.method == "POST":
        form = SignalRaiseForm(request.POST, classes=classes, themes=themes)
        selected = chosen_pupil(actor, school.pk, int_or_none(request.POST.get("child")))
        if form.is_valid():
            data = form.cleaned_data
            school_class = (pick_or_404(classes, data["school_class"])
                            if data["school_class"] is not None else None)
            theme = pick_or_404(themes, data["theme"])
            try:
                signal = signal_raise(
                    actor=actor, level=SignalLevel(data["level"]), school=school, theme=theme,
                    description=data["description"], child=selected.child if selected else None,
                    school_class=school_class,
                    observed_outside_school=data["observed_outside_school"],
                )
            except ValidationError as error:
                apply_service_errors(form, error)
            else:
                messages.success(request, _("Your signal has been recorded."))
                return redirect("signals:detail", signal_id=signal.pk)
    else:
        form = SignalRaiseForm(initial={"school": school.pk}, classes=classes, themes=themes)
    query = pupil_query(request)
    return render(request, "signals/raise.html", {
        "form": form, "school": school, "several_schools": len(schools) > 1, "query": query,
        "results": pupil_results(actor, school.pk, query, selected),
        "selected_child_id": selected.child_id if selected else None,
    })


@login_required
def signal_detail(request: HttpRequest, signal_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    signal, _decision = signal_get(actor=actor, signal_id=signal_id)
    can_triage = bool(policy.may_triage_signal(actor, signal))
    context = {
        "signal": signal,
        "can_triage": can_triage,
        "can_open_case": can_triage and signal.level == SignalLevel.CHILD
        and signal.case_id is None and signal.status != SignalStatus.CLOSED,
        "child_readable": signal.child is not None
        and bool(policy.may_read_child(actor, signal.child)),
        "case_readable": signal.case_id is not None
        and bool(policy.readable_case_ids(actor, [signal.case_id])),
        "status_form": SignalStatusForm(current=signal.status) if can_triage else None,
    }
    return render(request, "signals/detail.html", context)


def _require_triage(actor: Actor, signal: Signal) -> None:
    enforce(actor, policy.may_triage_signal(actor, signal), event_code=EventCode.SIGNAL_STATUS,
            action=Action.UPDATE, subject=Subject.of(signal, signal.child_id))


@login_required
def signal_status(request: HttpRequest, signal_id: int) -> HttpResponse:
    """The core team changes a signal's status (discussed, collective action, closed)."""
    actor = actor_from_request(request)
    signal, _decision = signal_get(actor=actor, signal_id=signal_id)
    _require_triage(actor, signal)
    if request.method == "POST":
        form = SignalStatusForm(request.POST, current=signal.status)
        if form.is_valid():
            try:
                signal_set_status(
                    actor=actor, signal=signal, status=SignalStatus(form.cleaned_data["status"]),
                    collective_action=form.cleaned_data["collective_action"])
            except ValidationError as error:
                apply_service_errors(form, error)
            else:
                messages.success(request, _("The status of the signal has been changed."))
                return redirect("signals:detail", signal_id=signal.pk)
    else:
        form = SignalStatusForm(current=signal.status)
    return render(request, "signals/status.html", {"signal": signal, "form": form})
