"""The meeting itself: who comes, the agenda each reader may see, the minutes (a child's part
into the child's case), decisions, adoption and corrections."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from schakel.access import policy
from schakel.access.actor import actor_from_request
from schakel.cases.forms import ConsultationForm
from schakel.http.forms import apply_service_errors
from schakel.http.requests import int_or_none, pick_or_404, service_errors_as_messages
from schakel.meetings.forms import AgendaItemForm, CorrectionForm, DecisionForm, MinutesForm
from schakel.meetings.models import AgendaItem, Meeting, MeetingKind
from schakel.meetings.selectors import (
    family_balance,
    invitable_professionals,
    meeting_agenda,
    meeting_get,
    meeting_minutes,
)
from schakel.meetings.services import (
    agenda_item_add,
    consultation_at_item_record,
    decision_record,
    minutes_adopt,
    minutes_correct,
    minutes_write,
)
from schakel.organisations.selectors import school_classes


def _page(request: HttpRequest, meeting_id: int, **forms: object) -> HttpResponse:
    actor = actor_from_request(request)
    meeting = meeting_get(actor=actor, meeting_id=meeting_id)
    agenda = meeting_agenda(actor=actor, meeting=meeting)
    minutes = meeting_minutes(actor=actor, meeting=meeting)
    started = meeting.starts_at <= timezone.now()
    owners = invitable_professionals(school=meeting.school, case=meeting.case)
    classes = list(school_classes(school_id=meeting.school_id))
    items = [(str(row.item.pk), f"{row.item.heading}" + (f" — {row.child_name}"
              if row.child_name else "")) for row in agenda.rows]
    return render(request, "meetings/detail.html", {
        "meeting": meeting, "agenda": agenda, "minutes": minutes, "started": started,
        "may_change": bool(policy.may_change_meeting(actor, meeting)),
        "balance": family_balance(meeting) if meeting.kind == MeetingKind.MDO else None,
        "item_form": forms.get("item_form") or AgendaItemForm(),
        "decision_form": forms.get("decision_form") or DecisionForm(
            owners=owners, classes=classes, items=items,
            initial={"due_date": timezone.localdate()}),
        "minutes_form": forms.get("minutes_form"), "minutes_for": forms.get("minutes_for"),
        "consultation_form": forms.get("consultation_form") or ConsultationForm(),
        "consultation_for": forms.get("consultation_for"),
    })


@login_required
def meeting_detail(request: HttpRequest, meeting_id: int) -> HttpResponse:
    return _page(request, meeting_id)


def _visible_item(request: HttpRequest, meeting_id: int, raw: str | None,
                  ) -> tuple[Meeting, AgendaItem | None]:
    """The meeting and, when given, one of the agenda items this reader may see (404 for any
    other id, as the item does not exist for them)."""
    actor = actor_from_request(request)
    meeting = meeting_get(actor=actor, meeting_id=meeting_id)
    item_id = int_or_none(raw)
    if item_id is None:
        return meeting, None
    rows = meeting_agenda(actor=actor, meeting=meeting).rows
    return meeting, pick_or_404([row.item for row in rows], item_id)


@login_required
@require_POST
def agenda_item_add_view(request: HttpRequest, meeting_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    meeting = meeting_get(actor=actor, meeting_id=meeting_id)
    form = AgendaItemForm(request.POST)
    if form.is_valid():
        try:
            agenda_item_add(actor=actor, meeting=meeting, **form.cleaned_data)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("The item has been added to the agenda."))
            return redirect("meetings:detail", meeting_id=meeting.pk)
    return _page(request, meeting_id, item_form=form)


@login_required
@require_POST
def minutes_write_view(request: HttpRequest, meeting_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    meeting, item = _visible_item(request, meeting_id, request.POST.get("item"))
    form = MinutesForm(request.POST)
    if form.is_valid():
        try:
            minutes_write(actor=actor, meeting=meeting, agenda_item=item,
                          text=form.cleaned_data["text"])
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("The minutes have been saved."))
            return redirect("meetings:detail", meeting_id=meeting_id)
    return _page(request, meeting_id, minutes_form=form, minutes_for=item)


@login_required
@require_POST
def consultation_view(request: HttpRequest, meeting_id: int) -> HttpResponse:
    """The four questions answered at an item about a case, into the case."""
    actor = actor_from_request(request)
    meeting, item = _visible_item(request, meeting_id, request.POST.get("item"))
    if item is None:
        raise Http404
    form = ConsultationForm(request.POST)
    if form.is_valid():
        try:
            consultation_at_item_record(actor=actor, meeting=meeting, agenda_item=item,
                                        **form.cleaned_data)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("The four questions have been recorded in the case."))
            return redirect(f"{reverse('meetings:detail', args=[meeting_id])}#item-{item.pk}")
    return _page(request, meeting_id, consultation_form=form, consultation_for=item)


@login_required
@require_POST
def decision_view(request: HttpRequest, meeting_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    meeting, item = _visible_item(request, meeting_id, request.POST.get("item"))
    case = item.case if item is not None and item.case is not None else meeting.case
    owners = invitable_professionals(school=meeting.school, case=case)
    classes = list(school_classes(school_id=meeting.school_id))
    rows = meeting_agenda(actor=actor, meeting=meeting).rows
    form = DecisionForm(request.POST, owners=owners, classes=classes,
                        items=[(str(row.item.pk), row.item.heading) for row in rows])
    if form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "item"}
        try:
            decision_record(actor=actor, meeting=meeting, agenda_item=item, **data)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("The decision has been recorded."))
            return redirect("meetings:detail", meeting_id=meeting_id)
    return _page(request, meeting_id, decision_form=form)


@login_required
@require_POST
def minutes_adopt_view(request: HttpRequest, meeting_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    meeting = meeting_get(actor=actor, meeting_id=meeting_id)
    try:
        minutes_adopt(actor=actor, meeting=meeting)
    except ValidationError as exc:
        service_errors_as_messages(request, exc)
    else:
        messages.success(request, _("The minutes have been adopted; they are read-only now."))
    return redirect("meetings:detail", meeting_id=meeting.pk)


@login_required
def minutes_correct_view(request: HttpRequest, meeting_id: int, minutes_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    meeting = meeting_get(actor=actor, meeting_id=meeting_id)
    parts = meeting_minutes(actor=actor, meeting=meeting).parts
    part = next((p for p in parts if p.entry.pk == minutes_id), None)
    if part is None:
        raise Http404
    form = CorrectionForm(request.POST if request.method == "POST" else None,
                          initial={"text": part.entry.text})
    if request.method == "POST" and form.is_valid():
        try:
            minutes_correct(actor=actor, entry=part.entry, **form.cleaned_data)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("The correction has been saved as a new version."))
            return redirect("meetings:detail", meeting_id=meeting.pk)
    return render(request, "meetings/correct.html",
                  {"meeting": meeting, "part": part, "form": form})
