"""Bad input: each reported per row (line, column, message) or per file; a file with errors
imports nothing unless the valid rows are asked for; nothing is ever half-imported."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from schakel.attendance.models import AbsenceRecord, AttendanceImport, ImportStatus, Layout
from schakel.attendance.services import run
from tests.attendance.support import AttendanceWorld, dmy, magister_csv

pytestmark = pytest.mark.django_db


def _errors(result: AttendanceImport) -> list[tuple[int, str, str]]:
    return list(result.row_errors.values_list("line", "column", "message"))


def _one_row(att: AttendanceWorld, row: list[str]) -> AttendanceImport:
    return att.run(magister_csv(att.monday, rows=[row]))


def _lesson(att: AttendanceWorld, *, day: dt.date | None = None, pupil: str = "1001",
            start: str = "08:30", end: str = "09:20", lesson: str = "1", code: str = "A",
            kind: str = "1", key: str = "1") -> list[str]:
    text = dmy(day or att.monday)
    return [key, pupil, f"{text} {start}", f"{text} {end}", lesson, "nee", kind, code, ""]


@pytest.mark.parametrize(("row", "column", "words"), [
    ({"pupil": "9999"}, "Stamnummer", "No pupil with number 9999"),
    ({"pupil": "1003"}, "Stamnummer", "not enrolled at this school"),
    ({"end": "08:00"}, "Eind", "lies before the start"),
    ({"code": "QQ"}, "Code", "Unknown code QQ"),
    ({"lesson": "12"}, "Lesuur", "Lesson 12 does not exist"),
    ({"lesson": "x"}, "Lesuur", "Not a whole number"),
    ({"kind": "9", "code": ""}, "Verantwoordingtype", "Unknown kind of absence"),
])
def test_a_bad_row_is_reported_with_line_and_column(
        att: AttendanceWorld, row: dict[str, Any], column: str, words: str) -> None:
    result = _one_row(att, _lesson(att, **row))
    assert result.status == ImportStatus.HAS_ERRORS
    [(line, error_column, message)] = _errors(result)
    assert (line, error_column) == (2, column)
    assert words in message
    assert not AbsenceRecord.objects.exists()


def test_a_day_in_the_future(att: AttendanceWorld) -> None:
    result = _one_row(att, _lesson(att, day=timezone.localdate() + dt.timedelta(days=2)))
    [(line, _column, message)] = _errors(result)
    assert line == 2
    assert "lies in the future" in message


def test_the_moved_pupil_is_imported_for_the_days_she_was_here(att: AttendanceWorld) -> None:
    result = _one_row(att, _lesson(att, pupil="1003",
                                   day=timezone.localdate() - dt.timedelta(days=30)))
    assert result.status == ImportStatus.DONE
    assert AbsenceRecord.objects.get().child == att.moved


def test_impossible_and_negative_minutes(att: AttendanceWorld) -> None:
    day = dmy(att.monday)
    content = (
        "leerlingnummer;datum;lesuur;begintijd;eindtijd;soort;geoorloofd;minuten\n"
        f"1001;{day};1;;;afwezig;nee;-5\n"
        f"1001;{day};2;;;afwezig;nee;9000\n")
    result = att.run(content, Layout.SCHAKEL)
    messages = [message for _line, _column, message in _errors(result)]
    assert [line for line, _c, _m in _errors(result)] == [2, 3]
    assert "Negative minutes" in messages[0]
    assert "more than a whole school day" in messages[1]


def test_duplicate_rows(att: AttendanceWorld) -> None:
    row = _lesson(att)
    result = att.run(magister_csv(att.monday, rows=[row, _lesson(att, key="2"), row]))
    assert _errors(result) == [(4, "", "The same absence as on line 2 (a duplicate row).")]


def test_missing_and_unknown_columns(att: AttendanceWorld) -> None:
    content = ("Id;Stamnummer;Start;Lesuur;Geoorloofd;Verantwoordingtype;Kleur\n"
               "1;1001;x;1;ja;1;rood\n")
    result = att.run(content)
    assert result.status == ImportStatus.HAS_ERRORS
    assert _errors(result) == [
        (1, "Kleur", "Unknown column Kleur: this layout does not have it."),
        (1, "Eind", "The column Eind is missing."),
    ]
    assert result.total_rows == 0


def test_an_unknown_column_alone_still_allows_the_valid_rows(att: AttendanceWorld) -> None:
    content = magister_csv(att.monday).replace("Omschrijving", "Opmerking")
    result = att.run(content)
    assert result.status == ImportStatus.HAS_ERRORS
    assert not AbsenceRecord.objects.exists()
    again = att.run(content, valid_rows=True)
    assert again.status == ImportStatus.DONE
    assert AbsenceRecord.objects.count() == 4


@pytest.mark.parametrize("content", [b"", b"\r\n\r\n"])
def test_an_empty_file(att: AttendanceWorld, content: bytes) -> None:
    result = att.run(content)
    assert _errors(result) == [(0, "", "The file is empty.")]


def test_a_header_without_rows(att: AttendanceWorld) -> None:
    result = att.run(magister_csv(att.monday, rows=[]))
    assert _errors(result) == [(0, "", "The file has a header but no rows.")]


def test_not_text(att: AttendanceWorld) -> None:
    result = att.run(b"Id;Stamnummer\n\x81\x8d\x8f\x90\x9d\n")
    [(line, _column, message)] = _errors(result)
    assert line == 0
    assert "neither UTF-8 nor Windows-1252" in message


def test_a_file_with_errors_imports_nothing_unless_asked(att: AttendanceWorld) -> None:
    rows = [_lesson(att), _lesson(att, key="2", pupil="9999"), _lesson(att, key="3", lesson="2")]
    content = magister_csv(att.monday, rows=rows)
    result = att.run(content)
    assert (result.status, result.refused_count, result.total_rows) == (
        ImportStatus.HAS_ERRORS, 1, 3)
    assert not AbsenceRecord.objects.exists()
    chosen = att.run(content, valid_rows=True)
    assert (chosen.status, chosen.created_count, chosen.refused_count) == (
        ImportStatus.DONE, 2, 1)
    assert AbsenceRecord.objects.count() == 2


def test_a_failure_while_writing_leaves_nothing(att: AttendanceWorld,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    calls = {"n": 0}
    original = run._Pass.store

    def failing(self: run._Pass, chunk: list[run._Ready]) -> None:
        calls["n"] += 1
        original(self, chunk)
        raise RuntimeError("disk full")

    monkeypatch.setattr(run._Pass, "store", failing)
    attendance_import = att.start(magister_csv(att.monday))
    with pytest.raises(RuntimeError, match="disk full"):
        run.attendance_import_run(import_id=attendance_import.pk)
    attendance_import.refresh_from_db()
    assert attendance_import.status == ImportStatus.FAILED
    assert "disk full" in attendance_import.failure
    assert calls["n"] == 1
    assert not AbsenceRecord.objects.exists()


def test_a_quote_never_closed(att: AttendanceWorld) -> None:
    """It would swallow the rest of the file into one cell: refused at the csv module's
    limit of a cell, memory bounded."""
    content = magister_csv(att.monday) + '1;"1001;\r\n' + "2;1001;x;y\r\n" * 20_000
    result = att.run(content)
    assert result.status == ImportStatus.HAS_ERRORS
    [(line, _column, message)] = _errors(result)
    assert "cannot be read as CSV" in message
    assert line > 5
    assert not AbsenceRecord.objects.exists()
