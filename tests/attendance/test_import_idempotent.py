"""Importing the same file, or an overlapping period, again changes nothing; a changed row
changes its record and nothing else."""

from __future__ import annotations

import datetime as dt

import pytest

from schakel.attendance.models import (
    AbsenceRecord,
    AttendanceImport,
    ImportStatus,
)
from tests.attendance.support import AttendanceWorld, dmy, magister_csv

pytestmark = pytest.mark.django_db


def _state() -> list[tuple[object, ...]]:
    return list(AbsenceRecord.objects.order_by("record_key").values_list(
        "record_key", "child_id", "day", "lesson", "kind", "authorised", "minutes"))


def test_the_same_file_twice_changes_nothing(att: AttendanceWorld) -> None:
    content = magister_csv(att.monday)
    att.run(content)
    before = _state()
    second = att.run(content)
    assert second.status == ImportStatus.DONE
    assert (second.created_count, second.updated_count, second.unchanged_count) == (0, 0, 4)
    assert _state() == before
    first = AttendanceImport.objects.exclude(pk=second.pk).get()
    assert first.touched_partitions == [[att.school.pk, att.monday.isoformat()]]
    assert second.touched_partitions == []


def test_an_overlapping_period(att: AttendanceWorld) -> None:
    day = dmy(att.monday)
    wednesday = dmy(att.monday + dt.timedelta(days=2))
    week = magister_csv(att.monday)
    att.run(week)
    overlapping = magister_csv(att.monday, rows=[
        ["502", "1001", f"{day} 09:20", f"{day} 10:10", "2", "nee", "1", "A", "Absent"],
        ["505", "1001", f"{wednesday} 08:30", f"{wednesday} 09:20", "1", "nee", "1", "A", ""],
    ])
    result = att.run(overlapping)
    assert (result.created_count, result.updated_count, result.unchanged_count) == (1, 0, 1)
    assert AbsenceRecord.objects.count() == 5


def test_a_corrected_row_changes_its_record(att: AttendanceWorld) -> None:
    att.run(magister_csv(att.monday))
    day = dmy(att.monday)
    corrected = magister_csv(att.monday, rows=[
        ["501", "1001", f"{day} 08:30", f"{day} 09:20", "1", "ja", "3", "Z", "Ziek gemeld"]])
    result = att.run(corrected)
    assert (result.created_count, result.updated_count) == (0, 1)
    record = AbsenceRecord.objects.get(record_key__endswith="magister:501")
    assert (record.kind, record.authorised) == ("sick", True)
    assert AbsenceRecord.objects.count() == 4
