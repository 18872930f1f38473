"""Dates for the demo world and the generated region, always relative to a given day so
that the ages of the seed-004 family (4, 7, 13 and 17) stay right whenever the demo is
loaded."""

from __future__ import annotations

import datetime as dt

# The Dutch school year formally starts on 1 August.
SCHOOL_YEAR_START_MONTH = 8


def school_year_start(day: dt.date) -> dt.date:
    year = day.year if day.month >= SCHOOL_YEAR_START_MONTH else day.year - 1
    return dt.date(year, SCHOOL_YEAR_START_MONTH, 1)


def school_year_label(day: dt.date, years_back: int = 0) -> str:
    """The school year containing `day`, or one `years_back` earlier: e.g. "2026-2027"."""
    start = school_year_start(day).year - years_back
    return f"{start}-{start + 1}"


def _safe_date(year: int, month: int, day: int) -> dt.date:
    """A date, with 29 February moved to 28 February in common years."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return dt.date(year, month, day - 1)


def birth_date_for_age(today: dt.date, age: int, days_past_birthday: int) -> dt.date:
    """A birth date on which someone is `age` today, their last birthday having been
    `days_past_birthday` days ago (0 to 364)."""
    if not 0 <= days_past_birthday < 365:
        raise ValueError("days_past_birthday must lie between 0 and 364")
    last_birthday = today - dt.timedelta(days=days_past_birthday)
    return _safe_date(last_birthday.year - age, last_birthday.month, last_birthday.day)


def years_after(day: dt.date, years: int) -> dt.date:
    return _safe_date(day.year + years, day.month, day.day)
