"""The school profile pages: the list of schools, a school's profile (filters: a class, a
month), and the upload of the regional monitor's CSV."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from schakel.access.actor import actor_from_request
from schakel.http.forms import apply_service_errors
from schakel.http.requests import int_or_none, service_errors_as_messages
from schakel.schoolprofile.forms import MonitorImportForm
from schakel.schoolprofile.selectors import (
    monitor_import_schools_for,
    school_profile_get,
    school_profiles_for,
)
from schakel.schoolprofile.services import school_monitor_import


def _month(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(f"{text}-01") if text else None
    except ValueError:
        return None


@login_required
@require_GET
def profile_list(request: HttpRequest) -> HttpResponse:
    return render(request, "schoolprofile/list.html", {
        "schools": school_profiles_for(actor=actor_from_request(request))})


@login_required
@require_GET
def profile_detail(request: HttpRequest, school_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    today = timezone.localdate()
    month = _month(request.GET.get("maand"))
    try:
        profile = school_profile_get(actor=actor, school_id=school_id, today=today,
                                     class_id=int_or_none(request.GET.get("klas")),
                                     month=month)
    except ValidationError as error:
        service_errors_as_messages(request, error)
        profile = school_profile_get(actor=actor, school_id=school_id, today=today,
                                     month=month)
    return render(request, "schoolprofile/detail.html", {"profile": profile})


@login_required
@require_http_methods(["GET", "POST"])
def monitor_import(request: HttpRequest) -> HttpResponse:
    actor = actor_from_request(request)
    schools = monitor_import_schools_for(actor=actor)
    form = MonitorImportForm(request.POST if request.method == "POST" else None,
                             request.FILES if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = school_monitor_import(actor=actor, content=upload.read(),
                                           file_name=upload.name or "")
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _(
                "Monitor imported: %(created)d new, %(replaced)d replaced, %(unchanged)d "
                "unchanged.") % {"created": result.created, "replaced": result.replaced,
                                 "unchanged": result.unchanged})
            return redirect("schoolprofile:import")
    return render(request, "schoolprofile/import.html", {"form": form, "schools": schools})
