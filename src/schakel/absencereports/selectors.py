"""Reads of the verzuimmelding: the list (the school's core team: its school; the
leerplichtambtenaar: the schools of his municipality), one report, the export. Every read is
logged per pupil shown."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass

from django.http import Http404

from schakel.absencereports.models import AbsenceReport, ReportStatus
from schakel.access import policy
from schakel.access.actor import Actor
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.reads import logged_read
from schakel.audit.writer import Subject

LIST_SUBJECT = Subject("absencereports.absencereport", "", None)

# The export's columns, in the order of the Besluit verzuimmelding's fields.
EXPORT_HEADER = [
    "BRIN", "School", "Leerlingnummer", "Achternaam", "Voornaam", "Geboortedatum", "Soort",
    "Verzuim vanaf", "Verzuim tot en met", "Uren verzuim", "Dagen verzuim",
    "Vermoedelijke reden", "Wat heeft de school gedaan", "Actie gemeente gewenst", "Status",
    "Verzonden naar DUO op",
]


@dataclass(frozen=True)
class ReportList:
    reports: list[AbsenceReport]
    may_write_school_ids: frozenset[int]
    is_truancy_officer: bool


def _reports_subjects(result: ReportList) -> Iterable[Subject]:
    return [Subject.of(report, report.child_id) for report in result.reports]


def _base() -> object:
    return AbsenceReport.objects.select_related("child", "school", "confirmed_by")


@logged_read(event_code=EventCode.ABSENCE_REPORT_LIST, subjects=_reports_subjects)
def absence_reports_for(*, actor: Actor, status: str = "") -> ReportList:
    """The reports the actor may read, newest first; the truancy officer sees no drafts'
    school-internal status differently: he reads what the school wrote so far."""
    enforce(actor, policy.may_list_absence_reports(actor), event_code=EventCode.ABSENCE_REPORT_LIST,
            action=Action.READ, subject=LIST_SUBJECT)
    reports = AbsenceReport.objects.select_related("child", "school").filter(
        policy.absence_reports_visible_q(actor))
    if status in ReportStatus.values:
        reports = reports.filter(status=status)
    return ReportList(
        reports=list(reports.order_by("school__name", "-end_date", "pk")),
        may_write_school_ids=policy.attendance_figures_school_ids(actor),
        is_truancy_officer=bool(policy.truancy_officer_municipality(actor)))


def _report_subjects(report: AbsenceReport) -> Iterable[Subject]:
    return [Subject.of(report, report.child_id)]


@logged_read(event_code=EventCode.ABSENCE_REPORT, subjects=_report_subjects)
def absence_report_get(*, actor: Actor, report_id: int) -> AbsenceReport:
    """One report the actor may read; missing and forbidden are the same 404."""
    report = (AbsenceReport.objects.select_related("child", "school", "confirmed_by")
              .filter(pk=report_id).first())
    subject = (Subject.of(report, report.child_id) if report is not None
               else Subject("absencereports.absencereport", str(report_id), None))
    enforce(actor, policy.may_read_absence_report(actor, report) if report is not None
            else policy.DENY, event_code=EventCode.ABSENCE_REPORT, action=Action.READ,
            subject=subject)
    if report is None:
        raise Http404
    return report


def _export_subjects(reports: list[AbsenceReport]) -> Iterable[Subject]:
    return [Subject.of(report, report.child_id) for report in reports]


@logged_read(event_code=EventCode.ABSENCE_REPORT_EXPORT, subjects=_export_subjects)
def absence_reports_for_export(*, actor: Actor, school_id: int) -> list[AbsenceReport]:
    """The school's confirmed reports (and those sent on), for the export the school sends on;
    someone not in the school's core team gets the 404."""
    enforce(actor, policy.may_write_absence_report(actor, school_id),
            event_code=EventCode.ABSENCE_REPORT_EXPORT, action=Action.EXECUTE,
            subject=Subject("organisations.school", str(school_id), None))
    return list(AbsenceReport.objects.select_related("child", "school")
                .filter(school_id=school_id, status__in=[
                    ReportStatus.CONFIRMED, ReportStatus.SENT, ReportStatus.ANSWERED])
                .prefetch_related("child__enrolments")
                .order_by("start_date", "pk"))


def _pupil_number(report: AbsenceReport) -> str:
    for enrolment in report.child.enrolments.all():
        if enrolment.school_id == report.school_id:
            return enrolment.pupil_number
    return ""


def absence_reports_csv(reports: list[AbsenceReport]) -> str:
    """The export as CSV (`;`, a BOM so that Excel reads UTF-8), Dutch headers."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(EXPORT_HEADER)
    for report in reports:
        child = report.child
        writer.writerow([
            report.school.brin, report.school.name, _pupil_number(report), child.last_name,
            child.first_name, child.birth_date.strftime("%d-%m-%Y"),
            report.get_kind_display(), report.start_date.strftime("%d-%m-%Y"),
            report.end_date.strftime("%d-%m-%Y"), str(report.absent_hours).replace(".", ","),
            report.absent_days, report.suspected_reason, report.school_action,
            "ja" if report.municipal_action_wanted else "nee", report.get_status_display(),
            report.sent_on.strftime("%d-%m-%Y") if report.sent_on else ""])
    return "\ufeff" + buffer.getvalue()
