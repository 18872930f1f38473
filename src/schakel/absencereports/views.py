"""The verzuimmelding pages: the list (the school's core team; the leerplichtambtenaar of
the school's municipality), one report with the school's forms, the export (CSV and a
printable page)."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from schakel.absencereports.forms import AnswerForm, DraftForm, SentForm
from schakel.absencereports.models import AbsenceReport, ReportStatus
from schakel.absencereports.selectors import (
    absence_report_get,
    absence_reports_csv,
    absence_reports_for,
    absence_reports_for_export,
)
from schakel.absencereports.services import (
    absence_report_answer,
    absence_report_confirm,
    absence_report_edit,
    absence_report_sent,
)
from schakel.access import policy
from schakel.access.actor import Actor, actor_from_request
from schakel.http.forms import apply_service_errors
from schakel.http.requests import service_errors_as_messages


@login_required
@require_GET
def report_list(request: HttpRequest) -> HttpResponse:
    actor = actor_from_request(request)
    status = request.GET.get("status", "")
    listing = absence_reports_for(actor=actor, status=status)
    return render(request, "absencereports/list.html", {
        "listing": listing, "status": status, "statuses": ReportStatus.choices,
        "export_schools": sorted({r.school for r in listing.reports
                                  if r.school_id in listing.may_write_school_ids},
                                 key=lambda school: school.name)})


def _forms(report: AbsenceReport, data: object = None) -> dict[str, Form]:
    return {
        "draft_form": DraftForm(data if data is not None else None, initial={
            "suspected_reason": report.suspected_reason, "school_action": report.school_action,
            "municipal_action_wanted": report.municipal_action_wanted}),
        "sent_form": SentForm(),
        "answer_form": AnswerForm(initial={"answer": report.answer,
                                           "closing_reason": report.closing_reason}),
    }


def _detail(request: HttpRequest, actor: Actor, report: AbsenceReport,
            forms: dict[str, Form], status: int = 200) -> HttpResponse:
    return render(request, "absencereports/detail.html", {
        "report": report, **forms,
        "may_write": bool(policy.may_write_absence_report(actor, report.school_id))},
        status=status)


@login_required
@require_GET
def report_detail(request: HttpRequest, report_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    report = absence_report_get(actor=actor, report_id=report_id)
    return _detail(request, actor, report, _forms(report))


def _post(request: HttpRequest, report_id: int, form_name: str, form_class: type[Form],
          act: Callable[[Actor, AbsenceReport, dict[str, object]], None],
          done: str) -> HttpResponse:
    actor = actor_from_request(request)
    report = absence_report_get(actor=actor, report_id=report_id)
    form = form_class(request.POST)
    if form.is_valid():
        try:
            act(actor, report, form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, done)
            return redirect("absencereports:detail", report_id=report.pk)
    forms = _forms(report)
    forms[form_name] = form
    return _detail(request, actor, report, forms)


@login_required
@require_POST
def report_edit(request: HttpRequest, report_id: int) -> HttpResponse:
    return _post(request, report_id, "draft_form", DraftForm,
                 lambda actor, report, data: absence_report_edit(
                     actor=actor, report=report, suspected_reason=str(data["suspected_reason"]),
                     school_action=str(data["school_action"]),
                     municipal_action_wanted=bool(data["municipal_action_wanted"])),
                 _("The draft is saved."))


@login_required
@require_POST
def report_confirm(request: HttpRequest, report_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    report = absence_report_get(actor=actor, report_id=report_id)
    try:
        absence_report_confirm(actor=actor, report=report)
    except ValidationError as error:
        service_errors_as_messages(request, error)
    else:
        messages.success(request, _("The report is confirmed: export it and send it on."))
    return redirect("absencereports:detail", report_id=report.pk)


@login_required
@require_POST
def report_sent(request: HttpRequest, report_id: int) -> HttpResponse:
    return _post(request, report_id, "sent_form", SentForm,
                 lambda actor, report, data: absence_report_sent(
                     actor=actor, report=report, sent_on=data["sent_on"]),  # type: ignore[arg-type]
                 _("Recorded: the report went to DUO."))


@login_required
@require_POST
def report_answer(request: HttpRequest, report_id: int) -> HttpResponse:
    return _post(request, report_id, "answer_form", AnswerForm,
                 lambda actor, report, data: absence_report_answer(
                     actor=actor, report=report, answer=str(data["answer"]),
                     answered_on=data["answered_on"],  # type: ignore[arg-type]
                     closing_reason=str(data["closing_reason"])),
                 _("The municipality's answer is recorded."))


@login_required
@require_GET
def export_csv(request: HttpRequest, school_id: int) -> HttpResponse:
    reports = absence_reports_for_export(actor=actor_from_request(request), school_id=school_id)
    response = HttpResponse(absence_reports_csv(reports), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="verzuimmeldingen-{school_id}.csv"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_http_methods(["GET"])
def export_print(request: HttpRequest, school_id: int) -> HttpResponse:
    reports = absence_reports_for_export(actor=actor_from_request(request), school_id=school_id)
    response = render(request, "absencereports/print.html", {"reports": reports})
    response["Cache-Control"] = "no-store"
    return response
