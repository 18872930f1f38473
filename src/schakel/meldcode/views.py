"""Pages of the Meldcode route: starting one on a case, the route with its five steps (the
next one as a form), recording a step, and the list of the routes the reader may see."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from schakel.access import policy
from schakel.access.actor import Actor, actor_from_request
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.cases.selectors import case_get
from schakel.cases.views.action_flow import refusal
from schakel.http.forms import apply_service_errors
from schakel.meldcode.forms import DecisionStepForm, RouteStartForm, StepForm, step_form_class
from schakel.meldcode.models import MeldcodeRoute, RouteStep
from schakel.meldcode.selectors import (
    RoutePage,
    case_signals_for_route,
    meldcode_route_get,
    meldcode_routes_for,
    route_subject,
    veilig_thuis_organisations,
)
from schakel.meldcode.services import meldcode_route_start, meldcode_step_record
from schakel.meldcode.steps import QUESTION_FIELDS


def route_url(route: MeldcodeRoute, anchor: str = "") -> str:
    url = reverse("meldcode:detail", kwargs={"route_id": route.pk})
    return f"{url}#{anchor}" if anchor else url


@login_required
@require_GET
def route_list(request: HttpRequest) -> HttpResponse:
    routes = meldcode_routes_for(actor=actor_from_request(request))
    return render(request, "meldcode/list.html", {"routes": routes})


@login_required
def route_start(request: HttpRequest, case_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    case, read = case_get(actor=actor, case_id=case_id, content=False)
    refused = refusal(request, case, decide=policy.may_start_meldcode_route, actor=actor,
                      read=read, refused=_("Only those who work on the case start a Meldcode "
                                           "route on it."))
    if refused is not None:
        return refused
    form = RouteStartForm(request.POST if request.method == "POST" else None,
                          signals=case_signals_for_route(case=case))
    if request.method == "POST" and form.is_valid():
        try:
            route = meldcode_route_start(actor=actor, case=case,
                                         signal=form.cleaned_data["signal"])
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The Meldcode route has been started."))
            return redirect(route_url(route, "step-1"))
    return render(request, "meldcode/start.html", {"case": case, "form": form})


def _step_form(step: RouteStep, data: QueryDict | None) -> StepForm:
    form_class = step_form_class(step)
    initial = {"performed_on": timezone.localdate()}
    if form_class is DecisionStepForm:
        return DecisionStepForm(data, initial=initial,
                                organisations=veilig_thuis_organisations())
    return form_class(data, initial=initial)


def _render_route(request: HttpRequest, page: RoutePage, form: StepForm | None) -> HttpResponse:
    return render(request, "meldcode/detail.html", {
        "page": page, "route": page.route, "case": page.route.case, "form": form,
        "weighing_fields": QUESTION_FIELDS})


@login_required
@require_GET
def route_detail(request: HttpRequest, route_id: int) -> HttpResponse:
    page = meldcode_route_get(actor=actor_from_request(request), route_id=route_id)
    form = _step_form(page.next_step, None) if (
        page.may_record and page.next_step is not None) else None
    return _render_route(request, page, form)


def _perform(actor: Actor, route: MeldcodeRoute, step: RouteStep, form: StepForm) -> None:
    data = form.cleaned_data
    meldcode_step_record(
        actor=actor, route=route, step=step, performed_on=data["performed_on"],
        findings=data["findings"],
        veilig_thuis_consulted=data.get("veilig_thuis_consulted", False),
        answers={field: data[field] for field in QUESTION_FIELDS if field in data},
        help_organised=data.get("help_organised", False),
        reported=data.get("reported", False), veilig_thuis=data.get("veilig_thuis"),
        categories=data.get("categories", []))


@login_required
@require_POST
def step_record(request: HttpRequest, route_id: int, step: int) -> HttpResponse:
    actor = actor_from_request(request)
    page = meldcode_route_get(actor=actor, route_id=route_id)
    route = page.route
    if step not in RouteStep.values:
        enforce(actor, policy.DENY, event_code=EventCode.MELDCODE_STEP, action=Action.CREATE,
                subject=route_subject(route))
    form = _step_form(RouteStep(step), request.POST)
    if form.is_valid():
        try:
            _perform(actor, route, RouteStep(step), form)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The step has been recorded."))
            if step == RouteStep.DECISION:
                return redirect(route_url(route))
            return redirect(route_url(route, f"step-{step + 1}"))
    else:  # whoever may not record it gets the same 404 as with a valid form
        enforce(actor, policy.may_record_meldcode_step(actor, route),
                event_code=EventCode.MELDCODE_STEP, action=Action.CREATE,
                subject=route_subject(route))
    page = meldcode_route_get(actor=actor, route_id=route.pk)
    if page.next_step == step:
        return _render_route(request, page, form)
    # Out of order: the refusal at the top, the form of the step that is next below.
    for message in form.non_field_errors():
        messages.error(request, str(message))
    return _render_route(request, page, _step_form(page.next_step, None) if (
        page.may_record and page.next_step is not None) else None)
