"""Calendar arithmetic of legal periods and ages. No database.

Months and years follow the civil-law reading of a period: the deadline falls on the day with
the same number; where that month is shorter, on its last day (31 January + 1 month =
28 or 29 February; a birthday on 29 February falls on 28 February in other years).
"""

from __future__ import annotations

import calendar
import datetime as dt


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
