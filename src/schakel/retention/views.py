"""Retention pages: rules, runs and destruction requests for the privacy officer (and the
coordinators of the children concerned), and the Verwijsindex answer of a case. Views parse
input, call a selector or service (which decide access: 404 otherwise) and render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from schakel.access import policy
from schakel.access.actor import actor_from_request
from schakel.http.forms import apply_service_errors
from schakel.retention.forms import (
    ChildSearchForm,
    DestructionCarryOutForm,
    DestructionDecideForm,
    DestructionRegisterForm,
    RuleForm,
    VerwijsindexForm,
)
from schakel.retention.models import DestructionStatus
from schakel.retention.selectors import (
    child_for_destruction_request,
    children_for_destruction_request,
    destruction_obstacles,
    destruction_request_get,
    destruction_requests,
    destruction_requests_overdue,
    retention_preview,
    retention_rule_get,
    retention_rules,
    retention_run_get,
    retention_runs,
    verwijsindex_status,
)
from schakel.retention.services import (
    destruction_request_carry_out,
    destruction_request_decide,
    destruction_request_register,
    requester_may_request,
    retention_rule_update,
    verwijsindex_record,
)


@login_required
def rules(request: HttpRequest) -> HttpResponse:
    actor = actor_from_request(request)
    return render(request, "retention/rules.html", {"rules": retention_rules(actor=actor)})


@login_required
def rule_edit(request: HttpRequest, rule_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    rule = retention_rule_get(actor=actor, rule_id=rule_id)
    initial = {"period_years": rule.period_years, "period_days": rule.period_days,
               "start_event": rule.start_event, "action": rule.action, "notes": rule.notes}
    form = RuleForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            retention_rule_update(actor=actor, rule=rule, **form.cleaned_data)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("The retention rule has been changed."))
            return redirect("retention:rules")
    return render(request, "retention/rule_edit.html", {"rule": rule, "form": form})


@login_required
def runs(request: HttpRequest) -> HttpResponse:
    actor = actor_from_request(request)
    return render(request, "retention/runs.html", {"runs": retention_runs(actor=actor)})


@login_required
def run_detail(request: HttpRequest, run_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    run = retention_run_get(actor=actor, run_id=run_id)
    return render(request, "retention/run_detail.html",
                  {"run": run, "actions": list(run.actions.all())})


@login_required
def preview(request: HttpRequest) -> HttpResponse:
    actor = actor_from_request(request)
    return render(request, "retention/preview.html", {"report": retention_preview(actor=actor)})


@login_required
def destruction_list(request: HttpRequest) -> HttpResponse:
    actor = actor_from_request(request)
    requests = destruction_requests(actor=actor)
    overdue = (destruction_requests_overdue(actor=actor)
               if policy.may_manage_retention(actor) else [])
    search = ChildSearchForm(request.GET or None)
    found = (children_for_destruction_request(actor=actor, **search.cleaned_data)
             if search.is_valid() else None)
    return render(request, "retention/destruction_list.html",
                  {"requests": requests, "overdue": overdue, "search": search, "found": found})


@login_required
def destruction_register(request: HttpRequest, child_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    child = child_for_destruction_request(actor=actor, child_id=child_id)
    form = DestructionRegisterForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            created = destruction_request_register(actor=actor, child=child, **form.cleaned_data)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("The request has been registered."))
            return redirect("retention:destruction_detail", request_id=created.pk)
    return render(request, "retention/destruction_register.html",
                  {"child": child, "form": form})


def _detail(request: HttpRequest, request_id: int, *, decide_form: DestructionDecideForm | None
            = None, carry_out_form: DestructionCarryOutForm | None = None) -> HttpResponse:
    actor = actor_from_request(request)
    destruction = destruction_request_get(actor=actor, request_id=request_id)
    return render(request, "retention/destruction_detail.html", {
        "destruction": destruction,
        "requester_entitled": requester_may_request(
            destruction.child, destruction.requester_relation, destruction.received_on),
        "can_decide": destruction.status == DestructionStatus.RECEIVED,
        "obstacles": destruction_obstacles(destruction.child),
        "can_carry_out": destruction.status == DestructionStatus.ASSESSED,
        "decide_form": decide_form or DestructionDecideForm(),
        "carry_out_form": carry_out_form or DestructionCarryOutForm(),
    })


@login_required
def destruction_detail(request: HttpRequest, request_id: int) -> HttpResponse:
    return _detail(request, request_id)


@login_required
@require_POST
def destruction_decide(request: HttpRequest, request_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    destruction = destruction_request_get(actor=actor, request_id=request_id)
    form = DestructionDecideForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            destruction_request_decide(
                actor=actor, request=destruction,
                grant=data["decision"] == DestructionDecideForm.GRANT,
                reason=data["reason"], refusal_ground=data["refusal_ground"])
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("The decision has been recorded."))
            return redirect("retention:destruction_detail", request_id=destruction.pk)
    return _detail(request, request_id, decide_form=form)


@login_required
@require_POST
def destruction_carry_out(request: HttpRequest, request_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    destruction = destruction_request_get(actor=actor, request_id=request_id)
    form = DestructionCarryOutForm(request.POST)
    if form.is_valid():
        try:
            destruction_request_carry_out(actor=actor, request=destruction)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("The child's case files have been destroyed."))
            return redirect("retention:destruction_detail", request_id=destruction.pk)
    return _detail(request, request_id, carry_out_form=form)


@login_required
def verwijsindex(request: HttpRequest, case_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    status = verwijsindex_status(actor=actor, case_id=case_id)
    form = VerwijsindexForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            verwijsindex_record(actor=actor, case=status.case, **form.cleaned_data)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("The Verwijsindex answer has been recorded."))
            return redirect("retention:verwijsindex", case_id=case_id)
    return render(request, "retention/verwijsindex.html", {"status": status, "form": form})
