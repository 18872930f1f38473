"""The IB'er keeps her school's calendar in a real browser: a study day, the region and a
shorter Friday; the page says which national holidays the region has."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from playwright.sync_api import expect
from pytest_django.live_server_helper import LiveServer

from schakel.schoolcalendar.models import DayOff, SchoolCalendar
from schakel.teams.models import TeamLayer, TeamMembership
from tests.e2e.conftest import NewPage, assert_accessible
from tests.e2e.test_case_flow import Demo, demo, sign_in, t

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

__all__ = ["demo"]  # the fixture, used by name below


def test_the_ib_er_keeps_her_school_calendar(
    live_server: LiveServer, new_page: NewPage, demo: Demo,
) -> None:
    school_id = TeamMembership.objects.filter(
        professional=demo.ib, team__layer=TeamLayer.CORE).values_list(
        "team__school_id", flat=True).first()
    assert school_id is not None
    page = new_page()
    sign_in(page, live_server, demo.ib.user)
    page.goto(live_server.url + reverse("schoolcalendar:edit", kwargs={"school_id": school_id}))
    assert_accessible(page)

    page.get_by_label(t("Holiday region")).select_option("noord")
    page.get_by_label(t("Minutes on Friday")).fill("300")
    page.get_by_role("button", name=t("Save"), exact=True).click()
    expect(page.get_by_text(t("The calendar has been saved."))).to_be_visible()
    calendar = SchoolCalendar.objects.get(school_id=school_id)
    assert (calendar.region, calendar.minutes_friday) == ("noord", 300)
    expect(page.get_by_role("cell", name="Herfstvakantie").first).to_be_visible()

    page.get_by_label(t("First day")).fill("2027-03-10")
    page.get_by_label(t("Last day")).fill("2027-03-10")
    page.get_by_label(t("Description")).fill("Studiedag team")
    page.get_by_role("button", name=t("Add"), exact=True).click()
    expect(page.get_by_text(t("The days off have been added."))).to_be_visible()
    assert_accessible(page)
    day_off = DayOff.objects.get(school_id=school_id)
    assert (day_off.start_date, day_off.kind) == (dt.date(2027, 3, 10), "studiedag")
