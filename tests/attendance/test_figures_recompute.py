"""The engine's figures into the database: an import recomputes the pupils whose records it
changed; the stored rows are exactly the engine's output; a second run changes nothing; a
reporting event keeps its row."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from schakel.attendance.engine.run import engine_run
from schakel.attendance.engine.settings import EngineSettings
from schakel.attendance.models import (
    AttendancePattern,
    AttendanceRate,
    AttendanceTier,
    ReportingEvent,
    SchoolAttendanceFlag,
    WeeklyAttendance,
)
from schakel.attendance.services.figures import (
    _enrolments,
    attendance_figures_recompute,
    school_year_start,
)
from schakel.attendance.store import parquet_root
from schakel.attendance.tasks import attendance_figures_daily_job
from schakel.schoolcalendar.selectors import school_days
from tests.attendance.support import AttendanceWorld, dmy, magister_csv

pytestmark = pytest.mark.django_db

LESSON_STARTS = ["08:30", "09:20", "10:10", "11:00", "11:50", "12:40", "13:30", "14:20"]


def _lesson_rows(pupil: str, days: list[dt.date], lessons: range, *, first_id: int,
                 authorised: str = "nee") -> list[list[str]]:
    rows: list[list[str]] = []
    for day in days:
        for lesson in lessons:
            start = LESSON_STARTS[lesson - 1]
            hour, minute = map(int, start.split(":"))
            end_minutes = hour * 60 + minute + 50
            end = f"{end_minutes // 60:02d}:{end_minutes % 60:02d}"
            rows.append([str(first_id + len(rows)), pupil, f"{dmy(day)} {start}",
                         f"{dmy(day)} {end}", str(lesson), authorised, "1",
                         "A" if authorised == "nee" else "AA", "Absent"])
    return rows


def _sixteen_hours(att: AttendanceWorld) -> str:
    """Tina misses 7 lessons on Monday, Tuesday and Wednesday of one week: 1,050 minutes."""
    days = [att.monday + dt.timedelta(days=n) for n in range(3)]
    return magister_csv(att.monday, rows=_lesson_rows("1001", days, range(1, 8), first_id=900))


def test_an_import_stores_the_figures_of_its_pupils(att: AttendanceWorld) -> None:
    att.run(magister_csv(att.monday))
    week = WeeklyAttendance.objects.get(child=att.tina, school_week=att.monday)
    assert (week.absent_minutes, week.unauthorised_minutes) == (100, 100)
    bram = WeeklyAttendance.objects.get(child=att.bram, school_week=att.monday)
    assert (bram.late_count, bram.sick_minutes) == (1, 50)
    assert AttendanceRate.objects.filter(child=att.tina).exists()
    assert AttendancePattern.objects.filter(child=att.tina, weekday=1).get().absent_minutes == 100
    assert AttendanceTier.objects.filter(child=att.tina, school_week=att.monday).exists()
    assert SchoolAttendanceFlag.objects.filter(school=att.school).count() == 1


def test_the_stored_rows_are_the_engine_output(att: AttendanceWorld) -> None:
    att.run(_sixteen_hours(att))
    today = timezone.localdate()
    first = dt.date(school_year_start(today).year - 1, 8, 1)
    result = engine_run(
        records_root=parquet_root(),
        school_days=school_days(school_ids=[att.school.pk], start=first, end=today),
        enrolments=_enrolments([att.school.pk], first, today),
        settings=EngineSettings(as_of=today))
    engine_weekly = {(r["child_id"], r["school_week"]): r["absent_minutes"]
                     for r in result.weekly.to_pylist()}
    stored = {(w.child_id, w.school_week): w.absent_minutes
              for w in WeeklyAttendance.objects.filter(child=att.tina)}
    assert stored == {k: v for k, v in engine_weekly.items() if k[0] == att.tina.pk}
    engine_tiers = {(r["school_week"], r["tier"]) for r in result.tiers.to_pylist()
                    if r["child_id"] == att.tina.pk}
    assert set(AttendanceTier.objects.filter(child=att.tina)
               .values_list("school_week", "tier")) == engine_tiers
    event = ReportingEvent.objects.get(child=att.tina)
    # Reached on Wednesday, the whole of its absence counted.
    assert (event.seq, event.window_start, event.window_end, event.unauthorised_minutes) == (
        1, att.monday, att.monday + dt.timedelta(days=2), 1050)
    assert {(r["seq"], r["window_end"]) for r in result.reporting_events.to_pylist()} == {
        (1, event.window_end)}


def test_a_second_recompute_changes_nothing_and_keeps_the_event(att: AttendanceWorld) -> None:
    att.run(_sixteen_hours(att))
    event = ReportingEvent.objects.get(child=att.tina)
    today = timezone.localdate().isoformat()
    # The daily run stores every pupil of the school (the import only those it changed).
    assert attendance_figures_daily_job.call(today=today) == 1
    assert WeeklyAttendance.objects.filter(child=att.bram).exists()
    before = sorted(WeeklyAttendance.objects.values_list(
        "child_id", "school_week", "absent_minutes", "scheduled_minutes"))
    assert attendance_figures_daily_job.call(today=today) == 1
    assert ReportingEvent.objects.get(child=att.tina).pk == event.pk
    assert sorted(WeeklyAttendance.objects.values_list(
        "child_id", "school_week", "absent_minutes", "scheduled_minutes")) == before


def test_an_import_recomputes_only_the_pupils_it_changed(att: AttendanceWorld) -> None:
    att.run(magister_csv(att.monday))
    bram_week = WeeklyAttendance.objects.get(child=att.bram, school_week=att.monday)
    # Only Tina's records change; Bram's row is not rewritten (it keeps its id).
    att.run(_sixteen_hours(att), name="tina.csv")
    assert WeeklyAttendance.objects.get(child=att.bram, school_week=att.monday).pk == \
        bram_week.pk
    assert ReportingEvent.objects.filter(child=att.tina).count() == 1


def test_recompute_for_a_school_without_records_stores_no_pupil_rows(
        att: AttendanceWorld) -> None:
    outcome = attendance_figures_recompute(school_ids=[att.other_school.pk],
                                           as_of=timezone.localdate())
    assert outcome.reporting_events == 0
    assert not ReportingEvent.objects.exists()


def test_a_record_moved_to_another_pupil_recomputes_both(att: AttendanceWorld) -> None:
    att.run(magister_csv(att.monday))
    day = dmy(att.monday)
    moved = magister_csv(att.monday, rows=[
        ["501", "1002", f"{day} 08:30", f"{day} 09:20", "1", "nee", "1", "A", "Absent"]])
    att.run(moved, name="correctie.csv")
    assert WeeklyAttendance.objects.get(child=att.tina, school_week=att.monday
                                        ).absent_minutes == 50
    assert WeeklyAttendance.objects.get(child=att.bram, school_week=att.monday
                                        ).absent_minutes == 100
