"""Emergency access ("break the glass"): the form to claim it, with a required reason."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from schakel.access.actor import actor_from_request
from schakel.cases.forms import EmergencyAccessForm
from schakel.cases.selectors import case_for_emergency_get, case_url
from schakel.cases.services.emergency import emergency_access_claim
from schakel.http.forms import apply_service_errors


@login_required
@require_http_methods(["GET", "POST"])
def emergency_access(request: HttpRequest, case_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    case = case_for_emergency_get(actor=actor, case_id=case_id)
    form = EmergencyAccessForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            emergency_access_claim(actor=actor, case=case, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.warning(request, _(
                "Emergency access is open. The privacy officer and the coordinator have been "
                "told."))
            return redirect(case_url(case))
    status = 400 if request.method == "POST" else 200
    return render(request, "cases/emergency_access.html", {
        "case": case, "form": form, "hours": settings.SCHAKEL_EMERGENCY_ACCESS_HOURS},
        status=status)
