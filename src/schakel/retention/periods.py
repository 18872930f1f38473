"""Retention periods and legal deadlines (on the calendar arithmetic of `schakel.dates`).
No database."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from schakel.dates import add_months, add_years

DESTRUCTION_MONTHS = 3  # Jeugdwet 7.3.9: destroy within three months of the request.
VERWIJSINDEX_REPORT_YEARS = 2  # a report in the Verwijsindex risicojongeren expires after 2 years


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
