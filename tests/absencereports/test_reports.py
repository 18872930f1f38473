"""The verzuimmelding: drafted once per reporting event, moved through its status table by the
school's core team, read by the leerplichtambtenaar of the school's municipality only."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone

from schakel.absencereports.models import AbsenceReport, ReportKind, ReportStatus
from schakel.absencereports.selectors import (
    EXPORT_HEADER,
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
    absence_report_start,
    absence_reports_draft,
)
from schakel.attendance.models import ReportingEvent
from schakel.audit.models import AccessEvent
from tests.attendance.support import AttendanceWorld
from tests.factories import ProfessionalFactory, actor_for

pytestmark = pytest.mark.django_db


def _event(att: AttendanceWorld) -> ReportingEvent:
    return ReportingEvent.objects.create(
        child=att.tina, school=att.school, seq=1, window_start=att.monday,
        window_end=att.monday + dt.timedelta(days=9), unauthorised_minutes=990)


def _draft(att: AttendanceWorld) -> AbsenceReport:
    _event(att)
    assert absence_reports_draft() == 1
    return AbsenceReport.objects.get()


def test_one_draft_per_event_with_its_hours(att: AttendanceWorld) -> None:
    report = _draft(att)
    assert (report.kind, report.status, report.start_date) == (
        ReportKind.SIXTEEN_HOURS, ReportStatus.DRAFT, att.monday)
    assert report.absent_hours == Decimal("16.5")
    assert absence_reports_draft() == 0  # a second run drafts nothing
    assert AccessEvent.objects.filter(event_code="absence_report.draft",
                                      child_id=att.tina.pk).count() == 1


def test_the_status_table_in_order(att: AttendanceWorld) -> None:
    report = _draft(att)
    actor = att.actor()
    with pytest.raises(ValidationError):  # not confirmed yet
        absence_report_sent(actor=actor, report=report, sent_on=timezone.localdate())
    with pytest.raises(ValidationError):  # what the school did is missing
        absence_report_confirm(actor=actor, report=report)
    absence_report_edit(actor=actor, report=report, suspected_reason="Spijbelt met vrienden",
                        school_action="Gesprek met Tina en haar moeder",
                        municipal_action_wanted=True)
    absence_report_confirm(actor=actor, report=report)
    assert report.status == ReportStatus.CONFIRMED
    with pytest.raises(ValidationError):  # confirmed: the content is fixed
        absence_report_edit(actor=actor, report=report, suspected_reason="x", school_action="y",
                            municipal_action_wanted=False)
    absence_report_sent(actor=actor, report=report, sent_on=timezone.localdate())
    with pytest.raises(ValidationError):  # closed needs a reason
        absence_report_answer(actor=actor, report=report, answer="afgesloten",
                              answered_on=timezone.localdate(), closing_reason="")
    absence_report_answer(actor=actor, report=report, answer="afgesloten",
                          answered_on=timezone.localdate(), closing_reason="terug_op_school")
    report.refresh_from_db()
    assert (report.status, report.closing_reason) == (ReportStatus.ANSWERED, "terug_op_school")
    with pytest.raises(ValidationError):  # closed for good
        absence_report_answer(actor=actor, report=report, answer="in_behandeling",
                              answered_on=timezone.localdate(), closing_reason="")


def test_a_refused_change_changes_nothing(att: AttendanceWorld) -> None:
    report = _draft(att)
    with pytest.raises(Http404):
        absence_report_edit(actor=att.actor(att.teacher), report=report, suspected_reason="x",
                            school_action="y", municipal_action_wanted=False)
    report.refresh_from_db()
    assert report.suspected_reason == ""


def test_the_truancy_officer_of_the_municipality_only(att: AttendanceWorld) -> None:
    report = _draft(att)
    officer = ProfessionalFactory(truancy_officer=True,
                                  organisation__municipality=att.school.municipality)
    elsewhere = ProfessionalFactory(truancy_officer=True, organisation__municipality="Elders")
    listing = absence_reports_for(actor=actor_for(officer))
    assert [r.pk for r in listing.reports] == [report.pk]
    assert listing.is_truancy_officer
    assert absence_report_get(actor=actor_for(officer), report_id=report.pk) == report
    assert AccessEvent.objects.filter(event_code="absence_report.read", child_id=att.tina.pk,
                                      ground="truancy_reporting").exists()
    for outsider in (elsewhere, att.teacher):
        with pytest.raises(Http404):
            absence_report_get(actor=actor_for(outsider), report_id=report.pk)
    with pytest.raises(Http404):
        absence_reports_for(actor=actor_for(att.teacher))
    assert absence_reports_for(actor=actor_for(elsewhere)).reports == []
    with pytest.raises(Http404):  # he reads, the school writes
        absence_report_confirm(actor=actor_for(officer), report=report)


def test_the_export_has_the_fields_of_the_besluit(att: AttendanceWorld) -> None:
    report = _draft(att)
    actor = att.actor()
    assert absence_reports_for_export(actor=actor, school_id=att.school.pk) == []  # drafts stay
    absence_report_edit(actor=actor, report=report, suspected_reason="", school_action="Gesprek",
                        municipal_action_wanted=False)
    absence_report_confirm(actor=actor, report=report)
    text = absence_reports_csv(absence_reports_for_export(actor=actor, school_id=att.school.pk))
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert rows[0] == EXPORT_HEADER
    line = dict(zip(rows[0], rows[1], strict=True))
    assert (line["Leerlingnummer"], line["Uren verzuim"], line["Actie gemeente gewenst"]) == (
        "1001", "16,5", "nee")
    assert line["Verzuim vanaf"] == att.monday.strftime("%d-%m-%Y")
    with pytest.raises(Http404):
        absence_reports_for_export(actor=actor_for(att.teacher), school_id=att.school.pk)


def test_a_report_the_school_starts_itself(att: AttendanceWorld) -> None:
    today = timezone.localdate()
    base: dict[str, Any] = {"actor": att.actor(), "school": att.school, "child": att.tina,
            "absent_hours": Decimal("30"), "absent_days": 5, "suspected_reason": "Vakantie",
            "school_action": "Verlof geweigerd", "municipal_action_wanted": True}
    with pytest.raises(ValidationError):  # Schakel drafts these itself
        absence_report_start(**base, kind=ReportKind.SIXTEEN_HOURS, start_date=today,
                             end_date=today)
    with pytest.raises(ValidationError):  # end before start
        absence_report_start(**base, kind=ReportKind.LUXURY, start_date=today,
                             end_date=today - dt.timedelta(days=1))
    assert not AbsenceReport.objects.exists()
    report = absence_report_start(**base, kind=ReportKind.LUXURY,
                                  start_date=today - dt.timedelta(days=7), end_date=today)
    assert report.status == ReportStatus.DRAFT
