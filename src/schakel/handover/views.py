"""The warm hand-over pages: offer a case, read and decide on a hand-over, the list of
hand-overs awaiting me. Thin: selectors and services decide and log."""

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
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.writer import Subject
from schakel.cases.selectors import case_get
from schakel.handover.forms import HandoverOfferForm, HandoverReturnForm
from schakel.handover.models import HandoverKind
from schakel.handover.selectors import (
    HandoverPage,
    handover_for_action,
    handover_get,
    handover_kinds_offerable,
    handovers_for,
)
from schakel.handover.services import (
    handover_accept,
    handover_offer,
    handover_return,
    handover_withdraw,
)
from schakel.http.forms import apply_service_errors
from schakel.http.requests import int_or_none, pick_or_404
from schakel.organisations.models import Professional
from schakel.organisations.selectors import professionals_directory, schools

DIRECTORY_LIMIT = 50


def _professionals(query: str, chosen: int | None, me: Professional | None,
                   ) -> list[Professional]:
    """Up to 50 professionals matching the search (not me), plus the one chosen before."""
    others = professionals_directory(query)
    everyone = professionals_directory()
    if me is not None:
        others = others.exclude(pk=me.pk)
        everyone = everyone.exclude(pk=me.pk)
    found = list(others[:DIRECTORY_LIMIT])
    if chosen is not None and all(p.pk != chosen for p in found):
        found[:0] = list(everyone.filter(pk=chosen))
    return found


@login_required
def handover_offer_view(request: HttpRequest, case_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    case, _decision = case_get(actor=actor, case_id=case_id, content=False)
    kinds = handover_kinds_offerable(actor=actor, case=case)
    if not kinds:
        messages.info(request, _("This case is closed and can no longer be changed.")
                      if case.is_closed else _("Only the coordinator can hand over this case."))
        return redirect("cases:detail", case_id=case.pk)
    query = request.GET.get("q", "").strip()
    data = request.POST if request.method == "POST" else None
    professionals = _professionals(
        query, int_or_none(request.POST.get("handover-to_professional")), actor.professional)
    school_list = list(schools().exclude(pk=case.school_id))
    form = HandoverOfferForm(data, kinds=kinds, professionals=professionals,
                             schools=school_list)
    if data is not None and form.is_valid():
        cleaned = form.cleaned_data
        kind = HandoverKind(cleaned["kind"])
        to_professional = (pick_or_404(professionals, cleaned["to_professional"])
                           if kind == HandoverKind.PROFESSIONALS
                           and cleaned["to_professional"] is not None else None)
        to_school = (pick_or_404(school_list, cleaned["to_school"])
                     if kind == HandoverKind.SCHOOLS and cleaned["to_school"] is not None
                     else None)
        try:
            handover = handover_offer(
                actor=actor, case=case, kind=kind, summary=cleaned["summary"],
                to_professional=to_professional, to_school=to_school,
                include_plan=cleaned["include_plan"],
                include_agreements=cleaned["include_agreements"],
                include_advice=cleaned["include_advice"],
                sender_stays_involved=cleaned["sender_stays_involved"],
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The hand-over has been offered; the receiver has "
                                        "been notified."))
            return redirect("handover:detail", handover_id=handover.pk)
    return render(request, "handover/offer.html", {
        "case": case, "form": form, "query": query})


def _detail(request: HttpRequest, page: HandoverPage,
            return_form: HandoverReturnForm | None = None) -> HttpResponse:
    if return_form is None and page.can_return:
        return_form = HandoverReturnForm()
    return render(request, "handover/detail.html", {
        "page": page, "handover": page.handover, "package": page.package,
        "return_form": return_form if page.can_return else None,
    })


@login_required
def handover_detail(request: HttpRequest, handover_id: int) -> HttpResponse:
    page = handover_get(actor=actor_from_request(request), handover_id=handover_id)
    return _detail(request, page)


@login_required
@require_POST
def handover_accept_view(request: HttpRequest, handover_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    handover = handover_for_action(actor=actor, handover_id=handover_id,
                                   event_code=EventCode.CASE_HANDOVER_ACCEPT)
    try:
        handover_accept(actor=actor, handover=handover)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("handover:detail", handover_id=handover.pk)
    messages.success(request, _("You accepted the hand-over and are now involved in the "
                                "case."))
    return redirect("cases:detail", case_id=handover.case_id)


@login_required
@require_POST
def handover_return_view(request: HttpRequest, handover_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    handover = handover_for_action(actor=actor, handover_id=handover_id,
                                   event_code=EventCode.CASE_HANDOVER_RETURN)
    form = HandoverReturnForm(request.POST)
    if form.is_valid():
        try:
            handover_return(actor=actor, handover=handover, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The hand-over has been returned to the sender."))
            return redirect("handover:detail", handover_id=handover.pk)
    else:  # whoever may not return it gets the same 404 as with a reason
        enforce(actor, policy.may_return_handover(actor, handover),
                event_code=EventCode.CASE_HANDOVER_RETURN, action=Action.UPDATE,
                subject=Subject("handover.handover", str(handover.pk), None))
    page = handover_get(actor=actor, handover_id=handover.pk)
    return _detail(request, page, form)


@login_required
@require_POST
def handover_withdraw_view(request: HttpRequest, handover_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    handover = handover_for_action(actor=actor, handover_id=handover_id,
                                   event_code=EventCode.CASE_HANDOVER_WITHDRAW)
    try:
        handover_withdraw(actor=actor, handover=handover)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The hand-over has been withdrawn."))
    return redirect("handover:detail", handover_id=handover.pk)


@login_required
def handover_list(request: HttpRequest) -> HttpResponse:
    lists = handovers_for(actor=actor_from_request(request))
    return render(request, "handover/list.html", {
        "awaiting": lists.awaiting, "sent": lists.sent})
