"""The coordinator's portal pages (professionals, with the second factor like every other
professional page): correction requests to answer, entries to withhold from the parents."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from schakel.access.actor import actor_from_request
from schakel.http.forms import apply_service_errors
from schakel.http.pdf import pdf_from_template
from schakel.http.requests import int_or_none
from schakel.portal.forms import GRANT, CorrectionAnswerForm, InformationAnswerForm, WithholdForm
from schakel.portal.models import CorrectionStatus, EntryType
from schakel.portal.selectors.information import (
    information_request_get,
    information_requests_to_answer,
)
from schakel.portal.selectors.printing import plan_for_parents
from schakel.portal.selectors.professionals import (
    correction_for_answer,
    corrections_for_answer,
    withhold_overview,
)
from schakel.portal.services.information import information_request_answer
from schakel.portal.services.professionals import (
    correction_request_answer,
    entry_release,
    entry_withhold,
)


@login_required
def corrections(request: HttpRequest) -> HttpResponse:
    rows = corrections_for_answer(actor=actor_from_request(request))
    return render(request, "portal/professionals/corrections.html",
                  {"rows": rows, "open_status": CorrectionStatus.OPEN})


@login_required
@require_http_methods(["GET", "POST"])
def correction_answer(request: HttpRequest, correction_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    row = correction_for_answer(actor=actor, correction_id=correction_id)
    is_open = row.correction.status == CorrectionStatus.OPEN
    form = CorrectionAnswerForm(request.POST or None) if is_open else None
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            correction_request_answer(
                actor=actor, correction=row.correction, status=form.cleaned_data["status"],
                answer=form.cleaned_data["answer"])
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Your answer has been recorded and sent."))
            return redirect("portal:corrections")
    return render(request, "portal/professionals/correction_answer.html",
                  {"row": row, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def withhold(request: HttpRequest, case_id: int) -> HttpResponse:
    """The entries the portal shows, each with a form to withhold it from the parents (with
    the reason) or to release it again."""
    actor = actor_from_request(request)
    case, rows = withhold_overview(actor=actor, case_id=case_id)
    if request.method == "POST":
        key = (request.POST.get("entry_type", ""), int_or_none(request.POST.get("entry_id")))
        row = next((r for r in rows if (r.entry_type, r.entry_id) == key), None)
        if row is None or row.entry_type not in EntryType.values:
            raise Http404
        try:
            if row.withheld is not None:
                entry_release(actor=actor, withheld=row.withheld)
                messages.success(request, _("The parents can see this entry again."))
            else:
                form = WithholdForm(request.POST, prefix=f"{row.entry_type}-{row.entry_id}")
                if not form.is_valid():
                    raise ValidationError(
                        list(form.errors.get("reason") or [_("Give the reason.")]))
                entry_withhold(actor=actor, case=case, entry_type=row.entry_type,
                                        entry_id=row.entry_id, reason=form.cleaned_data["reason"])
                messages.success(request, _("The entry is now withheld from the parents."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect(reverse("portal:withhold", kwargs={"case_id": case.pk}))
    forms = [(row, WithholdForm(prefix=f"{row.entry_type}-{row.entry_id}")) for row in rows]
    return render(request, "portal/professionals/withhold.html", {"case": case, "rows": forms})


@login_required
def information_requests(request: HttpRequest) -> HttpResponse:
    rows = information_requests_to_answer(actor=actor_from_request(request))
    return render(request, "portal/professionals/information_requests.html", {"rows": rows})


@login_required
@require_http_methods(["GET", "POST"])
def information_answer(request: HttpRequest, information_request_id: int) -> HttpResponse:
    """A request of a parent without custody, with what an answer would share today, and
    the answer form (grant or refuse) while it is open."""
    actor = actor_from_request(request)
    view = information_request_get(actor=actor, request_id=information_request_id)
    form = (InformationAnswerForm(request.POST or None, shows_case=view.facts.shows_case)
            if view.may_answer else None)
    if request.method == "POST" and form is not None and form.is_valid():
        data = form.cleaned_data
        try:
            information_request_answer(
                actor=actor, request=view.request, grant=data["decision"] == GRANT,
                share_school=data["share_school"], share_case=data.get("share_case", False),
                message=data["message"], refusal_reason=data["refusal_reason"])
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Your answer has been recorded and sent."))
            return redirect("portal:information_requests")
    return render(request, "portal/professionals/information_answer.html",
                  {"view": view, "form": form})


@login_required
def plan_pdf(request: HttpRequest, case_id: int) -> HttpResponse:
    """The plan for the meeting with the parents, as they see it in the portal (PDF)."""
    plan = plan_for_parents(actor=actor_from_request(request), case_id=case_id)
    if not plan.parents_see:
        messages.info(request, _("The parents do not see this case in the portal (a young "
                                 "person of 16 or over who does not share it, or "
                                 "guardianship): there is no plan to print for them."))
        return redirect(reverse("cases:detail", kwargs={"case_id": case_id}))
    document = pdf_from_template("portal/print/plan.html", {"plan": plan, "case": plan.case},
                                 stylesheet="css/print/plan.css")
    response = HttpResponse(document, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="plan-{plan.case.reference}.pdf"'
    response["Cache-Control"] = "no-store"
    return response
