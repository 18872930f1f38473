"""The Parquet records for the engine: the contract's columns and hive partitions, only the
touched partitions rewritten, an emptied partition removed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest
from django.conf import settings

from schakel.attendance.models import AbsenceRecord
from schakel.attendance.store import SCHEMA, partition_dir, records_partitions_write
from tests.attendance.support import AttendanceWorld, dmy, magister_csv

pytestmark = pytest.mark.django_db


def _dataset() -> pa.Table:
    return ds.dataset(settings.SCHAKEL_ATTENDANCE_PARQUET_ROOT, format="parquet",
                      partitioning="hive").to_table()


def test_an_import_writes_its_weeks_as_hive_partitions(att: AttendanceWorld) -> None:
    earlier = att.monday - dt.timedelta(days=7)
    att.run(magister_csv(att.monday))
    day = dmy(earlier)
    att.run(magister_csv(earlier, rows=[
        ["900", "1001", f"{day} 08:30", f"{day} 09:20", "1", "nee", "1", "A", ""]]))
    folder = partition_dir(att.school.pk, att.monday)
    assert folder == Path(settings.SCHAKEL_ATTENDANCE_PARQUET_ROOT) / (
        f"school_id={att.school.pk}/school_week={att.monday.isoformat()}")
    file_schema = pq.read_schema(folder / "records.parquet")
    assert file_schema.names == SCHEMA.names
    assert [str(t) for t in file_schema.types] == [
        "string", "int64", "date32[day]", "int16", "string", "bool", "int32"]
    table = _dataset()
    assert table.num_rows == 5
    rows = sorted(table.to_pylist(), key=lambda r: (r["day"], r["lesson"]))
    assert rows[0] == {
        "record_key": f"{att.school.pk}:magister:900", "child_id": att.tina.pk, "day": earlier,
        "lesson": 1, "kind": "absent", "authorised": False, "minutes": 50,
        "school_id": att.school.pk, "school_week": earlier.isoformat()}


def test_only_touched_partitions_are_rewritten(att: AttendanceWorld) -> None:
    att.run(magister_csv(att.monday))
    file = partition_dir(att.school.pk, att.monday) / "records.parquet"
    written = file.stat().st_mtime_ns
    att.run(magister_csv(att.monday))  # unchanged: nothing touched
    assert file.stat().st_mtime_ns == written


def test_an_emptied_partition_is_removed(att: AttendanceWorld) -> None:
    att.run(magister_csv(att.monday))
    AbsenceRecord.objects.all().delete()
    assert records_partitions_write(partitions=[(att.school.pk, att.monday)]) == 0
    assert not partition_dir(att.school.pk, att.monday).exists()
