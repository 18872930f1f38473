"""Consent pages: the sharing check "Mag ik dit delen?" and a child's consents.

Thin: the child comes from `consent.selectors.consent_child_get` (404 outside one's rights), the
answers from `consent.selectors`, every change from `consent.services`.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from schakel.access.actor import Actor, actor_from_request
from schakel.children.models import Child
from schakel.consent import selectors, services
from schakel.consent.forms import (
    ConsentRecordForm,
    ConsentWithdrawForm,
    LegalGroundEndForm,
    LegalGroundRecordForm,
    SharingCheckForm,
)
from schakel.consent.models import ConsentMethod, InformationCategory, LegalGroundKind
from schakel.http.forms import SchakelForm, apply_service_errors


@login_required
@require_GET
def check(request: HttpRequest) -> HttpResponse:
    """"Mag ik dit delen?" for a child (`?child_id=`, from the child's page), or first the
    choice of the child by name among those the user may see."""
    actor = actor_from_request(request)
    raw_child_id = request.GET.get("child_id", "")
    if not raw_child_id:
        query = request.GET.get("q", "").strip()
        return render(request, "consent/check_pick.html", {
            "query": query,
            "children": selectors.children_for_sharing_check(actor=actor, query=query)})
    try:
        child_id = int(raw_child_id)
    except ValueError:
        raise Http404 from None
    child = selectors.consent_child_get(actor=actor, child_id=child_id)
    bound = "organisation" in request.GET or "category" in request.GET
    form = SharingCheckForm(request.GET if bound else None, initial={"child_id": child.pk})
    answer = None
    if bound and form.is_valid():
        answer = selectors.sharing_check(
            actor=actor, child=child, recipient=form.cleaned_data["organisation"],
            category=InformationCategory(form.cleaned_data["category"]))
    return render(request, "consent/check.html",
                  {"child": child, "form": form, "answer": answer})


def _child_page(
    request: HttpRequest, actor: Actor, child: Child, **forms: SchakelForm,
) -> HttpResponse:
    overview = selectors.consent_overview(actor=actor, child=child)
    context = {
        "overview": overview,
        "child": child,
        "record_form": forms.get("record_form") or ConsentRecordForm(child=child),
        "withdraw_form": ConsentWithdrawForm(child=child),
        "ground_form": forms.get("ground_form") or LegalGroundRecordForm(),
        "ground_end_form": LegalGroundEndForm(),
    }
    return render(request, "consent/child.html", context)


@login_required
@require_GET
def child_consents(request: HttpRequest, child_id: int) -> HttpResponse:
    """A child's consents, legal grounds and measures; forms for those who may manage them."""
    actor = actor_from_request(request)
    child = selectors.consent_child_get(actor=actor, child_id=child_id)
    return _child_page(request, actor, child)


@login_required
@require_POST
def record(request: HttpRequest, child_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    child = selectors.consent_child_get(actor=actor, child_id=child_id)
    form = ConsentRecordForm(request.POST, child=child)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.consent_record(
                actor=actor, child=child, organisation=data["organisation"],
                category=InformationCategory(data["category"]), purpose=data["purpose"],
                method=ConsentMethod(data["method"]), given_at=data["given_at"],
                valid_until=data["valid_until"], guardians=list(data["guardians"]),
                young_person=data["young_person"], voogd=data.get("voogd", False),
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The consent has been recorded."))
            return redirect("consent:child", child_id=child.pk)
    return _child_page(request, actor, child, record_form=form)


@login_required
@require_POST
def withdraw(request: HttpRequest, child_id: int, consent_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    child = selectors.consent_child_get(actor=actor, child_id=child_id)
    form = ConsentWithdrawForm(request.POST, child=child)
    if not form.is_valid():
        messages.error(request, _("Say who withdraws the consent, and confirm the withdrawal."))
        return redirect("consent:child", child_id=child.pk)
    guardian, young_person, voogd = form.withdrawer()
    try:
        services.consent_withdraw(actor=actor, child=child, consent_id=consent_id,
                                  by_guardian=guardian, by_young_person=young_person,
                                  by_voogd=voogd)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The consent has been withdrawn; it no longer applies."))
    return redirect("consent:child", child_id=child.pk)


@login_required
@require_POST
def ground_record(request: HttpRequest, child_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    child = selectors.consent_child_get(actor=actor, child_id=child_id)
    form = LegalGroundRecordForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.legal_ground_record(
                actor=actor, child=child, organisation=data["organisation"],
                category=InformationCategory(data["category"]),
                kind=LegalGroundKind(data["kind"]), reference=data["reference"],
                valid_from=data["valid_from"], valid_until=data["valid_until"],
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The legal ground has been recorded."))
            return redirect("consent:child", child_id=child.pk)
    return _child_page(request, actor, child, ground_form=form)


@login_required
@require_POST
def ground_end(request: HttpRequest, child_id: int, ground_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    child = selectors.consent_child_get(actor=actor, child_id=child_id)
    ground = selectors.legal_ground_of_child(child=child, legal_ground_id=ground_id)
    form = LegalGroundEndForm(request.POST)
    if ground is None or not form.is_valid():
        raise Http404
    try:
        services.legal_ground_end(actor=actor, legal_ground=ground,
                                  end_date=form.cleaned_data["end_date"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The legal ground has been ended."))
    return redirect("consent:child", child_id=child.pk)
