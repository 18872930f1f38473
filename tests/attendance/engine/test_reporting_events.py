"""Leerplichtwet art. 21a: 16 hours of unauthorised absence within 4 consecutive school weeks."""

from datetime import date, timedelta
from typing import Any

import pytest

from tests.attendance.engine.conftest import Run
from tests.attendance.engine.data import Rec, calendar

MONDAY = date(2026, 8, 31)
EVER = [(1, 1, date(2026, 8, 1), None)]


def days_of_week(cal: list[dict[str, Any]], seq: int) -> list[date]:
    return [d["day"] for d in cal if d["week_seq"] == seq]


def events(result) -> list[tuple[int, date, date, int]]:
    return [
        (r["seq"], r["window_start"], r["window_end"], r["unauthorised_minutes"])
        for r in result.reporting_events.to_pylist()
    ]


def test_exactly_sixteen_hours_is_reached_with_ge_and_not_with_gt(run: Run) -> None:
    cal = calendar(1, MONDAY, 6)
    days = [d["day"] for d in cal]
    records = [Rec(1, 1, day, "absent", 240) for day in days[:4]]  # 4 x 4 h = 16 h
    assert events(run(cal, EVER, records)) == [(1, days[0], days[3], 960)]
    assert events(run(cal, EVER, records, report_inclusive=False)) == []
    more = [*records, Rec(1, 1, days[4], "absent", 1)]
    assert events(run(cal, EVER, more, report_inclusive=False)) == [(1, days[0], days[4], 961)]


def test_the_window_skips_a_holiday(run: Run) -> None:
    # Weeks 0 and 1 at school, week 2 autumn holiday, weeks 3 and 4 at school again: weeks 0, 1,
    # 3, 4 are four consecutive school weeks.
    cal = calendar(1, MONDAY, 6, holiday_weeks=[2])
    first = days_of_week(cal, 1)[0]
    last = days_of_week(cal, 4)[4]
    records = [Rec(1, 1, first, "absent", 480), Rec(1, 1, last, "absent", 480)]
    assert events(run(cal, EVER, records)) == [(1, first, last, 960)]
    # Without the holiday the same two days are five weeks apart: no event.
    plain = calendar(1, MONDAY, 6)
    late = MONDAY + timedelta(weeks=4, days=4)
    apart = [Rec(1, 1, first, "absent", 480), Rec(1, 1, late, "absent", 480)]
    assert events(run(plain, EVER, apart)) == []


def test_authorised_absence_and_lateness_do_not_count(run: Run) -> None:
    cal = calendar(1, MONDAY, 4)
    days = [d["day"] for d in cal]
    records = [
        Rec(1, 1, days[0], "sick", 330, authorised=True),
        Rec(1, 1, days[1], "absent", 330, authorised=True),
        Rec(1, 1, days[2], "absent", 330),
        Rec(1, 1, days[3], "absent", 330),
        *[Rec(1, 1, day, "late", 50) for day in days[4:10]],
    ]
    assert events(run(cal, EVER, records)) == []
    # A profile that counts lateness: 660 + 6 x 50 = 960.
    assert events(run(cal, EVER, records, report_counts_late=True)) == [(1, days[2], days[9], 960)]


def test_a_second_event_after_the_count_restarts(run: Run) -> None:
    cal = calendar(1, MONDAY, 8)
    days = [d["day"] for d in cal]
    # 5 h a day: 16 h is reached on the 4th day (1200 min); the count restarts after it.
    records = [Rec(1, 1, day, "absent", 300) for day in days[:8]]
    assert events(run(cal, EVER, records)) == [
        (1, days[0], days[3], 1200),
        (2, days[4], days[7], 1200),
    ]


def test_no_second_event_from_minutes_already_reported(run: Run) -> None:
    cal = calendar(1, MONDAY, 8)
    days = [d["day"] for d in cal]
    records = [Rec(1, 1, day, "absent", 330) for day in days[:3]]  # 990
    records.append(Rec(1, 1, days[5], "absent", 60))
    assert events(run(cal, EVER, records)) == [(1, days[0], days[2], 990)]


def test_a_pupil_changing_school_mid_window(run: Run) -> None:
    # Each school reports its own registration: 8 h at the old school and 8 h at the new one in
    # the same four weeks is no event at either.
    cal = calendar(1, MONDAY, 6) + calendar(2, MONDAY, 6)
    moved = MONDAY + timedelta(weeks=2)
    enrolments = [(1, 1, date(2026, 8, 1), moved - timedelta(days=1)), (1, 2, moved, None)]
    records = [
        Rec(1, 1, MONDAY, "absent", 480),
        Rec(1, 2, moved + timedelta(days=1), "absent", 480),
        # A record at the old school after the move is outside the enrolment and ignored.
        Rec(1, 1, moved + timedelta(days=2), "absent", 480),
    ]
    result = run(cal, enrolments, records)
    assert events(result) == []
    weekly = {(r["school_id"], r["school_week"]): r for r in result.weekly.to_pylist()}
    assert (1, moved) not in weekly
    assert weekly[(2, moved)]["unauthorised_minutes"] == 480


def test_days_after_as_of_are_not_counted(run: Run) -> None:
    cal = calendar(1, MONDAY, 4)
    days = [d["day"] for d in cal]
    records = [Rec(1, 1, day, "absent", 300) for day in days[:4]]
    assert events(run(cal, EVER, records, as_of=days[2])) == []
    assert len(events(run(cal, EVER, records, as_of=days[3]))) == 1


@pytest.mark.parametrize("weeks", [1, 2])
def test_the_number_of_weeks_is_configurable(run: Run, weeks: int) -> None:
    cal = calendar(1, MONDAY, 4)
    first = days_of_week(cal, 1)[0]
    second = days_of_week(cal, 2)[0]
    records = [Rec(1, 1, first, "absent", 480), Rec(1, 1, second, "absent", 480)]
    expected = [(1, first, second, 960)] if weeks == 2 else []
    assert events(run(cal, EVER, records, report_weeks=weeks)) == expected
