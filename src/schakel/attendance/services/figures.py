"""The engine's figures into the database: `attendance_figures_recompute` runs the engine for
some schools and stores what it computed, so pages read precomputed numbers.

The engine computes a whole school (its flag needs every pupil), over the school year of
`as_of` and the one before it (the prior-year rate of the tiers). What is written is limited to
what may have changed: the rows of the pupils given (an import: the pupils whose records it
changed; the daily run: every pupil), and the school's flag. A pupil's rows are replaced as a
whole, in one transaction, from Arrow columns in bulk; no per-record loop.

A reporting event keeps its row (and so its id) while its number stays: a draft verzuimmelding
points at it. A recompute that finds the event moved (a corrected record) updates its window
in place; an event that no longer exists is deleted (what was reported stays in the report).
Derived figures are not a person's read or change: the import that changed the records logged
its rows; the pages that show figures log their reads.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
from django.db.models import Model, Q

from schakel.attendance.engine.queries import ENROLMENTS_SCHEMA
from schakel.attendance.engine.result import EngineResult
from schakel.attendance.engine.run import engine_run
from schakel.attendance.engine.settings import EngineSettings
from schakel.attendance.models import (
    AttendancePattern,
    AttendanceRate,
    AttendanceTier,
    LongTermAbsence,
    ReportingEvent,
    SchoolAttendanceFlag,
    WeeklyAttendance,
)
from schakel.attendance.store import parquet_root
from schakel.children.models import Enrolment
from schakel.schoolcalendar.selectors import school_days
from schakel.transactions import service_transaction

BATCH = 5_000


@dataclass(frozen=True)
class FiguresOutcome:
    schools: int
    pupils: int
    weekly_rows: int
    reporting_events: int


def school_year_start(day: dt.date) -> dt.date:
    """1 August of the school year the day is in."""
    return dt.date(day.year if day.month >= 8 else day.year - 1, 8, 1)


def _enrolments(school_ids: list[int], start: dt.date, end: dt.date) -> pa.Table:
    rows = (Enrolment.objects.filter(school_id__in=school_ids, start_date__lte=end)
            .filter(Q(end_date__isnull=True) | Q(end_date__gte=start))
            .values_list("child_id", "school_id", "school_class_id", "start_date", "end_date"))
    columns: list[list[object]] = [[] for _name in ENROLMENTS_SCHEMA.names]
    for row in rows.iterator(chunk_size=BATCH):
        for index, value in enumerate(row):
            columns[index].append(value)
    return pa.table(dict(zip(ENROLMENTS_SCHEMA.names, columns, strict=True)),
                    schema=ENROLMENTS_SCHEMA)


def _keep(table: pa.Table, child_ids: set[int] | None) -> pa.Table:
    if child_ids is None or table.num_rows == 0:
        return table
    mask = pc.is_in(table.column("child_id"), value_set=pa.array(sorted(child_ids),
                                                                        pa.int64()))
    return table.filter(mask)


def _rows(table: pa.Table, names: Iterable[str]) -> Iterator[dict[str, Any]]:
    wanted = list(names)
    for batch in table.select(wanted).to_batches(BATCH):
        yield from batch.to_pylist()


def _replace(model: type[Model], scope: Q, table: pa.Table, names: list[str]) -> int:
    model._default_manager.filter(scope).delete()
    objects = [model(**row) for row in _rows(table, names)]
    model._default_manager.bulk_create(objects, batch_size=BATCH)
    return len(objects)


def _reporting_events_store(scope: Q, table: pa.Table) -> int:
    """Upsert by (child, school, seq): an event keeps its id while its number stays."""
    current = {(e.child_id, e.school_id, e.seq): e
               for e in ReportingEvent.objects.filter(scope)}
    fresh = {(row["child_id"], row["school_id"], row["seq"]): row
             for row in _rows(table, ["child_id", "school_id", "seq", "window_start",
                                      "window_end", "unauthorised_minutes"])}
    changed = []
    for key, row in fresh.items():
        event = current.get(key)
        if event is None:
            continue
        values = (row["window_start"], row["window_end"], row["unauthorised_minutes"])
        if (event.window_start, event.window_end, event.unauthorised_minutes) != values:
            event.window_start, event.window_end, event.unauthorised_minutes = values
            changed.append(event)
    ReportingEvent.objects.bulk_update(
        changed, ["window_start", "window_end", "unauthorised_minutes"], batch_size=BATCH)
    gone = [event.pk for key, event in current.items() if key not in fresh]
    ReportingEvent.objects.filter(pk__in=gone).delete()
    ReportingEvent.objects.bulk_create(
        [ReportingEvent(**row) for key, row in fresh.items() if key not in current],
        batch_size=BATCH)
    return len(fresh)


def _flags_store(school_ids: list[int], flags: pa.Table, days: pa.Table) -> None:
    """The flag as of each school's last school week computed."""
    last_week: dict[int, dt.date] = {}
    for school_id, week in zip(days.column("school_id").to_pylist(),
                               days.column("school_week").to_pylist(), strict=True):
        if week > last_week.get(school_id, dt.date.min):
            last_week[school_id] = week
    rows = [row for row in _rows(flags, ["school_id", "pupils", "tier1_share", "flagged"])
            if row["school_id"] in last_week]
    SchoolAttendanceFlag.objects.filter(
        school_id__in=school_ids,
        school_week__in=sorted({last_week[row["school_id"]] for row in rows})).delete()
    SchoolAttendanceFlag.objects.bulk_create(
        [SchoolAttendanceFlag(school_week=last_week[row["school_id"]], **row) for row in rows])


def _store(result: EngineResult, school_ids: list[int], child_ids: set[int] | None,
           days: pa.Table, first: dt.date) -> FiguresOutcome:
    scope = Q(school_id__in=school_ids)
    if child_ids is not None:
        scope &= Q(child_id__in=sorted(child_ids))
    weekly = _keep(result.weekly, child_ids)
    names = {
        "weekly": [f.name for f in result.weekly.schema],
        "rates": [f.name for f in result.rates.schema],
        "long_term": [f.name for f in result.long_term.schema],
        "patterns": [f.name for f in result.patterns.schema],
        "tiers": [f.name for f in result.tiers.schema],
    }
    weekly_rows = _replace(WeeklyAttendance, scope & Q(school_week__gte=first), weekly,
                           names["weekly"])
    _replace(AttendanceRate, scope, _keep(result.rates, child_ids), names["rates"])
    _replace(LongTermAbsence, scope, _keep(result.long_term, child_ids), names["long_term"])
    _replace(AttendancePattern, scope, _keep(result.patterns, child_ids), names["patterns"])
    tiers = _keep(result.tiers, child_ids)
    # No band before enough enrolled days: the model's blank choice.
    tiers = tiers.set_column(tiers.schema.get_field_index("band"), "band",
                             pc.fill_null(tiers.column("band"), ""))
    _replace(AttendanceTier, scope & Q(school_week__gte=first), tiers, names["tiers"])
    events = _reporting_events_store(scope, _keep(result.reporting_events, child_ids))
    _flags_store(school_ids, result.school_flags, days)
    pupils = len(set(weekly.column("child_id").to_pylist()))
    return FiguresOutcome(schools=len(school_ids), pupils=pupils, weekly_rows=weekly_rows,
                          reporting_events=events)


def attendance_figures_recompute(*, school_ids: Collection[int], as_of: dt.date,
                                 child_ids: Collection[int] | None = None,
                                 settings: EngineSettings | None = None) -> FiguresOutcome:
    """Run the engine for the schools up to `as_of` and store the figures of `child_ids`
    (every pupil when None) and the schools' flags."""
    ids = sorted(set(school_ids))
    first = dt.date(school_year_start(as_of).year - 1, 8, 1)
    days = school_days(school_ids=ids, start=first, end=as_of)
    result = engine_run(records_root=parquet_root(), school_days=days,
                        enrolments=_enrolments(ids, first, as_of),
                        settings=settings or EngineSettings(as_of=as_of))
    only = None if child_ids is None else set(child_ids)
    with service_transaction():
        return _store(result, ids, only, days, first)
