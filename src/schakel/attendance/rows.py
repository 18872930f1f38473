"""One row of a source file and what becomes of it: the parsed record, the problems per
column, the profile's reading rules (codes, lesson lengths) and the readers shared by every
source layout (`layouts.py`). Pure: no database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TypeVar

from django.utils.translation import gettext as _

from schakel.attendance.models import AbsenceKind
from schakel.attendance.values import CellError, parse_int, value_key

T = TypeVar("T")



@dataclass(frozen=True)
class Column:
    name: str
    required: bool = False
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Parsed:
    key: str
    pupil_number: str
    day: dt.date
    kind: str
    authorised: bool
    minutes: int
    lesson: int | None = None
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    source_code: str = ""


@dataclass(frozen=True)
class Problem:
    column: str
    message: str


@dataclass
class RowResult:
    records: list[Parsed] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # The row is valid but no absence (Magister's "boeken vergeten").
    skipped: bool = False


@dataclass(frozen=True)
class Rules:
    """What the profile says about reading a file."""

    codes: Mapping[str, tuple[str, bool | None]]
    lesson_minutes: int = 50
    lessons_per_day: int = 9
    morning_minutes: int = 180
    afternoon_minutes: int = 120

    @property
    def day_minutes(self) -> int:
        return self.lesson_minutes * self.lessons_per_day


def rules_from_mapping(mapping: Mapping[str, object], **lengths: int) -> Rules:
    codes: dict[str, tuple[str, bool | None]] = {}
    for code, entry in mapping.items():
        if isinstance(entry, Mapping) and entry.get("kind") in AbsenceKind.values:
            authorised = entry.get("authorised")
            codes[value_key(code)] = (str(entry["kind"]),
                                      authorised if isinstance(authorised, bool) else None)
    return Rules(codes=codes, **lengths)


# The words of the sources for the canonical kinds (Magister's verantwoordingtype with its
# numbers, Somtoday's absentiesoort, the Schakel format's soort).
KIND_WORDS: dict[str, str] = {
    "1": AbsenceKind.ABSENT, "absent": AbsenceKind.ABSENT, "afwezig": AbsenceKind.ABSENT,
    "2": AbsenceKind.LATE, "te laat": AbsenceKind.LATE, "telaat": AbsenceKind.LATE,
    "late": AbsenceKind.LATE,
    "3": AbsenceKind.SICK, "ziek": AbsenceKind.SICK, "sick": AbsenceKind.SICK,
    "4": AbsenceKind.REMOVED, "verwijderd": AbsenceKind.REMOVED,
    "removed": AbsenceKind.REMOVED, "uitgestuurd": AbsenceKind.REMOVED,
    "6": AbsenceKind.EXEMPT, "vrijstelling": AbsenceKind.EXEMPT, "exempt": AbsenceKind.EXEMPT,
    "uitval": AbsenceKind.CANCELLED, "lesuitval": AbsenceKind.CANCELLED,
    "cancelled": AbsenceKind.CANCELLED,
}
# Magister registers these too; they are no absence.
NOT_ABSENCE = frozenset({"7", "8", "boeken vergeten", "huiswerk vergeten"})


class Row:
    """The cells of one row by column name, with readers that record what is wrong."""

    def __init__(self, cells: Mapping[str, str]) -> None:
        self.cells = cells
        self.problems: list[Problem] = []

    def text(self, column: str) -> str:
        return self.cells.get(column, "").strip()

    def required(self, column: str) -> str:
        value = self.text(column)
        if not value:
            self.problems.append(Problem(column, _("%(column)s is empty.") % {"column": column}))
        return value

    def read(self, column: str, parse: Callable[[str], T], *, required: bool) -> T | None:
        value = self.required(column) if required else self.text(column)
        if not value:
            return None
        try:
            return parse(value)
        except CellError as exc:
            self.problems.append(Problem(column, str(exc)))
            return None

    def problem(self, column: str, message: str) -> None:
        self.problems.append(Problem(column, message))


def minutes_between(start: dt.datetime, end: dt.datetime) -> int:
    return int((end - start).total_seconds() // 60)


def kind_and_authorised(row: Row, rules: Rules, *, code_column: str, kind_column: str,
                         authorised: bool | None) -> tuple[str, bool] | None:
    """The school code through the profile's mapping; without a code the source's own kind;
    the authorised flag from the mapping, else from the row."""
    code = row.text(code_column) if code_column else ""
    kind: str | None = None
    mapped_authorised: bool | None = None
    if code:
        entry = rules.codes.get(value_key(code))
        if entry is None:
            row.problem(code_column, _(
                "Unknown code %(code)s: add it to the code mapping of the import profile.")
                % {"code": code})
            return None
        kind, mapped_authorised = entry
    elif kind_column:
        word = row.required(kind_column)
        if not word:
            return None
        kind = KIND_WORDS.get(value_key(word))
        if kind is None:
            row.problem(kind_column, _("Unknown kind of absence: %(value)s") % {"value": word})
            return None
    if kind is None:
        return None
    if mapped_authorised is not None:
        return kind, mapped_authorised
    if authorised is None:
        if kind == AbsenceKind.CANCELLED:
            return kind, True
        row.problem(code_column or kind_column, _(
            "Authorised or not? Neither the row nor the code mapping says."))
        return None
    return kind, authorised


def lesson_of(row: Row, column: str, rules: Rules) -> int | None:
    lesson = row.read(column, parse_int, required=False)
    if lesson is not None and not 1 <= lesson <= rules.lessons_per_day:
        row.problem(column, _(
            "Lesson %(lesson)d does not exist: the profile has %(count)d lessons a day.")
            % {"lesson": lesson, "count": rules.lessons_per_day})
        return None
    return lesson
