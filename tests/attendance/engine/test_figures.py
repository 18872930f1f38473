"""Rates, long-term absence, patterns, RtI tiers and the school flag on hand-made data."""

from datetime import date, timedelta

import pytest

from tests.attendance.engine.conftest import Run
from tests.attendance.engine.data import Rec, calendar

MONDAY = date(2026, 8, 31)
EVER = [(1, 1, date(2026, 8, 1), None)]


def test_the_rate_leaves_out_cancelled_lessons_and_lateness(run: Run) -> None:
    cal = calendar(1, MONDAY, 4, minutes=300)
    days = [d["day"] for d in cal]
    records = [
        Rec(1, 1, days[0], "sick", 300, authorised=True),
        Rec(1, 1, days[1], "cancelled", 100),
        Rec(1, 1, days[2], "late", 20),
        Rec(1, 1, days[3], "removed", 50),
    ]
    (rates,) = run(cal, EVER, records, as_of=days[-1]).rates.to_pylist()
    assert rates["enrolled_days"] == 20
    assert rates["rate_year"] == pytest.approx(350 / (20 * 300 - 100))
    assert rates["rate_4w"] == rates["rate_year"]


def test_no_rate_before_fifteen_enrolled_days(run: Run) -> None:
    cal = calendar(1, MONDAY, 4)
    days = [d["day"] for d in cal]
    records = [Rec(1, 1, days[0], "absent", 330)]
    (early,) = run(cal, EVER, records, as_of=days[13]).rates.to_pylist()
    assert (early["enrolled_days"], early["rate_year"], early["rate_4w"]) == (14, None, None)
    (later,) = run(cal, EVER, records, as_of=days[14]).rates.to_pylist()
    assert later["rate_year"] == pytest.approx(1 / 15)


def test_the_last_four_and_eight_school_weeks(run: Run) -> None:
    cal = calendar(1, MONDAY, 10, holiday_weeks=[8])
    week_days: dict[int, list[date]] = {d["week_seq"]: [] for d in cal}
    for d in cal:
        week_days[d["week_seq"]].append(d["day"])
    # Absent the whole first week only: outside the last 8 of 9 school weeks.
    records = [Rec(1, 1, day, "absent", 330) for day in week_days[1]]
    (rates,) = run(cal, EVER, records, as_of=cal[-1]["day"]).rates.to_pylist()
    assert rates["rate_year"] == pytest.approx(1 / 9)
    assert (rates["rate_4w"], rates["rate_8w"]) == (0.0, 0.0)


def test_long_term_absence_is_more_than_four_whole_school_weeks(run: Run) -> None:
    cal = calendar(1, MONDAY, 9, holiday_weeks=[3])
    days = [d["day"] for d in cal if d["week_seq"] <= 5]
    records = [Rec(1, 1, day, "sick", 330, authorised=True) for day in days]
    result = run(cal, EVER, records)
    assert result.long_term.to_pylist() == [
        {
            "child_id": 1,
            "school_id": 1,
            "first_week": MONDAY,
            "last_week": MONDAY + timedelta(weeks=5),
            "weeks": 5,
        }
    ]
    # Four weeks is not long-term.
    assert run(cal, EVER, records[:-5]).long_term.num_rows == 0
    tiers = {t["school_week"]: t for t in result.tiers.to_pylist()}
    assert tiers[MONDAY + timedelta(weeks=5)]["tier"] == 3
    assert "long_term" in tiers[MONDAY + timedelta(weeks=5)]["reasons"]


def test_patterns_by_weekday(run: Run) -> None:
    # Friday 2 October is a study day: Thursday 1 October is next to a day off.
    cal = calendar(1, MONDAY, 6, days_off=[date(2026, 10, 2)], lessons=6)
    records = [
        Rec(1, 1, date(2026, 9, 7), "absent", 55, lesson=1),  # Monday, first lesson
        Rec(1, 1, date(2026, 9, 11), "absent", 55, lesson=6),  # Friday, last lesson
        Rec(1, 1, date(2026, 10, 1), "absent", 330),  # Thursday before the study day
        Rec(1, 1, date(2026, 9, 8), "late", 5),
        Rec(1, 1, date(2026, 9, 15), "late", 10),
    ]
    patterns = {p["weekday"]: p for p in run(cal, EVER, records).patterns.to_pylist()}
    assert set(patterns) == {1, 2, 3, 4, 5}
    assert patterns[1]["first_lesson_count"] == 1
    assert patterns[1]["next_to_weekend_count"] == 1
    assert patterns[5]["last_lesson_count"] == 1
    assert patterns[5]["next_to_weekend_count"] == 1
    assert patterns[4]["next_to_holiday_count"] == 1
    assert patterns[4]["absent_minutes"] == 330
    assert patterns[2]["late_count"] == 2
    assert patterns[3]["absent_minutes"] == 0


def test_bands_and_tiers(run: Run) -> None:
    cal = calendar(1, MONDAY, 4)
    days = [d["day"] for d in cal]
    # 20 days of 330 minutes; pupil 1 misses 3 % (authorised), pupil 2 7 %, pupil 3 15 %,
    # pupil 4 25 % (all authorised, so no reporting event).
    enrolments = [(c, 1, date(2026, 8, 1), None) for c in (1, 2, 3, 4)]
    total = 20 * 330
    records = [
        Rec(child, 1, days[0], "sick", round(total * share), authorised=True)
        for child, share in ((1, 0.03), (2, 0.07), (3, 0.15), (4, 0.25))
    ]
    result = run(cal, enrolments, records, as_of=days[-1])
    last = {
        t["child_id"]: t
        for t in result.tiers.to_pylist()
        if t["school_week"] == cal[-1]["school_week"]
    }
    assert [(last[c]["band"], last[c]["tier"], last[c]["reasons"]) for c in (1, 2, 3, 4)] == [
        ("under_5", 1, []),
        ("watch_5_10", 1, []),
        ("10_20", 2, ["rate_10"]),
        ("20_plus", 3, ["rate_20"]),
    ]
    (flag,) = result.school_flags.to_pylist()
    assert flag == {"school_id": 1, "pupils": 4, "tier1_share": 0.5, "flagged": True}


def test_prior_year_and_no_improvement(run: Run) -> None:
    # School year 2025-2026: 10 weeks in June-July, then 2026-2027 from 31 August.
    cal = calendar(1, date(2026, 5, 11), 10) + calendar(1, MONDAY, 12)
    seqs: dict[tuple[str, date], None] = {}
    for d in cal:
        seqs.setdefault((d["school_year"], d["school_week"]), None)
    for row in cal:
        row["week_seq"] = list(seqs).index((row["school_year"], row["school_week"])) + 1
    prior_days = [d["day"] for d in cal if d["school_year"] == "2025-2026"]
    this_year = [d["day"] for d in cal if d["school_year"] == "2026-2027"]
    # 12 % last year, nothing this year: tier 2 through the prior year.
    records = [Rec(1, 1, day, "sick", 330, authorised=True) for day in prior_days[:6]]
    result = run(cal, [(1, 1, date(2025, 8, 1), None)], records, as_of=this_year[-1])
    now = [t for t in result.tiers.to_pylist() if t["school_week"] >= MONDAY]
    assert {(t["tier"], tuple(t["reasons"])) for t in now} == {(2, ("prior_year_10",))}

    # 15 % every week this year (none last year): tier 2 from the 15th day, in week 3; after 6
    # weeks in tier 2 without improvement, tier 3.
    steady = [Rec(1, 1, day, "sick", 50, authorised=True) for day in this_year]
    tiers = [
        t
        for t in run(
            cal, [(1, 1, date(2025, 8, 1), None)], steady, as_of=this_year[-1]
        ).tiers.to_pylist()
        if t["school_week"] >= MONDAY
    ]
    assert [t["tier"] for t in tiers] == [1, 1] + [2] * 6 + [3] * 4
    assert tiers[8]["reasons"] == ["rate_10", "no_improvement"]
