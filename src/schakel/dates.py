"""Calendar arithmetic of legal periods and ages, and the one rule of a dated period.

Months and years follow the civil-law reading of a period: the deadline falls on the day with
the same number; where that month is shorter, on its last day (31 January + 1 month =
28 or 29 February; a birthday on 29 February falls on 28 February in other years).
"""

from __future__ import annotations

import calendar
import datetime as dt

from django.db import models


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` moved by `months` (may be negative), clamped to the end of a shorter month."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(day.day, last))


def add_years(day: dt.date, years: int) -> dt.date:
    """`day` moved by `years` (may be negative); 29 February becomes 28 February."""
    return add_months(day, 12 * years)


class DatedPeriod:
    """A period from `start_date` to `end_date` (the last day; None: open-ended), for
    enrolments, measures and team memberships: whether it is active on a day, written once
    (as a `Q` for queries and in Python for loaded rows)."""

    start_date: dt.date
    end_date: dt.date | None

    @classmethod
    def not_ended_before_q(cls, day: dt.date, prefix: str = "") -> models.Q:
        return (models.Q(**{f"{prefix}end_date__isnull": True})
                | models.Q(**{f"{prefix}end_date__gte": day}))

    @classmethod
    def active_q(cls, day: dt.date, prefix: str = "") -> models.Q:
        return models.Q(**{f"{prefix}start_date__lte": day}) & cls.not_ended_before_q(day, prefix)

    def is_active_on(self, day: dt.date) -> bool:
        return self.start_date <= day and (self.end_date is None or day <= self.end_date)
