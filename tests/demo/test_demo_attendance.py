"""The demo's attendance: a school year so far for every pupil, Tina's lateness on Mondays
and Fridays, Dylan past 16 hours in 4 school weeks twice, a classmate at home for six weeks;
the leerplichtambtenaar sees the reportable pupils with their draft reports."""

from __future__ import annotations

import pytest
from django.db.models import Sum

from schakel.absencereports.models import ReportKind, ReportStatus
from schakel.absencereports.selectors import absence_reports_for
from schakel.attendance.models import (
    AttendanceTier,
    LongTermAbsence,
    ReportingEvent,
    WeeklyAttendance,
)
from schakel.attendance.selectors.figures import attention_rows
from schakel.children.models import Child
from schakel.demo.attendance import demo_attendance_load
from schakel.demo.loader import DemoWorld, demo_world_load

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo() -> DemoWorld:
    return demo_world_load()


def test_the_demo_region_has_its_attendance_stories(demo: DemoWorld) -> None:
    secondary = demo.cast.places.schools["vo"]
    tina = demo.cast.children["tina"]
    dylan = Child.objects.get(first_name="Dylan", last_name="Hofstede")
    events = list(ReportingEvent.objects.filter(child=dylan, school=secondary).order_by("seq"))
    assert [event.seq for event in events] == [1, 2]
    assert events[0].window_end < events[1].window_start
    late = WeeklyAttendance.objects.filter(child=tina).aggregate(n=Sum("late_count"))["n"]
    assert late >= 10
    assert LongTermAbsence.objects.filter(school=secondary).exclude(child=dylan).exists()
    assert AttendanceTier.objects.filter(child=dylan, tier__gte=2).exists()
    # His second spell was in the last weeks: the core team discusses him now.
    rows = attention_rows(school_id=secondary.pk, as_of=demo.cast.today)
    assert dylan in [row.child for row in rows]


def test_the_leerplichtambtenaar_sees_the_drafts(demo: DemoWorld) -> None:
    listing = absence_reports_for(actor=demo.cast.actor("leerplicht.demo"))
    kinds = sorted(report.kind for report in listing.reports)
    assert kinds == sorted([ReportKind.SIXTEEN_HOURS, ReportKind.SIXTEEN_HOURS,
                            ReportKind.LONG_TERM])
    assert {report.status for report in listing.reports} == {ReportStatus.DRAFT}
    assert listing.is_truancy_officer


def test_loading_twice_changes_nothing(demo: DemoWorld) -> None:
    assert demo_attendance_load(schools=list(demo.cast.places.schools.values()), stories={},
                                today=demo.cast.today) == 0
