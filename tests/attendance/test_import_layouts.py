"""Each source layout read into records: Magister per lesson, Somtoday per registration,
ParnasSys per half day and the Schakel format; CSV with `;` and `,`, the encodings, XLSX."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import Workbook

from schakel.attendance.models import AbsenceKind, AbsenceRecord, ImportStatus, Layout
from tests.attendance.support import AttendanceWorld, dmy, magister_csv

pytestmark = pytest.mark.django_db


def _records(att: AttendanceWorld) -> list[AbsenceRecord]:
    return list(AbsenceRecord.objects.filter(school=att.school).order_by("day", "lesson", "pk"))


def test_magister_per_lesson(att: AttendanceWorld) -> None:
    result = att.run(magister_csv(att.monday))
    assert result.status == ImportStatus.DONE, list(result.row_errors.values_list("message"))
    assert (result.created_count, result.unchanged_count, result.total_rows) == (4, 0, 4)
    assert result.encoding == "utf-8"
    assert result.delimiter == ";"
    first, second, late, sick = _records(att)
    assert (first.child, first.day, first.lesson, first.kind, first.authorised, first.minutes) \
        == (att.tina, att.monday, 1, AbsenceKind.ABSENT, False, 50)
    assert first.start_time == dt.time(8, 30)
    assert first.source_code == "A"
    assert second.lesson == 2
    assert (late.child, late.kind, late.minutes, late.authorised) == (
        att.bram, AbsenceKind.LATE, 15, False)
    assert (sick.kind, sick.authorised) == (AbsenceKind.SICK, True)
    assert first.school_week == att.monday


def test_magister_without_code_reads_the_verantwoordingtype(att: AttendanceWorld) -> None:
    day = dmy(att.monday)
    rows = [["9", "1001", f"{day} 08:30", f"{day} 09:20", "1", "ja", "6", "", "Vrijstelling"],
            ["10", "1001", f"{day} 09:20", f"{day} 10:10", "2", "nee", "7", "",
             "Boeken vergeten"]]
    result = att.run(magister_csv(att.monday, rows=rows))
    assert result.status == ImportStatus.DONE
    assert result.skipped_count == 1
    [record] = _records(att)
    assert (record.kind, record.authorised) == (AbsenceKind.EXEMPT, True)


def test_comma_separated_with_bom(att: AttendanceWorld) -> None:
    content = "\ufeff" + magister_csv(att.monday, delimiter=",")
    result = att.run(content.encode("utf-8"))
    assert result.status == ImportStatus.DONE
    assert (result.encoding, result.delimiter) == ("utf-8-sig", ",")
    assert result.created_count == 4


def test_windows_1252_is_detected(att: AttendanceWorld) -> None:
    day = dmy(att.monday)
    rows = [["77", "1001", f"{day} 08:30", f"{day} 09:20", "1", "nee", "1", "A",
             "Afwezig bij één les"]]
    result = att.run(magister_csv(att.monday, rows=rows).encode("cp1252"))
    assert result.status == ImportStatus.DONE
    assert result.encoding == "cp1252"
    assert result.created_count == 1


def test_somtoday_registration_becomes_one_record_per_lesson(att: AttendanceWorld) -> None:
    day, tuesday = dmy(att.monday), dmy(att.monday + dt.timedelta(days=1))
    wednesday = dmy(att.monday + dt.timedelta(days=2))
    content = (
        "Leerlingnummer;Roepnaam;Achternaam;Begin datum/tijd;Eind datum/tijd;Begin lesuur;"
        "Eind lesuur;Absentiesoort;Afkorting;Omschrijving;Geoorloofd;Afgehandeld\n"
        f"1001;Tina;van 't Riet;{day} 08:30;{day} 11:00;1;3;Absent;AO;Ongeoorloofd;nee;ja\n"
        f"1002;Bram;de Vries;{tuesday} 08:30;{wednesday} 16:00;8;2;Ziek;Z;Ziek;ja;ja\n"
        f"1002;Bram;de Vries;{day} 08:30;{day} 08:40;1;1;Te laat;;Te laat;nee;nee\n")
    result = att.run(content, Layout.SOMTODAY)
    assert result.status == ImportStatus.DONE, list(result.row_errors.values_list("message"))
    records = _records(att)
    tina = [r for r in records if r.child == att.tina]
    assert [(r.lesson, r.minutes, r.kind) for r in tina] == [
        (1, 50, "absent"), (2, 50, "absent"), (3, 50, "absent")]
    sick = [(r.day, r.lesson) for r in records if r.kind == AbsenceKind.SICK]
    tue, wed = att.monday + dt.timedelta(days=1), att.monday + dt.timedelta(days=2)
    assert sick == [(tue, 8), (tue, 9), (wed, 1), (wed, 2)]
    [late] = [r for r in records if r.kind == AbsenceKind.LATE]
    assert (late.minutes, late.authorised, late.lesson) == (10, False, 1)


def test_parnassys_per_half_day(att: AttendanceWorld) -> None:
    day = dmy(att.monday)
    content = (
        "Leerlingnummer;Naam;Groep;Datum;Dagdeel;Reden;Geoorloofd;Minuten;Opmerking\n"
        f"1001;Tina van 't Riet;6;{day};ochtend;Ziek;;;Moeder belde\n"
        f"1002;Bram de Vries;6;{day};hele dag;Luxe verzuim;;;\n"
        f"1002;Bram de Vries;6;{dmy(att.monday + dt.timedelta(days=3))};ochtend;Te laat;;12;\n")
    result = att.run(content, Layout.PARNASSYS)
    assert result.status == ImportStatus.DONE, list(result.row_errors.values_list("message"))
    records = _records(att)
    assert [(r.child.first_name, r.kind, r.authorised, r.minutes, r.lesson) for r in records] == [
        ("Tina", "sick", True, 180, None), ("Bram", "absent", False, 180, None),
        ("Bram", "absent", False, 120, None), ("Bram", "late", False, 12, None)]


def test_schakel_format(att: AttendanceWorld) -> None:
    day = dmy(att.monday)
    content = (
        "leerlingnummer,datum,lesuur,begintijd,eindtijd,soort,geoorloofd,minuten,code,sleutel\n"
        f"1001,{day},3,10:30,11:20,afwezig,nee,50,X,\n"
        f"1002,{day},,,,uitval,ja,50,,rooster-17\n")
    result = att.run(content, Layout.SCHAKEL)
    assert result.status == ImportStatus.DONE, list(result.row_errors.values_list("message"))
    first = AbsenceRecord.objects.get(child=att.tina)
    cancelled = AbsenceRecord.objects.get(child=att.bram)
    assert (first.kind, first.lesson, first.minutes, first.source_code) == ("absent", 3, 50, "X")
    assert cancelled.kind == AbsenceKind.CANCELLED
    assert cancelled.record_key.endswith("schakel:rooster-17")


def _xlsx(rows: list[list[object]], *, sheets: int = 1) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    for index in range(1, sheets):
        workbook.create_sheet(f"Blad{index + 1}")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


XLSX_HEADER: list[object] = ["Id", "Stamnummer", "Start", "Eind", "Lesuur", "Geoorloofd",
               "Verantwoordingtype", "Code"]


def test_xlsx_with_real_dates(att: AttendanceWorld) -> None:
    start = dt.datetime.combine(att.monday, dt.time(8, 30))
    end = dt.datetime.combine(att.monday, dt.time(9, 20))
    content = _xlsx([XLSX_HEADER, [601, 1001, start, end, 1, False, 1, "A"]])
    result = att.run(content, name="absenties.xlsx")
    assert result.status == ImportStatus.DONE, list(result.row_errors.values_list("message"))
    assert result.encoding == "xlsx"
    [record] = _records(att)
    assert (record.minutes, record.lesson, record.authorised) == (50, 1, False)


def test_xlsx_formulas_are_refused_per_cell(att: AttendanceWorld) -> None:
    start = dt.datetime.combine(att.monday, dt.time(8, 30))
    content = _xlsx([XLSX_HEADER, [601, 1001, start, "=C2+1/24", 1, False, 1, "A"]])
    result = att.run(content, name="absenties.xlsx")
    assert result.status == ImportStatus.HAS_ERRORS
    [error] = result.row_errors.all()
    assert (error.line, error.column) == (2, "Eind")
    assert "formula" in error.message
    assert not _records(att)


def test_xlsx_with_several_sheets_is_refused(att: AttendanceWorld) -> None:
    content = _xlsx([XLSX_HEADER], sheets=2)
    result = att.run(content, name="absenties.xlsx")
    assert result.status == ImportStatus.HAS_ERRORS
    [error] = result.row_errors.all()
    assert error.line == 0
    assert "2 sheets" in error.message
