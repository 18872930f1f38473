"""The source layouts: which columns each export has (Dutch headers, docs/attendance.md) and
how one row becomes absence records (`Parsed`). Pure: no database; the pupil is still a
pupil number here, the import service finds the child.

- Magister: one row per lesson (Id, Stamnummer, Start, Eind, Lesuur, Geoorloofd,
  Verantwoordingtype, Code).
- Somtoday: one row per registration (absentiemelding), which may cover several lessons or
  days: one record per lesson (or per day without lesson hours).
- ParnasSys: one row per half day (dagdeel), primary schools.
- Schakel: the canonical record itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from django.utils.translation import gettext as _

from schakel.attendance.models import AbsenceKind, Layout
from schakel.attendance.rows import (
    NOT_ABSENCE,
    Column,
    Parsed,
    Problem,
    Row,
    RowResult,
    Rules,
    kind_and_authorised,
    lesson_of,
    minutes_between,
)
from schakel.attendance.values import (
    header_key,
    parse_bool,
    parse_date,
    parse_datetime,
    parse_int,
    parse_time,
    value_key,
)

MINUTES_PER_DAY = 24 * 60

DEFAULT_CODES: dict[str, dict[str, dict[str, object]]] = {
    Layout.MAGISTER: {
        "A": {"kind": "absent", "authorised": None}, "AA": {"kind": "absent", "authorised": True},
        "GE": {"kind": "absent", "authorised": True}, "S": {"kind": "absent", "authorised": True},
        "Z": {"kind": "sick", "authorised": True}, "L": {"kind": "late", "authorised": False},
        "T": {"kind": "late", "authorised": None}, "V": {"kind": "removed", "authorised": False},
    },
    Layout.SOMTODAY: {
        "AO": {"kind": "absent", "authorised": False}, "AG": {"kind": "absent", "authorised": True},
        "Z": {"kind": "sick", "authorised": True}, "TL": {"kind": "late", "authorised": False},
        "VW": {"kind": "removed", "authorised": False},
        "VR": {"kind": "exempt", "authorised": True},
        "LU": {"kind": "cancelled", "authorised": True},
    },
    Layout.PARNASSYS: {
        "Ziek": {"kind": "sick", "authorised": True},
        "Te laat": {"kind": "late", "authorised": False},
        "Ongeoorloofd": {"kind": "absent", "authorised": False},
        "Luxe verzuim": {"kind": "absent", "authorised": False},
        "Verlof": {"kind": "absent", "authorised": True},
        "Geoorloofd": {"kind": "absent", "authorised": True},
        "Dokter": {"kind": "absent", "authorised": True},
        "Vrijstelling": {"kind": "exempt", "authorised": True},
    },
    Layout.SCHAKEL: {},
}


def _magister(row: Row, rules: Rules) -> RowResult:
    source_id = row.required("Id")
    pupil = row.required("Stamnummer")
    start = row.read("Start", parse_datetime, required=True)
    end = row.read("Eind", parse_datetime, required=True)
    lesson = lesson_of(row, "Lesuur", rules)
    authorised = row.read("Geoorloofd", parse_bool, required=False)
    kind_word = value_key(row.text("Verantwoordingtype"))
    if kind_word in NOT_ABSENCE and not row.problems:
        return RowResult(skipped=True)
    decided = kind_and_authorised(row, rules, code_column="Code",
                                   kind_column="Verantwoordingtype", authorised=authorised)
    if start is not None and end is not None:
        if end < start:
            row.problem("Eind", _("The end (%(end)s) lies before the start (%(start)s).") % {
                "end": row.text("Eind"), "start": row.text("Start")})
        elif end.date() != start.date():
            row.problem("Eind", _("A lesson starts and ends on one day."))
    if row.problems or decided is None or start is None or end is None:
        return RowResult(problems=row.problems)
    kind, is_authorised = decided
    return RowResult(records=[Parsed(
        key=f"magister:{source_id}", pupil_number=pupil, day=start.date(), lesson=lesson,
        start_time=start.time(), end_time=end.time(), kind=kind, authorised=is_authorised,
        minutes=minutes_between(start, end), source_code=row.text("Code"))])


def _weekdays(first: dt.date, last: dt.date) -> list[dt.date]:
    days = []
    day = first
    while day <= last:
        if day.weekday() < 5:
            days.append(day)
        day += dt.timedelta(days=1)
    return days


def _somtoday(row: Row, rules: Rules) -> RowResult:
    pupil = row.required("Leerlingnummer")
    start = row.read("Begin datum/tijd", parse_datetime, required=True)
    end = row.read("Eind datum/tijd", parse_datetime, required=True)
    first_lesson = lesson_of(row, "Begin lesuur", rules)
    last_lesson = lesson_of(row, "Eind lesuur", rules)
    authorised = row.read("Geoorloofd", parse_bool, required=False)
    decided = kind_and_authorised(row, rules, code_column="Afkorting",
                                   kind_column="Absentiesoort", authorised=authorised)
    if start is not None and end is not None and end < start:
        row.problem("Eind datum/tijd", _(
            "The end (%(end)s) lies before the start (%(start)s).")
            % {"end": row.text("Eind datum/tijd"), "start": row.text("Begin datum/tijd")})
    if (start is not None and end is not None and start.date() == end.date()
            and first_lesson is not None and last_lesson is not None
            and last_lesson < first_lesson):
        row.problem("Eind lesuur", _(
            "The last lesson (%(last)d) comes before the first (%(first)d).")
            % {"last": last_lesson, "first": first_lesson})
    days = _weekdays(start.date(), end.date()) if start is not None and end is not None else []
    if start is not None and end is not None and not row.problems and not days:
        row.problem("Begin datum/tijd", _("The registration covers no weekday."))
    if row.problems or decided is None or start is None or end is None:
        return RowResult(problems=row.problems)
    kind, is_authorised = decided
    code = row.text("Afkorting")
    base = f"somtoday:{pupil}:{start.isoformat(timespec='minutes')}"
    records: list[Parsed] = []
    single_day = start.date() == end.date()
    for day in days:
        if first_lesson is None or last_lesson is None:
            if single_day:
                records.append(Parsed(
                    key=f"{base}:{day.isoformat()}", pupil_number=pupil, day=day, kind=kind,
                    authorised=is_authorised, minutes=minutes_between(start, end),
                    start_time=start.time(), end_time=end.time(), source_code=code))
            else:
                records.append(Parsed(
                    key=f"{base}:{day.isoformat()}", pupil_number=pupil, day=day, kind=kind,
                    authorised=is_authorised, minutes=rules.day_minutes, source_code=code))
            continue
        low = first_lesson if day == start.date() else 1
        high = last_lesson if day == end.date() else rules.lessons_per_day
        for lesson in range(low, high + 1):
            minutes = rules.lesson_minutes
            if kind == AbsenceKind.LATE or (single_day and low == high):
                minutes = minutes_between(start, end) or rules.lesson_minutes
            records.append(Parsed(
                key=f"{base}:{day.isoformat()}:{lesson}", pupil_number=pupil, day=day,
                lesson=lesson, kind=kind, authorised=is_authorised, minutes=minutes,
                source_code=code))
    return RowResult(records=records)


HALF_DAYS = {"ochtend": "o", "o": "o", "morgen": "o", "middag": "m", "m": "m",
             "hele dag": "d", "dag": "d"}


def _parnassys(row: Row, rules: Rules) -> RowResult:
    pupil = row.required("Leerlingnummer")
    day = row.read("Datum", parse_date, required=True)
    half_day_text = row.required("Dagdeel")
    half_day = HALF_DAYS.get(value_key(half_day_text)) if half_day_text else None
    if half_day_text and half_day is None:
        row.problem("Dagdeel", _("Not a half day (ochtend, middag or hele dag): %(value)s")
                    % {"value": half_day_text})
    authorised = row.read("Geoorloofd", parse_bool, required=False)
    minutes_late = row.read("Minuten", parse_int, required=False)
    row.required("Reden")
    decided = kind_and_authorised(row, rules, code_column="Reden", kind_column="",
                                   authorised=authorised) if row.text("Reden") else None
    if decided is not None and decided[0] == AbsenceKind.LATE and minutes_late is None:
        row.problem("Minuten", _("How many minutes late? The column Minuten is empty."))
    if row.problems or decided is None or day is None or half_day is None:
        return RowResult(problems=row.problems)
    kind, is_authorised = decided
    parts = {"o": [("o", rules.morning_minutes)], "m": [("m", rules.afternoon_minutes)],
             "d": [("o", rules.morning_minutes), ("m", rules.afternoon_minutes)]}[half_day]
    return RowResult(records=[Parsed(
        key=f"parnassys:{pupil}:{day.isoformat()}:{part}", pupil_number=pupil, day=day,
        kind=kind, authorised=is_authorised,
        minutes=minutes_late if kind == AbsenceKind.LATE and minutes_late is not None
        else minutes, source_code=row.text("Reden")) for part, minutes in parts])


def _schakel(row: Row, rules: Rules) -> RowResult:
    pupil = row.required("leerlingnummer")
    day = row.read("datum", parse_date, required=True)
    lesson = lesson_of(row, "lesuur", rules)
    start = row.read("begintijd", parse_time, required=False)
    end = row.read("eindtijd", parse_time, required=False)
    authorised = row.read("geoorloofd", parse_bool, required=True)
    minutes = row.read("minuten", parse_int, required=True)
    decided = kind_and_authorised(row, rules, code_column="", kind_column="soort",
                                   authorised=authorised)
    if start is not None and end is not None and end < start:
        row.problem("eindtijd", _("The end (%(end)s) lies before the start (%(start)s).")
                    % {"end": row.text("eindtijd"), "start": row.text("begintijd")})
    if row.problems or decided is None or day is None or minutes is None:
        return RowResult(problems=row.problems)
    kind, is_authorised = decided
    where = str(lesson) if lesson is not None else (
        start.isoformat(timespec="minutes") if start is not None else "dag")
    key = row.text("sleutel") or f"{pupil}:{day.isoformat()}:{where}"
    return RowResult(records=[Parsed(
        key=f"schakel:{key}", pupil_number=pupil, day=day, lesson=lesson, start_time=start,
        end_time=end, kind=kind, authorised=is_authorised, minutes=minutes,
        source_code=row.text("code"))])


@dataclass(frozen=True)
class LayoutSpec:
    columns: tuple[Column, ...]
    parse: Callable[[Row, Rules], RowResult]


LAYOUTS: dict[str, LayoutSpec] = {
    Layout.MAGISTER: LayoutSpec(columns=(
        Column("Id", required=True), Column("Stamnummer", required=True, aliases=("Leerling",)),
        Column("Start", required=True), Column("Eind", required=True), Column("Lesuur"),
        Column("Geoorloofd"), Column("Verantwoordingtype", required=True), Column("Code"),
        Column("Omschrijving"), Column("Luxe verzuim"), Column("Roepnaam"),
        Column("Achternaam"), Column("Klas")), parse=_magister),
    Layout.SOMTODAY: LayoutSpec(columns=(
        Column("Leerlingnummer", required=True), Column("Roepnaam"), Column("Achternaam"),
        Column("Begin datum/tijd", required=True), Column("Eind datum/tijd", required=True),
        Column("Begin lesuur"), Column("Eind lesuur"), Column("Absentiesoort"),
        Column("Afkorting"), Column("Omschrijving"), Column("Geoorloofd"),
        Column("Afgehandeld"), Column("Datum invoer", aliases=("datumTijdInvoer",))),
        parse=_somtoday),
    Layout.PARNASSYS: LayoutSpec(columns=(
        Column("Leerlingnummer", required=True), Column("Naam"), Column("Groep"),
        Column("Datum", required=True), Column("Dagdeel", required=True),
        Column("Reden", required=True), Column("Geoorloofd"), Column("Minuten"),
        Column("Opmerking")), parse=_parnassys),
    Layout.SCHAKEL: LayoutSpec(columns=(
        Column("leerlingnummer", required=True), Column("datum", required=True),
        Column("lesuur"), Column("begintijd"), Column("eindtijd"),
        Column("soort", required=True), Column("geoorloofd", required=True),
        Column("minuten", required=True), Column("code"), Column("sleutel")),
        parse=_schakel),
}


@dataclass(frozen=True)
class BoundHeader:
    """Which cell of a row is which column (by index); the problems of the header."""

    indexes: dict[str, int]
    problems: list[Problem]
    # A required column is missing or a column appears twice: no row can be read. (Unknown
    # columns are reported but do not block: the valid rows may still be imported.)
    blocks: bool = False


def bind_header(layout: str, header: list[str]) -> BoundHeader:
    spec = LAYOUTS[layout]
    known: dict[str, str] = {}
    for column in spec.columns:
        for name in (column.name, *column.aliases):
            known[header_key(name)] = column.name
    indexes: dict[str, int] = {}
    problems: list[Problem] = []
    blocks = False
    for index, name in enumerate(header):
        if not name:
            continue
        column_name = known.get(header_key(name))
        if column_name is None:
            problems.append(Problem(name, _(
                "Unknown column %(column)s: this layout does not have it.") % {"column": name}))
        elif column_name in indexes:
            blocks = True
            problems.append(Problem(name, _("The column %(column)s appears twice.")
                                    % {"column": name}))
        else:
            indexes[column_name] = index
    for column in spec.columns:
        if column.required and column.name not in indexes:
            blocks = True
            problems.append(Problem(column.name, _("The column %(column)s is missing.")
                                    % {"column": column.name}))
    return BoundHeader(indexes=indexes, problems=problems, blocks=blocks)


def parse_row(layout: str, bound: BoundHeader, values: list[str], rules: Rules,
              formulas: Mapping[int, str], today: dt.date) -> RowResult:
    """One row: its records, or what is wrong with it (each problem with its column)."""
    names = {index: name for name, index in bound.indexes.items()}
    formula_problems = [Problem(names.get(index, ""), _(
        "The cell holds a formula (%(formula)s): export the values, not the formulas.")
        % {"formula": formula}) for index, formula in formulas.items()]
    if formula_problems:
        return RowResult(problems=formula_problems)
    cells = {name: values[index] if index < len(values) else ""
             for name, index in bound.indexes.items()}
    result = LAYOUTS[layout].parse(Row(cells), rules)
    problems = list(result.problems)
    if not problems:
        for record in result.records:
            problems.extend(_record_problems(record, rules, today))
    if problems:
        return RowResult(problems=problems)
    return result


def _record_problems(record: Parsed, rules: Rules, today: dt.date) -> list[Problem]:
    problems = []
    if record.day > today:
        problems.append(Problem("", _("The day %(day)s lies in the future.")
                                % {"day": record.day.strftime("%d-%m-%Y")}))
    if record.minutes < 0:
        problems.append(Problem("", _("Negative minutes (%(minutes)d).")
                                % {"minutes": record.minutes}))
    elif record.minutes > min(rules.day_minutes, MINUTES_PER_DAY):
        problems.append(Problem("", _(
            "%(minutes)d minutes is more than a whole school day (%(day)d minutes: "
            "%(lessons)d lessons of %(length)d minutes).") % {
            "minutes": record.minutes, "day": rules.day_minutes,
            "lessons": rules.lessons_per_day, "length": rules.lesson_minutes}))
    return problems
