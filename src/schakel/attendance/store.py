"""The absence records as Parquet for the engine (ATTENDANCE_CONTRACT.md, input `records`):

    <root>/school_id=<int>/school_week=<YYYY-MM-DD>/records.parquet

hive-partitioned by school and school week (the Monday of the ISO week); the partition
columns are in the path only. An import rewrites only the partitions it touched, each from
the database as a whole (so a partition is always exactly the records of that school and
week), written beside the old file and renamed over it, so a reader sees the old file or the
new one, never half of one. A partition without records is removed.

The root is `settings.SCHAKEL_ATTENDANCE_PARQUET_ROOT` (a local folder by default)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Iterable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from django.conf import settings

from schakel.attendance.models import AbsenceRecord

FILE_NAME = "records.parquet"

SCHEMA = pa.schema([
    pa.field("record_key", pa.string(), nullable=False),
    pa.field("child_id", pa.int64(), nullable=False),
    pa.field("day", pa.date32(), nullable=False),
    pa.field("lesson", pa.int16(), nullable=True),
    pa.field("kind", pa.string(), nullable=False),
    pa.field("authorised", pa.bool_(), nullable=False),
    pa.field("minutes", pa.int32(), nullable=False),
])

_COLUMNS = ("record_key", "child_id", "day", "lesson", "kind", "authorised", "minutes")


def parquet_root() -> Path:
    return Path(settings.SCHAKEL_ATTENDANCE_PARQUET_ROOT)


def partition_dir(school_id: int, school_week: dt.date, root: Path | None = None) -> Path:
    base = root if root is not None else parquet_root()
    return base / f"school_id={school_id}" / f"school_week={school_week.isoformat()}"


def _partition_table(school_id: int, school_week: dt.date) -> pa.Table:
    rows = (AbsenceRecord.objects.filter(school_id=school_id, school_week=school_week)
            .order_by("child_id", "day", "lesson", "record_key").values_list(*_COLUMNS))
    columns: list[list[object]] = [[] for _name in _COLUMNS]
    for row in rows.iterator(chunk_size=10_000):
        for index, value in enumerate(row):
            columns[index].append(value)
    return pa.table(dict(zip(_COLUMNS, columns, strict=True)), schema=SCHEMA)


def records_partitions_write(*, partitions: Iterable[tuple[int, dt.date]],
                             root: Path | None = None) -> int:
    """Rewrite these (school id, school week) partitions from the database; how many files
    were written (partitions left without records are removed instead)."""
    written = 0
    for school_id, school_week in sorted(set(partitions)):
        folder = partition_dir(school_id, school_week, root)
        table = _partition_table(school_id, school_week)
        if table.num_rows == 0:
            shutil.rmtree(folder, ignore_errors=True)
            continue
        folder.mkdir(parents=True, exist_ok=True)
        temporary = folder / f".{FILE_NAME}.{os.getpid()}.tmp"
        pq.write_table(table, temporary, compression="zstd")
        temporary.replace(folder / FILE_NAME)
        written += 1
    return written
