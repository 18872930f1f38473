"""Reads of the school calendar. No child's data.

`school_days` gives the attendance engine its `school_days` table (ATTENDANCE_CONTRACT.md):
one row per school and school day, built with one DuckDB query over the calendar dimension
(every date of the period), the schools' settings, the holidays and the days off. Python only
loads those settings and holidays (a few rows per school), never a row per day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import duckdb
import pyarrow as pa
from django.http import Http404

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.writer import Subject
from schakel.organisations.models import School
from schakel.schoolcalendar.models import (
    DEFAULT_REGION,
    DayOff,
    Holiday,
    SchoolCalendar,
    SchoolYear,
    default_timetable,
    school_year_name,
)

SCHOOL_DAYS_SCHEMA = pa.schema(
    [
        ("school_id", pa.int64()),
        ("day", pa.date32()),
        ("school_week", pa.date32()),
        ("week_seq", pa.int32()),
        ("school_year", pa.string()),
        ("scheduled_minutes", pa.int32()),
        ("lessons", pa.int16()),
    ]
)

# week_seq counts the school weeks from this day (or from the period's start, if earlier), so a
# week keeps its number whatever period is asked for.
WEEK_SEQ_ORIGIN = dt.date(2025, 8, 1)
YEAR = dt.timedelta(days=366)

_SETTINGS_SCHEMA = pa.schema(
    [("school_id", pa.int64()), ("region", pa.string())]
    + [(f"m{n}", pa.int32()) for n in range(1, 6)]
    + [(f"l{n}", pa.int16()) for n in range(1, 6)]
)
_HOLIDAYS_SCHEMA = pa.schema(
    [("region", pa.string()), ("start_date", pa.date32()), ("end_date", pa.date32())]
)
_DAYS_OFF_SCHEMA = pa.schema(
    [("school_id", pa.int64()), ("start_date", pa.date32()), ("end_date", pa.date32())]
)

_SCHOOL_DAYS_SQL = """
WITH dates AS (
  SELECT CAST(d AS DATE) AS day
  FROM generate_series(CAST($origin AS DATE), CAST($last AS DATE), INTERVAL 1 DAY) g(d)
),
open_days AS (
  SELECT
    s.school_id, d.day,
    CASE isodow(d.day) WHEN 1 THEN s.m1 WHEN 2 THEN s.m2 WHEN 3 THEN s.m3 WHEN 4 THEN s.m4
      ELSE s.m5 END AS scheduled_minutes,
    CASE isodow(d.day) WHEN 1 THEN s.l1 WHEN 2 THEN s.l2 WHEN 3 THEN s.l3 WHEN 4 THEN s.l4
      ELSE s.l5 END AS lessons
  FROM settings s CROSS JOIN dates d
  WHERE isodow(d.day) <= 5
    AND NOT EXISTS (SELECT 1 FROM holidays h
                    WHERE h.region = s.region AND d.day BETWEEN h.start_date AND h.end_date)
    AND NOT EXISTS (SELECT 1 FROM days_off o
                    WHERE o.school_id = s.school_id AND d.day BETWEEN o.start_date AND o.end_date)
),
numbered AS (
  SELECT
    school_id, day, CAST(date_trunc('week', day) AS DATE) AS school_week,
    CAST(DENSE_RANK() OVER (PARTITION BY school_id ORDER BY date_trunc('week', day)) AS INTEGER)
      AS week_seq,
    scheduled_minutes, lessons
  FROM open_days
  WHERE scheduled_minutes > 0
)
SELECT
  school_id, day, school_week, week_seq,
  CASE WHEN month(day) >= 8 THEN CAST(year(day) AS VARCHAR) || '-' || CAST(year(day) + 1 AS VARCHAR)
       ELSE CAST(year(day) - 1 AS VARCHAR) || '-' || CAST(year(day) AS VARCHAR) END AS school_year,
  CAST(scheduled_minutes AS INTEGER) AS scheduled_minutes, CAST(lessons AS SMALLINT) AS lessons
FROM numbered
WHERE day BETWEEN CAST($first AS DATE) AND CAST($last AS DATE)
ORDER BY school_id, day
"""


def _settings_rows(school_ids: list[int]) -> list[dict[str, object]]:
    calendars = {c.school_id: c for c in SchoolCalendar.objects.filter(school_id__in=school_ids)}
    rows: list[dict[str, object]] = []
    for school_id, school_type in School.objects.filter(pk__in=school_ids).values_list(
        "pk", "school_type"
    ):
        calendar = calendars.get(school_id)
        if calendar is None:
            minutes, lessons = default_timetable(school_type)
            region = str(DEFAULT_REGION)
        else:
            minutes, lessons, region = calendar.minutes(), calendar.lessons(), calendar.region
        row: dict[str, object] = {"school_id": school_id, "region": region}
        row.update({f"m{n}": m for n, m in enumerate(minutes, start=1)})
        row.update({f"l{n}": n_ for n, n_ in enumerate(lessons, start=1)})
        rows.append(row)
    return rows


def school_days(*, school_ids: Iterable[int], start: dt.date, end: dt.date) -> pa.Table:
    """The school days of the schools from start to end (inclusive), with the contract's
    columns. Holidays, study days, days off, weekends and days without lessons are absent."""
    ids = sorted(set(school_ids))
    if not ids or end < start:
        return SCHOOL_DAYS_SCHEMA.empty_table()
    origin = min(start, WEEK_SEQ_ORIGIN)
    holidays = Holiday.objects.filter(end_date__gte=origin, start_date__lte=end).values_list(
        "region", "start_date", "end_date"
    )
    days_off = DayOff.objects.filter(
        school_id__in=ids, end_date__gte=origin, start_date__lte=end
    ).values_list("school_id", "start_date", "end_date")
    con = duckdb.connect(":memory:")
    try:
        con.register("settings", pa.Table.from_pylist(_settings_rows(ids), _SETTINGS_SCHEMA))
        con.register(
            "holidays",
            pa.Table.from_pylist(
                [dict(zip(_HOLIDAYS_SCHEMA.names, h, strict=True)) for h in holidays],
                _HOLIDAYS_SCHEMA,
            ),
        )
        con.register(
            "days_off",
            pa.Table.from_pylist(
                [dict(zip(_DAYS_OFF_SCHEMA.names, o, strict=True)) for o in days_off],
                _DAYS_OFF_SCHEMA,
            ),
        )
        table = con.sql(
            _SCHOOL_DAYS_SQL, params={"origin": origin, "first": start, "last": end}
        ).to_arrow_table()
    finally:
        con.close()
    return table.cast(SCHOOL_DAYS_SCHEMA)


@dataclass(frozen=True)
class CalendarPage:
    """What the calendar page of a school shows."""

    school: School
    calendar: SchoolCalendar
    days_off: list[DayOff]
    holidays: list[Holiday]


def school_calendar_settings(school: School) -> SchoolCalendar:
    """The school's stored settings, or (unsaved) the defaults of its type."""
    stored = SchoolCalendar.objects.filter(school=school).first()
    if stored is not None:
        return stored
    minutes, lessons = default_timetable(school.school_type)
    calendar = SchoolCalendar(school=school, region=DEFAULT_REGION)
    for n, day in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday")):
        setattr(calendar, f"minutes_{day}", minutes[n])
        setattr(calendar, f"lessons_{day}", lessons[n])
    return calendar


def school_calendar_get(*, actor: Actor, school_id: int, today: dt.date) -> CalendarPage:
    """A school's calendar to keep: its core team only (others the same 404 as for a school
    that does not exist)."""
    school = School.objects.filter(pk=school_id).first()
    decision = (
        policy.may_edit_school_calendar(actor, school_id) if school is not None else policy.DENY
    )
    enforce(actor, decision, event_code=EventCode.SCHOOL_CALENDAR_CHANGE, action=Action.UPDATE,
            subject=Subject("organisations.school", str(school_id), None))
    if school is None:  # refused (and logged) by `enforce` already
        raise Http404
    calendar = school_calendar_settings(school)
    years = [school_year_name(today), school_year_name(today + dt.timedelta(days=365))]
    holidays = list(
        Holiday.objects.filter(school_year__name__in=years, region=calendar.region)
        .select_related("school_year")
    )
    days_off = list(DayOff.objects.filter(school=school, end_date__gte=today - YEAR))
    return CalendarPage(school=school, calendar=calendar, days_off=days_off, holidays=holidays)


def school_years() -> list[SchoolYear]:
    return list(SchoolYear.objects.all())
