"""The writes of the verzuimmelding. Each report moves through an explicit status table:

    draft --confirm--> confirmed --send--> sent --answer--> answered

A draft is edited by the school and confirmed (then its content is fixed); the school records
the day it sent the report on to DUO, and the municipality's answer (being handled, or closed
with a reason; a closed report is answered for good). Drafts come from the attendance figures
(`absence_reports_draft`, after each recompute and daily); a school may also start a report
itself (luxury or signal absence)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db.models import Count, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.absencereports.models import (
    AbsenceReport,
    MunicipalityAnswer,
    ReportKind,
    ReportStatus,
)
from schakel.access import policy
from schakel.access.actor import Actor, system_actor
from schakel.attendance.models import (
    AbsenceKind,
    AbsenceRecord,
    LongTermAbsence,
    ReportingEvent,
    WeeklyAttendance,
)
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.writer import Subject, access_events_record
from schakel.children.models import Child
from schakel.organisations.models import School
from schakel.transactions import service_transaction

# Which status each action needs, and the status it leads to.
TRANSITIONS: dict[str, tuple[ReportStatus, ReportStatus]] = {
    "edit": (ReportStatus.DRAFT, ReportStatus.DRAFT),
    "confirm": (ReportStatus.DRAFT, ReportStatus.CONFIRMED),
    "send": (ReportStatus.CONFIRMED, ReportStatus.SENT),
    "answer": (ReportStatus.SENT, ReportStatus.ANSWERED),
    "update_answer": (ReportStatus.ANSWERED, ReportStatus.ANSWERED),
}

NOT_ABSENT = (AbsenceKind.LATE, AbsenceKind.CANCELLED)


def _subject(report: AbsenceReport) -> Subject:
    return Subject.of(report, report.child_id)


def _move(report: AbsenceReport, action: str) -> None:
    needed, result = TRANSITIONS[action]
    if report.status != needed:
        raise ValidationError(_(
            "This report is %(status)s: that cannot be done now.")
            % {"status": report.get_status_display().lower()})
    report.status = result


def _days_absent(field: str, start: str, end: str) -> Subquery:
    return Subquery(
        AbsenceRecord.objects.filter(
            child_id=OuterRef("child_id"), school_id=OuterRef("school_id"),
            **{f"{field}__gte": OuterRef(start), f"{field}__lte": OuterRef(end)})
        .exclude(kind__in=NOT_ABSENT).order_by().values("child_id")
        .annotate(days=Count("day", distinct=True)).values("days"))


def absence_reports_draft(*, school_ids: Collection[int] | None = None) -> int:
    """A draft for every reporting event and long-term absence without a report yet (of
    these schools, or all); the number drafted. Run twice, the second run drafts nothing."""
    events = ReportingEvent.objects.filter(absence_report__isnull=True)
    spans = LongTermAbsence.objects.filter(absence_report__isnull=True)
    if school_ids is not None:
        events = events.filter(school_id__in=sorted(school_ids))
        spans = spans.filter(school_id__in=sorted(school_ids))
    events = events.annotate(days=Coalesce(_days_absent("day", "window_start", "window_end"), 0))
    spans = spans.annotate(
        days=Coalesce(_days_absent("school_week", "first_week", "last_week"), 0),
        minutes=Coalesce(Subquery(
            WeeklyAttendance.objects.filter(
                child_id=OuterRef("child_id"), school_id=OuterRef("school_id"),
                school_week__gte=OuterRef("first_week"), school_week__lte=OuterRef("last_week"))
            .order_by().values("child_id").annotate(total=Sum("absent_minutes"))
            .values("total")), 0))
    with service_transaction():
        drafts = [AbsenceReport(
            child_id=event.child_id, school_id=event.school_id, reporting_event=event,
            kind=ReportKind.SIXTEEN_HOURS, start_date=event.window_start,
            end_date=event.window_end, absent_days=event.days,
            absent_hours=_hours(event.unauthorised_minutes)) for event in events]
        drafts += [AbsenceReport(
            child_id=span.child_id, school_id=span.school_id, long_term_absence=span,
            kind=ReportKind.LONG_TERM, start_date=span.first_week,
            end_date=span.last_week + dt.timedelta(days=4), absent_days=span.days,
            absent_hours=_hours(span.minutes))
            for span in spans]
        AbsenceReport.objects.bulk_create(drafts)
        access_events_record(
            actor=system_actor(), event_code=EventCode.ABSENCE_REPORT_DRAFT,
            action=Action.CREATE, subjects=[_subject(report) for report in drafts],
            ground=policy.Ground.NONE)
    return len(drafts)


def _hours(minutes: int) -> Decimal:
    return (Decimal(minutes) / 60).quantize(Decimal("0.1"))


def absence_report_start(*, actor: Actor, school: School, child: Child, kind: str,
                         start_date: dt.date, end_date: dt.date, absent_hours: Decimal,
                         absent_days: int, suspected_reason: str, school_action: str,
                         municipal_action_wanted: bool) -> AbsenceReport:
    """A report the school starts itself (luxury or signal absence, or beginning absence)."""
    decision = policy.may_write_absence_report(actor, school.pk)
    enforce(actor, decision, event_code=EventCode.ABSENCE_REPORT_CHANGE, action=Action.CREATE,
            subject=Subject("absencereports.absencereport", "", child.pk))
    if kind in (ReportKind.SIXTEEN_HOURS, ReportKind.LONG_TERM):
        raise ValidationError(_(
            "Schakel drafts this kind of report itself from the attendance figures."))
    if end_date < start_date:
        raise ValidationError(_("The end date is before the start date."))
    if end_date > timezone.localdate():
        raise ValidationError(_("The absence cannot end in the future."))
    if not child.enrolments.filter(school=school).exists():
        raise ValidationError(_("This pupil is not enrolled at this school."))
    with service_transaction():
        report = AbsenceReport.objects.create(
            child=child, school=school, kind=kind, start_date=start_date, end_date=end_date,
            absent_hours=absent_hours, absent_days=absent_days,
            suspected_reason=suspected_reason, school_action=school_action,
            municipal_action_wanted=municipal_action_wanted)
        access_events_record(actor=actor, event_code=EventCode.ABSENCE_REPORT_CHANGE,
                             action=Action.CREATE, subjects=[_subject(report)],
                             ground=decision.log_ground)
    return report


def _change(actor: Actor, report: AbsenceReport, action: str,
            check: Callable[[AbsenceReport], None] | None = None, **fields: object) -> None:
    """Ask the policy, then the status table, then `check` (the action's own rule) on the
    locked row; then change it and log the change."""
    decision = policy.may_write_absence_report(actor, report.school_id)
    enforce(actor, decision, event_code=EventCode.ABSENCE_REPORT_CHANGE, action=Action.UPDATE,
            subject=_subject(report))
    with service_transaction():
        locked = AbsenceReport.objects.select_for_update().get(pk=report.pk)
        _move(locked, action)
        if check is not None:
            check(locked)
        for name, value in fields.items():
            setattr(locked, name, value)
        locked.save()
        access_events_record(actor=actor, event_code=EventCode.ABSENCE_REPORT_CHANGE,
                             action=Action.UPDATE, subjects=[_subject(locked)],
                             ground=decision.log_ground)
    report.refresh_from_db()


def absence_report_edit(*, actor: Actor, report: AbsenceReport, suspected_reason: str,
                        school_action: str, municipal_action_wanted: bool) -> None:
    _change(actor, report, "edit", suspected_reason=suspected_reason,
            school_action=school_action, municipal_action_wanted=municipal_action_wanted)


def _has_school_action(report: AbsenceReport) -> None:
    if not report.school_action.strip():
        raise ValidationError(_(
            "Say what the school did about the absence before confirming the report."))


def absence_report_confirm(*, actor: Actor, report: AbsenceReport) -> None:
    _change(actor, report, "confirm", check=_has_school_action, confirmed_at=timezone.now(),
            confirmed_by=actor.require_professional())


def absence_report_sent(*, actor: Actor, report: AbsenceReport, sent_on: dt.date) -> None:
    def check(locked: AbsenceReport) -> None:
        if sent_on > timezone.localdate():
            raise ValidationError(_("The report cannot have been sent in the future."))
        if locked.confirmed_at is not None and sent_on < timezone.localtime(
                locked.confirmed_at).date():
            raise ValidationError(_(
                "The report cannot have been sent before it was confirmed."))

    _change(actor, report, "send", check=check, sent_on=sent_on)


def absence_report_answer(*, actor: Actor, report: AbsenceReport, answer: str,
                          answered_on: dt.date, closing_reason: str) -> None:
    def check(locked: AbsenceReport) -> None:
        if locked.answer == MunicipalityAnswer.CLOSED:
            raise ValidationError(_("The municipality closed this report already."))
        if answer not in MunicipalityAnswer.values:
            raise ValidationError(_("Choose the municipality's answer."))
        if answer == MunicipalityAnswer.CLOSED and not closing_reason:
            raise ValidationError(_("A closed report needs its closing reason."))
        if answer != MunicipalityAnswer.CLOSED and closing_reason:
            raise ValidationError(_("Only a closed report has a closing reason."))
        if answered_on > timezone.localdate() or (
                locked.sent_on is not None and answered_on < locked.sent_on):
            raise ValidationError(_(
                "The answer date must lie between the day the report was sent and today."))

    action = "update_answer" if report.status == ReportStatus.ANSWERED else "answer"
    _change(actor, report, action, check=check, answer=answer, answered_on=answered_on,
            closing_reason=closing_reason)
