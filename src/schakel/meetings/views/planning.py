"""Planning, changing and cancelling meetings; one's availability for a spoedoverleg; the
invitation as an iCalendar file."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from schakel.access.actor import actor_from_request
from schakel.http.forms import apply_service_errors
from schakel.http.requests import chosen_school, int_or_none, service_errors_as_messages
from schakel.meetings.forms import AvailabilityForm, MeetingPlanForm, RescheduleForm
from schakel.meetings.invitations import invitation_ics
from schakel.meetings.models import MeetingKind
from schakel.meetings.selectors import (
    case_family_for_meeting,
    invitable_professionals,
    kinds_for,
    meeting_for_change,
    meeting_get,
    meetings_for,
    own_availability,
    planning_schools,
    urgent_slots,
)
from schakel.meetings.services import (
    availability_set,
    meeting_agenda_fill,
    meeting_cancel,
    meeting_plan,
    meeting_reschedule,
)
from schakel.meetings.services.planning import meeting_url
from schakel.organisations.selectors import professionals_directory


@login_required
def meeting_list(request: HttpRequest) -> HttpResponse:
    actor = actor_from_request(request)
    coming, past = meetings_for(actor=actor)
    return render(request, "meetings/list.html", {
        "coming": coming, "past": past, "may_plan": bool(planning_schools(actor=actor))})


@login_required
def meeting_plan_view(request: HttpRequest) -> HttpResponse:
    actor = actor_from_request(request)
    data = request.POST if request.method == "POST" else request.GET
    case_id = int_or_none(data.get("case"))
    family = case_family_for_meeting(actor=actor, case_id=case_id) if case_id else None
    schools = [family.case.school] if family else planning_schools(actor=actor)
    if not schools:
        raise Http404
    school = chosen_school(request, schools)
    if school is None:
        return render(request, "meetings/choose_school.html", {"schools": schools})
    case = family.case if family else None
    invitable = invitable_professionals(school=school, case=case)
    kind = data.get("kind") or (MeetingKind.MDO if case else MeetingKind.CORE_TEAM)
    guests = list(professionals_directory())
    form = MeetingPlanForm(
        request.POST if request.method == "POST" else None,
        initial={"kind": kind, "professionals": [p.pk for p in invitable]},
        professionals=invitable, guests=guests,
        guardians=family.guardians if family else [], children=family.children if family else [],
        kinds=kinds_for(case is not None))
    if request.method == "POST" and form.is_valid():
        try:
            meeting = meeting_plan(actor=actor, school=school, case=case, **form.cleaned_data)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("The meeting has been planned and the invitations sent."))
            return redirect("meetings:detail", meeting_id=meeting.pk)
    slots = urgent_slots(professionals=invitable) if kind == MeetingKind.URGENT else []
    return render(request, "meetings/plan.html", {
        "form": form, "school": school, "case": case, "kind": kind, "slots": slots})


@login_required
def meeting_reschedule_view(request: HttpRequest, meeting_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    meeting = meeting_for_change(actor=actor, meeting_id=meeting_id)
    form = RescheduleForm(request.POST if request.method == "POST" else None, initial={
        "starts_at": timezone.localtime(meeting.starts_at),
        "duration_minutes": meeting.duration_minutes, "location": meeting.location,
        "video_link": meeting.video_link})
    if request.method == "POST" and form.is_valid():
        try:
            meeting_reschedule(actor=actor, meeting=meeting, **form.cleaned_data)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("The meeting has been changed; the invitees are told."))
            return redirect("meetings:detail", meeting_id=meeting.pk)
    return render(request, "meetings/reschedule.html", {"meeting": meeting, "form": form})


@login_required
@require_POST
def meeting_cancel_view(request: HttpRequest, meeting_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    meeting = meeting_for_change(actor=actor, meeting_id=meeting_id)
    if request.POST.get("confirm") != "yes":
        messages.error(request, _("Tick the box to confirm the cancellation."))
        return redirect("meetings:detail", meeting_id=meeting.pk)
    try:
        meeting_cancel(actor=actor, meeting=meeting)
    except ValidationError as exc:
        service_errors_as_messages(request, exc)
    else:
        messages.success(request, _("The meeting has been cancelled; the invitees are told."))
    return redirect("meetings:detail", meeting_id=meeting.pk)


@login_required
@require_POST
def agenda_fill_view(request: HttpRequest, meeting_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    meeting = meeting_for_change(actor=actor, meeting_id=meeting_id)
    try:
        added = meeting_agenda_fill(actor=actor, meeting=meeting)
    except ValidationError as exc:
        service_errors_as_messages(request, exc)
    else:
        messages.success(request, _("The agenda has been brought up to date (%(n)s new).")
                         % {"n": added})
    return redirect("meetings:detail", meeting_id=meeting.pk)


@login_required
def availability_view(request: HttpRequest) -> HttpResponse:
    actor = actor_from_request(request)
    if actor.professional is None:
        raise Http404
    current = [f"{weekday}:{part}" for weekday, part in own_availability(actor=actor)]
    form = AvailabilityForm(request.POST if request.method == "POST" else None,
                            initial={"slots": current})
    if request.method == "POST" and form.is_valid():
        try:
            availability_set(actor=actor, slots=form.chosen())
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("Your availability has been saved."))
            return redirect("meetings:list")
    return render(request, "meetings/availability.html", {"form": form})


@login_required
def invitation_view(request: HttpRequest, meeting_id: int) -> HttpResponse:
    """The invitation as an .ics file (RFC 5545): a CANCEL once the meeting is cancelled."""
    actor = actor_from_request(request)
    meeting = meeting_get(actor=actor, meeting_id=meeting_id)
    response = HttpResponse(
        invitation_ics(meeting, link=request.build_absolute_uri(meeting_url(meeting))),
        content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="overleg-{meeting.pk}.ics"'
    return response
