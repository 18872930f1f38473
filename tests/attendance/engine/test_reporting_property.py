"""The engine agrees with an obviously-correct reference of the 16-hour rule (and of the weekly
totals) on random pupils, timetables and calendars."""

import tempfile
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from schakel.attendance.engine.run import engine_run
from schakel.attendance.engine.settings import EngineSettings
from tests.attendance.engine.data import (
    Rec,
    calendar,
    enrolments_table,
    school_days_table,
    write_records,
)

MONDAY = date(2026, 8, 31)
WEEKS = 12
KINDS = ["absent", "absent", "absent", "late", "sick", "removed", "exempt", "cancelled"]


def reference_events(days, records, *, threshold, weeks, inclusive):
    """Walk the school days in order; count the unauthorised minutes of the last `weeks` school
    weeks after the last event; an event each time the count reaches the threshold."""
    minutes: defaultdict[date, int] = defaultdict(int)
    for r in records:
        if r.kind not in ("late", "cancelled") and not r.authorised:
            minutes[r.day] += r.minutes
    found: list[tuple[int, date, date, int]] = []
    after = None
    for day, seq in days:
        if minutes[day] == 0:
            continue
        window = [
            (d, minutes[d])
            for d, s in days
            if seq - weeks < s <= seq and d <= day and (after is None or d > after) and minutes[d]
        ]
        total = sum(m for _d, m in window)
        if total >= threshold if inclusive else total > threshold:
            found.append((len(found) + 1, min(d for d, _m in window), day, total))
            after = day
    return found


@st.composite
def worlds(draw):
    holidays = draw(st.sets(st.integers(0, WEEKS - 1), max_size=3))
    all_days = [MONDAY + timedelta(days=i) for i in range(WEEKS * 7)]
    days_off = draw(st.sets(st.sampled_from(all_days), max_size=4))
    minutes = draw(st.sampled_from([300, 330]))
    cal = calendar(1, MONDAY, WEEKS, holiday_weeks=holidays, days_off=days_off, minutes=minutes)
    school_days = [d["day"] for d in cal]
    start = draw(st.sampled_from(school_days[:10])) if school_days else MONDAY
    pupils = draw(st.integers(1, 3))
    records = []
    for child in range(1, pupils + 1):
        for day in draw(st.lists(st.sampled_from(school_days), max_size=25)) if school_days else []:
            records.append(
                Rec(
                    child,
                    1,
                    day,
                    draw(st.sampled_from(KINDS)),
                    draw(st.sampled_from([30, 50, 60, 120, 180, 240, 330])),
                    authorised=draw(st.booleans()),
                )
            )
    threshold = draw(st.sampled_from([480, 960]))
    weeks = draw(st.sampled_from([2, 4]))
    inclusive = draw(st.booleans())
    return cal, start, pupils, records, threshold, weeks, inclusive


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(worlds())
def test_reporting_events_agree_with_the_reference(world) -> None:
    cal, start, pupils, records, threshold, weeks, inclusive = world
    with tempfile.TemporaryDirectory() as folder:
        result = engine_run(
            records_root=write_records(Path(folder), records),
            school_days=school_days_table(cal),
            enrolments=enrolments_table([(c, 1, start, None) for c in range(1, pupils + 1)]),
            settings=EngineSettings(
                as_of=date(2027, 7, 31),
                report_minutes=threshold,
                report_weeks=weeks,
                report_inclusive=inclusive,
            ),
        )
    enrolled = [(d["day"], d["week_seq"]) for d in cal if d["day"] >= start]
    got = defaultdict(list)
    for r in result.reporting_events.to_pylist():
        got[r["child_id"]].append(
            (r["seq"], r["window_start"], r["window_end"], r["unauthorised_minutes"])
        )
    for child in range(1, pupils + 1):
        mine = [r for r in records if r.child_id == child and r.day >= start]
        expected = reference_events(
            enrolled, mine, threshold=threshold, weeks=weeks, inclusive=inclusive
        )
        assert got[child] == expected

    # The weekly totals, written out per record.
    weekly = {(r["child_id"], r["school_week"]): r for r in result.weekly.to_pylist()}
    week_of = {d["day"]: d["school_week"] for d in cal}
    for child in range(1, pupils + 1):
        absent: defaultdict[date, int] = defaultdict(int)
        late: defaultdict[date, int] = defaultdict(int)
        for r in records:
            if r.child_id != child or r.day < start:
                continue
            if r.kind == "late":
                late[week_of[r.day]] += r.minutes
            elif r.kind != "cancelled":
                absent[week_of[r.day]] += r.minutes
        for week in {week_of[d] for d, _s in enrolled}:
            assert weekly[(child, week)]["absent_minutes"] == absent[week]
            assert weekly[(child, week)]["late_minutes"] == late[week]
