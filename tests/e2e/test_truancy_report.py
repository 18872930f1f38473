"""The verzuimmelding in a real browser: Tina passed 16 hours in 4 school weeks; the IB'er
finds her on the school's attendance page, completes and confirms the draft report, records
that it went to DUO; the leerplichtambtenaar of the municipality reads it. axe-core checks
each page."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect
from pytest_django.live_server_helper import LiveServer

from schakel.absencereports.models import AbsenceReport, ReportStatus
from schakel.absencereports.services import absence_reports_draft
from tests.attendance.conftest import att
from tests.attendance.support import AttendanceWorld
from tests.attendance.test_figures_recompute import _sixteen_hours
from tests.e2e.conftest import NewPage, assert_accessible
from tests.e2e.test_attendance_import import _sign_in
from tests.e2e.test_case_flow import t
from tests.factories import ProfessionalFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

__all__ = ["att"]  # the fixture of the attendance tests, used by name below


def test_the_school_reports_and_the_leerplichtambtenaar_reads(
        live_server: LiveServer, new_page: NewPage, att: AttendanceWorld) -> None:
    att.run(_sixteen_hours(att))
    assert absence_reports_draft() == 1
    page = new_page()
    _sign_in(page, live_server, att.core.user)
    page.get_by_role("link", name=t("Attendance"), exact=True).click()
    expect(page.get_by_role("heading", name=t("Pupils to discuss in the core team"))
           ).to_be_visible()
    expect(page.get_by_role("link", name=att.tina.full_name)).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name=t("Truancy reports"), exact=True).click()
    assert_accessible(page)
    page.get_by_role("link", name=att.tina.full_name).click()
    page.get_by_label(t("What the school did")).fill("Gesprek met Tina en haar moeder")
    page.get_by_role("button", name=t("Save the draft")).click()
    expect(page.get_by_text(t("The draft is saved."))).to_be_visible()
    page.get_by_role("button", name=t("Confirm the report")).click()
    expect(page.get_by_text(t("The report is confirmed: export it and send it on."))
           ).to_be_visible()
    page.get_by_label(t("Sent to DUO on")).fill(timezone.localdate().isoformat())
    page.get_by_role("button", name=t("Record")).click()
    expect(page.get_by_text(t("Recorded: the report went to DUO."))).to_be_visible()
    assert_accessible(page)
    assert AbsenceReport.objects.get().status == ReportStatus.SENT

    officer = ProfessionalFactory(truancy_officer=True,
                                  organisation__municipality=att.school.municipality)
    other = new_page()
    _sign_in(other, live_server, officer.user)
    other.get_by_role("link", name=t("Truancy reports"), exact=True).click()
    other.get_by_role("link", name=att.tina.full_name).click()
    expect(other.get_by_text("Gesprek met Tina en haar moeder")).to_be_visible()
    expect(other.get_by_role("button", name=t("Record"))).to_have_count(0)
    assert_accessible(other)
    response = other.goto(live_server.url + reverse(
        "attendance:school", kwargs={"school_id": att.school.pk}))
    assert response is not None
    assert response.status == 404
