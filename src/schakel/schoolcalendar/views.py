"""A school's calendar page, kept by its core team. Views parse input and call a selector or
service, which decide access."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from schakel.access.actor import actor_from_request
from schakel.http.forms import apply_service_errors
from schakel.schoolcalendar.forms import CalendarForm, DayOffForm
from schakel.schoolcalendar.models import WEEKDAYS
from schakel.schoolcalendar.selectors import CalendarPage, school_calendar_get
from schakel.schoolcalendar.services import (
    school_calendar_update,
    school_day_off_add,
    school_day_off_remove,
)


def _initial(page: CalendarPage) -> dict[str, object]:
    calendar = page.calendar
    initial: dict[str, object] = {"region": calendar.region}
    for day in WEEKDAYS:
        initial[f"minutes_{day}"] = getattr(calendar, f"minutes_{day}")
        initial[f"lessons_{day}"] = getattr(calendar, f"lessons_{day}")
    return initial


def _render(request: HttpRequest, page: CalendarPage, form: CalendarForm,
            day_off_form: DayOffForm) -> HttpResponse:
    return render(request, "schoolcalendar/calendar.html", {
        "page": page, "school": page.school, "form": form, "day_off_form": day_off_form,
    })


@login_required
def calendar_edit(request: HttpRequest, school_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    page = school_calendar_get(actor=actor, school_id=school_id, today=timezone.localdate())
    form = CalendarForm(request.POST if request.method == "POST" else None,
                        initial=_initial(page))
    if request.method == "POST" and form.is_valid():
        minutes, lessons = form.timetable()
        try:
            school_calendar_update(actor=actor, school=page.school,
                                   region=form.cleaned_data["region"], minutes=minutes,
                                   lessons=lessons)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("The calendar has been saved."))
            return redirect("schoolcalendar:edit", school_id=school_id)
    return _render(request, page, form, DayOffForm())


@login_required
@require_POST
def day_off_add(request: HttpRequest, school_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    page = school_calendar_get(actor=actor, school_id=school_id, today=timezone.localdate())
    day_off_form = DayOffForm(request.POST)
    if day_off_form.is_valid():
        try:
            school_day_off_add(actor=actor, school=page.school, **day_off_form.cleaned_data)
        except ValidationError as exc:
            apply_service_errors(day_off_form, exc)
        else:
            messages.success(request, _("The days off have been added."))
            return redirect("schoolcalendar:edit", school_id=school_id)
    return _render(request, page, CalendarForm(initial=_initial(page)), day_off_form)


@login_required
@require_POST
def day_off_remove(request: HttpRequest, school_id: int, day_off_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    page = school_calendar_get(actor=actor, school_id=school_id, today=timezone.localdate())
    school_day_off_remove(actor=actor, school=page.school, day_off_id=day_off_id)
    messages.success(request, _("The days off have been removed."))
    return redirect("schoolcalendar:edit", school_id=school_id)
