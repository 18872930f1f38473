"""The import pages: upload a file (the school's core team), follow its import (the page
polls while the job runs, and can be opened again later: the job runs in the worker), see and
download the errors, and choose to import the valid rows of a file with errors."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from schakel.access.actor import actor_from_request
from schakel.attendance.forms import ImportForm, ProfileForm
from schakel.attendance.selectors import (
    attendance_import_get,
    import_error_report,
    import_first_errors,
    import_profiles_for,
    import_schools_for,
    recent_imports_for,
)
from schakel.attendance.selectors.figures import pupil_figures, school_figures
from schakel.attendance.services.profiles import import_profile_create
from schakel.attendance.services.start import (
    attendance_import_start,
    attendance_import_valid_rows,
)
from schakel.http.forms import apply_service_errors
from schakel.http.requests import int_or_none, is_htmx, service_errors_as_messages


@login_required
@require_http_methods(["GET", "POST"])
def import_start(request: HttpRequest) -> HttpResponse:
    actor = actor_from_request(request)
    profiles = import_profiles_for(actor=actor)
    form = ImportForm(request.POST if request.method == "POST" else None,
                      request.FILES if request.method == "POST" else None, profiles=profiles)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        attendance_import = attendance_import_start(
            actor=actor, profile=form.cleaned_data["profile"], file=upload,
            file_name=upload.name or "")
        return redirect("attendance:import_detail", import_id=attendance_import.pk)
    return render(request, "attendance/import.html", {
        "form": form, "profiles": profiles, "imports": recent_imports_for(actor=actor)})


@login_required
@require_http_methods(["GET", "POST"])
def profile_create(request: HttpRequest) -> HttpResponse:
    actor = actor_from_request(request)
    import_profiles_for(actor=actor)  # the same 404 as the import page for others
    form = ProfileForm(request.POST if request.method == "POST" else None,
                       schools=import_schools_for(actor=actor))
    if request.method == "POST" and form.is_valid():
        try:
            profile = import_profile_create(actor=actor, **form.cleaned_data)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("The import profile %(name)s is ready.") % {
                "name": profile.name})
            return redirect("attendance:import")
    return render(request, "attendance/profile_form.html", {"form": form})


@login_required
@require_GET
def import_detail(request: HttpRequest, import_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    attendance_import = attendance_import_get(actor=actor, import_id=import_id)
    context = {"import": attendance_import,
               "errors": import_first_errors(attendance_import=attendance_import)}
    if is_htmx(request):
        return render(request, "attendance/partials/progress.html", context)
    return render(request, "attendance/import_detail.html", context)


@login_required
@require_GET
def import_errors_csv(request: HttpRequest, import_id: int) -> StreamingHttpResponse:
    attendance_import = attendance_import_get(actor=actor_from_request(request),
                                              import_id=import_id)
    response = StreamingHttpResponse(import_error_report(attendance_import=attendance_import),
                                     content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="verzuimimport-{attendance_import.pk}-fouten.csv"')
    return response


@login_required
@require_POST
def import_valid_rows(request: HttpRequest, import_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    attendance_import = attendance_import_get(actor=actor, import_id=import_id)
    try:
        attendance_import_valid_rows(actor=actor, attendance_import=attendance_import)
    except ValidationError as error:
        service_errors_as_messages(request, error)
    else:
        messages.success(request, _("The valid rows are being imported."))
    return redirect("attendance:import_detail", import_id=attendance_import.pk)


@login_required
@require_GET
def school_figures_page(request: HttpRequest, school_id: int) -> HttpResponse:
    figures = school_figures(actor=actor_from_request(request), school_id=school_id,
                             class_id=int_or_none(request.GET.get("klas")),
                             as_of=timezone.localdate())
    return render(request, "attendance/school.html", {"figures": figures})


@login_required
@require_GET
def pupil_figures_page(request: HttpRequest, school_id: int, child_id: int) -> HttpResponse:
    figures = pupil_figures(actor=actor_from_request(request), school_id=school_id,
                            child_id=child_id)
    return render(request, "attendance/pupil.html", {"figures": figures})
