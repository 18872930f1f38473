"""Hand-made inputs for the engine: calendars, enrolments and Parquet records."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from schakel.attendance.engine.queries import (
    ENROLMENTS_SCHEMA,
    RECORDS_SCHEMA,
    SCHOOL_DAYS_SCHEMA,
)


def school_year_of(day: date) -> str:
    start = day.year if day.month >= 8 else day.year - 1
    return f"{start}-{start + 1}"


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True)
class Rec:
    child_id: int
    school_id: int
    day: date
    kind: str
    minutes: int
    authorised: bool = False
    lesson: int | None = None


def calendar(
    school_id: int,
    first_monday: date,
    weeks: int,
    *,
    holiday_weeks: Iterable[int] = (),
    days_off: Iterable[date] = (),
    minutes: int = 330,
    lessons: int = 6,
) -> list[dict[str, Any]]:
    """School days of `weeks` calendar weeks from first_monday (Mon-Fri), holiday weeks (0-based)
    and days off left out, week_seq numbering the weeks that keep a school day."""
    skip = set(holiday_weeks)
    off = set(days_off)
    rows: list[dict[str, Any]] = []
    seq = 0
    for week in range(weeks):
        if week in skip:
            continue
        week_start = first_monday + timedelta(weeks=week)
        days = [week_start + timedelta(days=i) for i in range(5)]
        days = [d for d in days if d not in off]
        if not days:
            continue
        seq += 1
        rows.extend(
            {
                "school_id": school_id,
                "day": d,
                "school_week": week_start,
                "week_seq": seq,
                "school_year": school_year_of(d),
                "scheduled_minutes": minutes,
                "lessons": lessons,
            }
            for d in days
        )
    return rows


def school_days_table(rows: Sequence[dict[str, Any]]) -> pa.Table:
    return pa.Table.from_pylist(list(rows), schema=SCHOOL_DAYS_SCHEMA)


def enrolments_table(rows: Iterable[tuple[int, int, date, date | None]]) -> pa.Table:
    return pa.Table.from_pylist(
        [
            {
                "child_id": child,
                "school_id": school,
                "school_class_id": None,
                "start_date": start,
                "end_date": end,
            }
            for child, school, start, end in rows
        ],
        schema=ENROLMENTS_SCHEMA,
    )


def write_records(root: Path, records: Iterable[Rec]) -> Path:
    """Write records as the contract's hive-partitioned Parquet dataset."""
    parts: dict[tuple[int, date], list[dict[str, Any]]] = {}
    for n, r in enumerate(records):
        parts.setdefault((r.school_id, monday(r.day)), []).append(
            {
                "record_key": f"r{n}",
                "child_id": r.child_id,
                "day": r.day,
                "lesson": r.lesson,
                "kind": r.kind,
                "authorised": r.authorised,
                "minutes": r.minutes,
            }
        )
    root.mkdir(parents=True, exist_ok=True)
    for (school, week), rows in parts.items():
        folder = root / f"school_id={school}" / f"school_week={week.isoformat()}"
        folder.mkdir(parents=True, exist_ok=True)
        pq.write_table(pa.Table.from_pylist(rows, schema=RECORDS_SCHEMA), folder / "part-0.parquet")
    return root
