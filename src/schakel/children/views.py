"""A child's overview page, the child's custody history and measures, and the search box."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from schakel.access.actor import actor_from_request
from schakel.children.edexml import EdexmlInvalid
from schakel.children.forms import (
    ChildSearchForm,
    CustodyEndForm,
    CustodyRecordForm,
    EdexmlUploadForm,
    MeasureEndForm,
    MeasureStartForm,
)
from schakel.children.models import Custody, CustodySource
from schakel.children.panels import CHILD_SECTIONS
from schakel.children.selectors import (
    child_get,
    children_search,
    custody_page,
    measures_page,
    pupil_administration_schools,
    siblings_shown,
)
from schakel.children.services import custody_end, custody_record, measure_end, measure_start
from schakel.children.services.edexml_import import pupils_edexml_import
from schakel.http.forms import apply_service_errors
from schakel.http.requests import pick_or_404, service_errors_as_messages


@login_required
@require_http_methods(["GET"])
def search(request: HttpRequest) -> HttpResponse:
    """The search box of the navigation (a plain GET form): children by name, date of birth
    or pupil number, among those the user may see. A search that cannot be one (too short, no
    date) is answered with the reason and reads nothing."""
    form = ChildSearchForm(request.GET if "q" in request.GET else None)
    result = None
    if form.is_valid():
        result = children_search(actor=actor_from_request(request),
                                 query=form.cleaned_data["query"])
    return render(request, "children/search.html", {"form": form, "result": result})


@login_required
def child_detail(request: HttpRequest, child_id: int) -> HttpResponse:
    """The child, school history, guardians and siblings, and the sections other apps add
    (`CHILD_SECTIONS`: the visible signals, and the cases whose existence the actor may see)."""
    actor = actor_from_request(request)
    child, _decision = child_get(actor=actor, child_id=child_id)
    today = timezone.localdate()
    context = {
        "child": child,
        "age": child.age_on(today),
        "today": today,
        "enrolments": list(child.enrolments.all()),
        "guardianships": list(child.guardianships.all()),
        "siblings": siblings_shown(actor=actor, child=child),
        "sections": CHILD_SECTIONS.panels(actor, child),
    }
    return render(request, "children/detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def custody(request: HttpRequest, child_id: int) -> HttpResponse:
    """The custody history (who, from when to when, on what source) and, for whoever may
    (`policy.may_record_custody`), recording and ending a period."""
    actor = actor_from_request(request)
    page = custody_page(actor=actor, child_id=child_id)
    record_form = CustodyRecordForm(child=page.child)
    if request.method == "POST" and page.may_record:
        try:
            if request.POST.get("action") == "end":
                end_form = CustodyEndForm(request.POST)
                if not end_form.is_valid():
                    raise ValidationError(_("Give the last day of custody."))
                period = Custody.objects.filter(
                    pk=end_form.cleaned_data["custody"],
                    guardianship__child=page.child).select_related("guardianship__child").first()
                if period is None:
                    raise ValidationError(_("This period of custody does not exist."))
                custody_end(actor=actor, custody=period,
                            end_date=end_form.cleaned_data["end_date"])
            else:
                record_form = CustodyRecordForm(request.POST, child=page.child)
                if not record_form.is_valid():
                    return render(request, "children/custody.html",
                                  {"page": page, "record_form": record_form})
                data = record_form.cleaned_data
                custody_record(
                    actor=actor, guardianship=record_form.chosen(), start_date=data["start_date"],
                    end_date=data["end_date"], source=CustodySource(data["source"]),
                    reference=data["reference"])
        except ValidationError as error:
            if request.POST.get("action") == "end":
                messages.error(request, " ".join(error.messages))
            else:
                apply_service_errors(record_form, error)
                return render(request, "children/custody.html",
                              {"page": page, "record_form": record_form})
        else:
            messages.success(request, _("The custody has been recorded."))
        return redirect("children:custody", child_id=page.child.pk)
    return render(request, "children/custody.html", {"page": page, "record_form": record_form})


@login_required
@require_http_methods(["GET", "POST"])
def measures(request: HttpRequest, child_id: int) -> HttpResponse:
    """The child's measures; a certified institution records one the court ordered, or an
    extension as a new period (`?extend=<id>` fills in the next day)."""
    actor = actor_from_request(request)
    page = measures_page(actor=actor, child_id=child_id)
    initial: dict[str, object] = {"start_date": timezone.localdate()}
    extended = next((m for m in page.measures if str(m.pk) == request.GET.get("extend")), None)
    if extended is not None and extended.end_date is not None:
        initial = {"kind": extended.kind, "worker": extended.worker_id,
                   "start_date": extended.end_date + dt.timedelta(days=1)}
    form = MeasureStartForm(request.POST if request.method == "POST" else None,
                            initial=initial, workers=page.workers)
    if request.method == "POST" and page.may_record and form.is_valid():
        professional = actor.professional
        try:
            if professional is None:
                raise Http404
            measure_start(actor=actor, child=page.child, organisation=professional.organisation,
                          **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The measure has been recorded; the school is told."))
            return redirect("children:measures", child_id=page.child.pk)
    return render(request, "children/measures.html", {
        "page": page, "form": form, "end_form": MeasureEndForm(),
        "today": timezone.localdate()})


@login_required
@require_POST
def measure_end_view(request: HttpRequest, child_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    page = measures_page(actor=actor, child_id=child_id)
    form = MeasureEndForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the last day of the measure."))
        return redirect("children:measures", child_id=page.child.pk)
    measure = pick_or_404(page.measures, form.cleaned_data["measure"])
    try:
        measure_end(actor=actor, measure=measure, end_date=form.cleaned_data["end_date"])
    except ValidationError as error:
        service_errors_as_messages(request, error)
    else:
        messages.success(request, _("The measure has been ended; the school is told."))
    return redirect("children:measures", child_id=page.child.pk)


@login_required
@require_http_methods(["GET", "POST"])
def edexml_upload(request: HttpRequest) -> HttpResponse:
    """The school's pupil administration as its EDEXML export: checked as a whole, then
    synchronised (a pupil missing from the file leaves the school)."""
    actor = actor_from_request(request)
    schools = pupil_administration_schools(actor=actor)
    form = EdexmlUploadForm(request.POST if request.method == "POST" else None,
                            request.FILES if request.method == "POST" else None)
    context: dict[str, object] = {"form": form, "schools": schools}
    if request.method == "POST" and form.is_valid():
        content = form.cleaned_data["file"].read(settings.SCHAKEL_EDEXML_MAX_BYTES + 1)
        try:
            context["result"] = pupils_edexml_import(actor=actor, content=content)
        except EdexmlInvalid as invalid:
            context["problems"] = invalid.problems
        except ValidationError as error:
            service_errors_as_messages(request, error)
    status = 400 if "problems" in context else 200
    return render(request, "children/edexml_upload.html", context, status=status)
