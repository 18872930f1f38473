"""Dates relative to today, so that tests pass on any day they run."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone


def today() -> dt.date:
    return timezone.localdate()


def days_ago(n: int) -> dt.date:
    return today() - dt.timedelta(days=n)


def days_ahead(n: int) -> dt.date:
    return today() + dt.timedelta(days=n)


def birth_date_for_age(age: int, on: dt.date | None = None) -> dt.date:
    """A birth date that makes a child exactly `age` on `on` (today), with the next birthday
    some weeks away, so that tests do not depend on the day they run."""
    day = on or today()
    try:
        anniversary = day.replace(year=day.year - age)
    except ValueError:  # 29 February in a year without one
        anniversary = day.replace(year=day.year - age, day=28)
    return anniversary - dt.timedelta(days=30)
