"""The stored figures take the engine's output columns (ATTENDANCE_CONTRACT.md) as they are,
one row per pupil and week (or event, or school and week)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from schakel.attendance.models import (
    AttendanceTier,
    LongTermAbsence,
    ReportingEvent,
    SchoolAttendanceFlag,
    WeeklyAttendance,
)
from tests.attendance.support import AttendanceWorld

pytestmark = pytest.mark.django_db

WEEKLY = ["child_id", "school_id", "school_week", "week_seq", "school_year",
          "scheduled_minutes", "absent_minutes", "authorised_minutes", "unauthorised_minutes",
          "sick_minutes", "late_minutes", "late_count"]


def test_the_figures_take_the_engine_columns(att: AttendanceWorld) -> None:
    week = att.monday
    keys = {"child_id": att.tina.pk, "school_id": att.school.pk}
    weekly = dict(zip(WEEKLY, [att.tina.pk, att.school.pk, week, 12, "2026-2027", 1500, 200,
                               50, 150, 0, 10, 2], strict=True))
    WeeklyAttendance.objects.create(**weekly)
    ReportingEvent.objects.create(**keys, seq=1, window_start=week, window_end=week,
                                  unauthorised_minutes=960)
    LongTermAbsence.objects.create(**keys, first_week=week, last_week=week, weeks=5)
    AttendanceTier.objects.create(**keys, school_week=week, tier=2, band="10_20",
                                  reasons=["rate_10", "reporting_event"])
    SchoolAttendanceFlag.objects.create(school=att.school, school_week=week, pupils=400,
                                        tier1_share=0.76, flagged=True)
    assert AttendanceTier.objects.get().reasons == ["rate_10", "reporting_event"]
    with pytest.raises(IntegrityError), transaction.atomic():
        WeeklyAttendance.objects.create(**weekly)  # one row per pupil, school and week
    with pytest.raises(IntegrityError), transaction.atomic():
        AttendanceTier.objects.create(**keys, school_week=week - dt.timedelta(days=7), tier=4)
