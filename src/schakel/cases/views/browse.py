"""The list of my cases and the case page."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from schakel.access import policy
from schakel.access.actor import actor_from_request
from schakel.cases.forms import (
    CaseFilterForm,
    PlanStepForm,
)
from schakel.cases.models import AgreementStatus, Case, PlanStepEntry
from schakel.cases.panels import CASE_NOTICES, CASE_SECTIONS, CasePage
from schakel.cases.selectors import (
    case_awaiting_consent_get,
    case_get,
    case_list_page,
    health_indicators,
    involvements_awaiting_consent,
    plan_steps,
)
from schakel.organisations.models import Professional


@login_required
def case_list(request: HttpRequest) -> HttpResponse:
    actor = actor_from_request(request)
    filter_form = CaseFilterForm(request.GET or None)
    include_closed = filter_form.is_valid() and filter_form.cleaned_data["closed"]
    page = case_list_page(actor=actor, page_number=request.GET.get("page"),
                          include_closed=include_closed)
    return render(request, "cases/list.html", {
        "page": page, "filter_form": filter_form,
        "rows": [(case, health_indicators(case)) for case in page.object_list],
    })


def active_professionals(case: Case) -> list[Professional]:
    """The professionals currently involved, from the prefetched involvements."""
    today = timezone.localdate()
    return [inv.professional for inv in case.involvements.all() if inv.is_active_on(today)]


@login_required
def case_detail(request: HttpRequest, case_id: int) -> HttpResponse:
    """Everything about one case on one page, in sections. A closed case is read-only: no
    form is shown."""
    actor = actor_from_request(request)
    try:
        case, read = case_get(actor=actor, case_id=case_id)
    except Http404:
        # Involved, but the organisation has no consent or ground yet: say so, show nothing.
        waiting = case_awaiting_consent_get(actor=actor, case_id=case_id)
        return render(request, "cases/awaiting_consent.html", {"page": waiting})
    can_contribute = bool(policy.may_contribute_to_case(actor, case, read=read))
    can_steer = can_contribute and bool(policy.may_steer_case(actor, case, read=read))
    can_appoint = can_contribute and bool(policy.may_appoint_coordinator(actor, case, read=read))
    steps = plan_steps(case)
    involvements = list(case.involvements.all())
    agreements = list(case.agreements.all())
    context: dict[str, object] = {
        "case": case,
        "emergency": read.ground == policy.Ground.EMERGENCY,
        "health": health_indicators(case),
        "can_contribute": can_contribute,
        "can_steer": can_steer,
        "can_appoint": can_appoint,
        "family_children": list(case.family.children.all()) if case.family else [],
        # Each row's form arrives when it is opened (`action_on_demand.html`).
        "involvements": [
            (inv, can_contribute and getattr(inv, "is_active", False)) for inv in involvements],
        "consultations": list(case.consultations.all()),
        "steps": steps,
        "agreements": agreements,
        "interventions": list(case.interventions.all()),
        "advice": list(case.classroom_advice.all()),
        "escalations": list(case.escalations.all()),
        "signals": list(case.signals.all()),
        "open_agreement_status": AgreementStatus.OPEN,
        "awaiting_consent": involvements_awaiting_consent(reader=actor, case=case)
        if can_contribute else [],
    }
    page = CasePage(case=case, read=read, can_contribute=can_contribute)
    context["notices"] = CASE_NOTICES.panels(actor, page)
    context["sections"] = CASE_SECTIONS.panels(actor, page)
    return render(request, "cases/detail.html", context)


def step_initial(entry: PlanStepEntry | None) -> dict[str, object]:
    """A new version starts from the current one."""
    if entry is None:
        return {}
    return {
        "content": entry.content, "is_provisional": entry.is_provisional,
        "consensus": PlanStepForm.initial_for(entry.consensus), "dissent": entry.dissent,
    }
