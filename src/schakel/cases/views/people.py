"""Who works on the case: involving a professional, ending an involvement, choosing the
coordinator (regiehouder)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.access import policy
from schakel.access.actor import Actor, actor_from_request
from schakel.cases.forms import CoordinatorForm, EndInvolvementForm, InvolveForm
from schakel.cases.models import Case
from schakel.cases.selectors import case_get
from schakel.cases.services.lifecycle import case_involve, case_set_coordinator, involvement_end
from schakel.cases.views.action_flow import case_action
from schakel.cases.views.browse import active_professionals
from schakel.http.forms import SchakelForm
from schakel.http.requests import int_or_none, is_htmx, pick_or_404
from schakel.organisations.models import Professional
from schakel.organisations.selectors import professionals_directory

DIRECTORY_LIMIT = 50


def _directory_choices(query: str, chosen: int | None) -> list[Professional]:
    """Up to 50 professionals matching the search, plus the one chosen before."""
    found = list(professionals_directory(query)[:DIRECTORY_LIMIT])
    if chosen is not None and all(p.pk != chosen for p in found):
        found[:0] = list(professionals_directory().filter(pk=chosen))
    return found


@login_required
def involve(request: HttpRequest, case_id: int) -> HttpResponse:
    """Involve a professional, picked from the directory (search by name)."""
    query = request.GET.get("q", "").strip()
    chosen = int_or_none(request.POST.get("involve-professional"))

    def form_factory(case: Case, data: QueryDict | None) -> SchakelForm:
        return InvolveForm(data, professionals=_directory_choices(query, chosen))

    def perform(actor: Actor, case: Case, form: SchakelForm) -> object:
        data = form.cleaned_data
        professional = get_object_or_404(professionals_directory(), pk=data["professional"])
        return case_involve(actor=actor, case=case, professional=professional,
                            part=data["part"], start_date=data["start_date"])

    if request.method == "GET" and is_htmx(request):
        actor = actor_from_request(request)
        case, _decision = case_get(actor=actor, case_id=case_id, content=False)
        form = form_factory(case, None)
        return render(request, "partials/field.html", {"field": form["professional"]})
    return case_action(
        request, case_id, form_factory=form_factory, perform=perform,
        title=_("Involve a professional"), submit=_("Involve"), anchor="involved",
        success=_("The professional has been involved and notified."),
        template="cases/involve.html", context=lambda case: {"query": query})


@login_required
def end_involvement(request: HttpRequest, case_id: int) -> HttpResponse:
    involvement_id = int_or_none(request.POST.get("involvement") or request.GET.get(
        "involvement"))

    def form_factory(case: Case, data: QueryDict | None) -> SchakelForm:
        involvement = pick_or_404(case.involvements.all(), involvement_id)
        # Ids of their own: the case page may hold several rows' forms at once.
        return EndInvolvementForm(
            data, initial={"involvement": involvement.pk, "end_date": timezone.localdate()},
            auto_id=f"id_involvement_{involvement.pk}_%s")

    def perform(actor: Actor, case: Case, form: SchakelForm) -> object:
        involvement = pick_or_404(case.involvements.all(), form.cleaned_data["involvement"])
        return involvement_end(actor=actor, involvement=involvement,
                               end_date=form.cleaned_data["end_date"])

    return case_action(
        request, case_id, form_factory=form_factory, perform=perform,
        title=_("End an involvement"), submit=_("End involvement"), anchor="involved",
        success=_("The involvement has been ended."),
        template="cases/end_involvement.html", context=lambda case: {
            "involvement": pick_or_404(case.involvements.all(), involvement_id)})


@login_required
def set_coordinator(request: HttpRequest, case_id: int) -> HttpResponse:
    def form_factory(case: Case, data: QueryDict | None) -> SchakelForm:
        return CoordinatorForm(data, professionals=active_professionals(case),
                               initial={"professional": case.coordinator_id})

    def perform(actor: Actor, case: Case, form: SchakelForm) -> object:
        professional = pick_or_404(
            [inv.professional for inv in case.involvements.all()],
            form.cleaned_data["professional"])
        return case_set_coordinator(actor=actor, case=case, professional=professional)

    return case_action(
        request, case_id, form_factory=form_factory, perform=perform,
        title=_("Choose the coordinator"), submit=_("Make coordinator"), anchor="overview",
        success=_("The coordinator has been set and notified."),
        decide=policy.may_appoint_coordinator,
        refused=_("The core team of the school or the coordinator appoints the coordinator."))
