"""Date arithmetic for retention periods and legal deadlines. No database.

Months and years follow the civil-law reading of a period: the deadline falls on the day with
the same number; where that month is shorter, on its last day (31 January + 1 month =
28 or 29 February).
"""

from __future__ import annotations

import calendar
import datetime as dt

from django.utils import timezone

DESTRUCTION_MONTHS = 3  # Jeugdwet 7.3.9: destroy within three months of the request.
VERWIJSINDEX_REPORT_YEARS = 2  # a report in the Verwijsindex risicojongeren expires after 2 years


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


def destruction_due_on(received_on: dt.date) -> dt.date:
    """The last day to carry out a destruction request received on `received_on`."""
    return add_months(received_on, DESTRUCTION_MONTHS)


def verwijsindex_expires_on(reported_on: dt.date) -> dt.date:
    """The day a Verwijsindex report made on `reported_on` expires."""
    return add_years(reported_on, VERWIJSINDEX_REPORT_YEARS)


def retention_cutoff(today: dt.date, *, years: int, days: int) -> dt.date:
    """The last start day whose period has run out on `today`: data whose start event fell on
    or before this day has expired. With a start day D and a period P, the data expires on the
    day D + P (the anniversary), not a day later."""
    return add_years(today, -years) - dt.timedelta(days=days)


def start_of_day_after(day: dt.date) -> dt.datetime:
    """Midnight (local time) at the end of `day`, as an aware datetime: a timestamp whose local
    date is on or before `day` is strictly before it."""
    return timezone.make_aware(dt.datetime.combine(day + dt.timedelta(days=1), dt.time.min))
