"""Reading and checking the regional monitor's CSV (format: docs/schoolprofile.md). Every
problem is reported with its line and column, all of them at once; a file with any problem
is not imported at all."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from schakel.schoolprofile.models import PARTS_OF, TOTAL_CATEGORY, MonitorSection, Referrer

COLUMNS = ("brin", "peildatum", "onderdeel", "categorie", "aantal")
MAX_BYTES = 2 * 1024 * 1024
MAX_CATEGORY = 100
DATE_FORMATS = ("%d-%m-%Y", "%Y-%m-%d")


@dataclass(frozen=True)
class RowError:
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        if self.line == 0:
            return self.message
        if self.column:
            return _("Line %(line)d, column %(column)s: %(message)s") % {
                "line": self.line, "column": self.column, "message": self.message}
        return _("Line %(line)d: %(message)s") % {"line": self.line, "message": self.message}


@dataclass(frozen=True)
class MonitorRow:
    line: int
    brin: str
    reference_date: dt.date
    section: str
    category: str
    count: int


@dataclass
class MonitorFile:
    rows: list[MonitorRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


def _decode(content: bytes) -> str:
    if content.startswith(codecs.BOM_UTF8):
        return content[len(codecs.BOM_UTF8):].decode("utf-8")
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        return content.decode("cp1252", errors="replace")


def _date(text: str) -> dt.date | None:
    for fmt in DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()  # noqa: DTZ007 - a calendar date
        except ValueError:
            continue
    return None


def _category(section: str, text: str) -> str | None:
    """The category as stored, or None when the section does not know it."""
    if section in (MonitorSection.PUPILS, MonitorSection.YOUTH_CARE):
        return TOTAL_CATEGORY if text.lower() == TOTAL_CATEGORY else None
    if section == MonitorSection.REFERRER:
        return text.lower() if text.lower() in Referrer.values else None
    return text if 0 < len(text) <= MAX_CATEGORY else None


def _row(line: int, cells: dict[str, str], today: dt.date, errors: list[RowError]
         ) -> MonitorRow | None:
    found = len(errors)
    brin = cells["brin"].upper()
    if not brin:
        errors.append(RowError(line, "brin", _("The BRIN code is missing.")))
    day = _date(cells["peildatum"])
    if day is None:
        errors.append(RowError(line, "peildatum", _(
            "Not a date: %(value)s (write 1-10-2026 or 2026-10-01).") % {
            "value": cells["peildatum"]}))
    elif day > today:
        errors.append(RowError(line, "peildatum", _("The reference date lies in the future.")))
    section = cells["onderdeel"].lower()
    category = None
    if section not in MonitorSection.values:
        errors.append(RowError(line, "onderdeel", _(
            "Unknown section %(value)s; expected one of %(known)s.") % {
            "value": cells["onderdeel"], "known": ", ".join(MonitorSection.values)}))
    else:
        category = _category(section, cells["categorie"])
        if category is None:
            errors.append(RowError(line, "categorie", _(
                "Category %(value)s does not fit section %(section)s.") % {
                "value": cells["categorie"] or "''", "section": section}))
    text = cells["aantal"]
    if not text.isdigit():
        errors.append(RowError(line, "aantal", _(
            "Not a whole number of 0 or more: %(value)s") % {"value": text or "''"}))
    if len(errors) > found or day is None or category is None:
        return None
    return MonitorRow(line, brin, day, section, category, int(text))


def _totals(rows: list[MonitorRow], errors: list[RowError]) -> None:
    """The parts of a section add up to the total they split (per school and date)."""
    groups: dict[tuple[str, dt.date], list[MonitorRow]] = defaultdict(list)
    for row in rows:
        groups[(row.brin, row.reference_date)].append(row)
    for group in groups.values():
        totals = {r.section: r for r in group if r.category == TOTAL_CATEGORY and
                  r.section in (MonitorSection.PUPILS, MonitorSection.YOUTH_CARE)}
        for part, whole in PARTS_OF.items():
            parts = [r for r in group if r.section == part]
            if not parts:
                continue
            total = totals.get(whole)
            if total is None:
                errors.append(RowError(parts[0].line, "onderdeel", _(
                    "Section %(part)s needs the total of %(whole)s for the same school and "
                    "date.") % {"part": part, "whole": whole}))
            elif sum(r.count for r in parts) != total.count:
                errors.append(RowError(total.line, "aantal", _(
                    "The rows of %(part)s add up to %(sum)d, but the total of %(whole)s is "
                    "%(total)d.") % {"part": part, "sum": sum(r.count for r in parts),
                                     "whole": whole, "total": total.count}))
        pupils, care = totals.get(MonitorSection.PUPILS), totals.get(MonitorSection.YOUTH_CARE)
        if pupils is not None and care is not None and care.count > pupils.count:
            errors.append(RowError(care.line, "aantal", _(
                "More pupils with a youth-care indication than pupils.")))


def monitor_file_read(content: bytes, *, today: dt.date) -> MonitorFile:
    result = MonitorFile()
    if not content.strip():
        result.errors.append(RowError(0, "", _("The file is empty.")))
        return result
    if len(content) > MAX_BYTES:
        result.errors.append(RowError(0, "", _("The file is larger than 2 MB.")))
        return result
    text = _decode(content)
    first = text.splitlines()[0]
    delimiter = "," if first.count(",") > first.count(";") else ";"
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [name.strip().lower() for name in next(reader)]
        missing = [name for name in COLUMNS if name not in header]
        if missing:
            result.errors.append(RowError(1, "", _(
                "Columns missing: %(missing)s. The header must be %(columns)s.") % {
                "missing": ", ".join(missing), "columns": ";".join(COLUMNS)}))
            return result
        seen: dict[tuple[str, dt.date, str, str], int] = {}
        for values in reader:
            if not any(value.strip() for value in values):
                continue
            line = reader.line_num
            cells = {name: (values[i].strip() if i < len(values) else "")
                     for i, name in enumerate(header)}
            row = _row(line, cells, today, result.errors)
            if row is None:
                continue
            key = (row.brin, row.reference_date, row.section, row.category)
            if key in seen:
                result.errors.append(RowError(line, "categorie", _(
                    "This row repeats line %(line)d.") % {"line": seen[key]}))
                continue
            seen[key] = line
            result.rows.append(row)
    except csv.Error as exc:
        result.errors.append(RowError(reader.line_num, "", _(
            "The file cannot be read as CSV from here on: %(error)s") % {"error": exc}))
        return result
    if not result.rows and not result.errors:
        result.errors.append(RowError(0, "", _("The file has no rows below its header.")))
    _totals(result.rows, result.errors)
    return result
