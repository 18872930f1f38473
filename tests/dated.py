"""Strategies for the `active_on` properties of the dated relations (`tests/*/test_active_on.py`):
periods and query days clustered around 29 February, so that a start or end on the query day,
a start and end on one day, and leap days come up often."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from django.db import transaction
from hypothesis import strategies as st

Period = tuple[dt.date, dt.date | None]

LEAP_DAYS = (dt.date(2000, 2, 29), dt.date(2024, 2, 29), dt.date(2028, 2, 29))
DAYS = st.builds(lambda leap, offset: leap + dt.timedelta(days=offset),
                 st.sampled_from(LEAP_DAYS), st.integers(-40, 40))


@st.composite
def periods(draw: st.DrawFn, *, end_before_start: bool = False) -> Period:
    """A start and an inclusive end (None: open-ended), the end on or after the start unless
    `end_before_start` (an involvement ended the day before it began, as a hand-over does)."""
    start = draw(DAYS)
    offset = draw(st.none() | st.integers(-2 if end_before_start else 0, 60))
    return start, None if offset is None else start + dt.timedelta(days=offset)


def query_day(data: st.DataObject, edges: Iterable[dt.date | None]) -> dt.date:
    """Any day, or one on or next to one of `edges` (the starts and ends of the rows)."""
    near = [day + dt.timedelta(days=k) for day in edges if day is not None for k in (-1, 0, 1)]
    return data.draw(st.sampled_from(near) | DAYS if near else DAYS, label="day")


@contextmanager
def rolled_back() -> Iterator[None]:
    """Each example writes its rows in a savepoint that is rolled back afterwards."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)
