"""Reading an export file row by row, never whole: CSV (`;` or `,`, UTF-8 with or without
BOM, or Windows-1252) and XLSX (one sheet, values only). What the reader assumed is told
(`Table.encoding`, `Table.delimiter`) so the import page can say it.

Problems with the file as a whole are `FileProblem`s (line 0, or the line where the file
stops making sense); cells the reader cannot use are passed on with the row (`RawRow.formulas`)
for the row's validation to report."""

from __future__ import annotations

import _csv
import codecs
import csv
import datetime as dt
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _
from openpyxl import load_workbook

CHUNK_BYTES = 1 << 20
ENCODING_UTF8, ENCODING_UTF8_BOM, ENCODING_CP1252, ENCODING_XLSX = (
    "utf-8", "utf-8-sig", "cp1252", "xlsx")
ZIP_MAGIC = b"PK\x03\x04"


class FileProblem(Exception):
    def __init__(self, message: str, *, line: int = 0, column: str = "") -> None:
        super().__init__(message)
        self.message, self.line, self.column = message, line, column


@dataclass(frozen=True)
class RawRow:
    line: int
    values: list[str]
    # Indexes of the cells that hold a formula (XLSX): refused per cell.
    formulas: dict[int, str] = field(default_factory=dict)


@dataclass
class Table:
    encoding: str
    delimiter: str
    header: list[str]
    rows: Iterator[RawRow]
    # Rows below the header as far as known before reading them (line breaks in a CSV, the
    # sheet's dimension in a workbook), for the progress bar; None when unknown.
    estimated_rows: int | None = None


def detect_encoding(path: Path) -> str:
    """UTF-8 with BOM, else UTF-8 if every byte of the file decodes as such, else
    Windows-1252 (the encoding of Excel's "CSV" on Dutch Windows), read in chunks."""
    with path.open("rb") as handle:
        start = handle.read(len(codecs.BOM_UTF8))
        if start == codecs.BOM_UTF8:
            return ENCODING_UTF8_BOM
        handle.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")()
        try:
            while chunk := handle.read(CHUNK_BYTES):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            pass
        else:
            return ENCODING_UTF8
        handle.seek(0)
        cp1252 = codecs.getincrementaldecoder(ENCODING_CP1252)()
        try:
            while chunk := handle.read(CHUNK_BYTES):
                cp1252.decode(chunk)
        except UnicodeDecodeError as exc:
            raise FileProblem(_(
                "The file is neither UTF-8 nor Windows-1252 text: save it as CSV (UTF-8) "
                "or as an Excel workbook.")) from exc
    return ENCODING_CP1252


def _count_lines(path: Path) -> int:
    count = 0
    last = b"\n"
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK_BYTES):
            count += chunk.count(b"\n")
            last = chunk[-1:]
    return count + (0 if last == b"\n" else 1)


def _delimiter(header_line: str) -> str:
    """`;` (Dutch Excel) or `,`, whichever the header uses more; a one-column header is `;`."""
    return "," if header_line.count(",") > header_line.count(";") else ";"


def _csv_rows(reader: _csv.Reader) -> Iterator[RawRow]:
    """Rows with the line they end on (a quoted cell may hold a line break); blank rows
    are left out."""
    try:
        for values in reader:
            if any(value.strip() for value in values):
                yield RawRow(line=reader.line_num, values=[value.strip() for value in values])
    except csv.Error as exc:  # a NUL byte, a quote never closed
        raise FileProblem(_("The file cannot be read as CSV from line %(line)d on: %(error)s")
                          % {"line": reader.line_num, "error": exc},
                          line=reader.line_num) from exc


@contextmanager
def _open_csv(path: Path) -> Iterator[Table]:
    encoding = detect_encoding(path)
    with path.open(encoding=encoding, newline="") as handle:
        first = handle.readline()
        if not first.strip():
            raise FileProblem(_("The file is empty."))
        delimiter = _delimiter(first)
        handle.seek(0)
        reader = csv.reader(handle, delimiter=delimiter)
        header = [name.strip().lstrip("\ufeff") for name in next(reader)]
        yield Table(encoding=encoding, delimiter=delimiter, header=header,
                    rows=_csv_rows(reader), estimated_rows=max(0, _count_lines(path) - 1))


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.strftime("%d-%m-%Y")
        return value.strftime("%d-%m-%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _xlsx_rows(rows: Iterator[tuple[object, ...]]) -> Iterator[RawRow]:
    for line, cells in enumerate(rows, start=2):
        values: list[str] = []
        formulas: dict[int, str] = {}
        for index, cell in enumerate(cells):
            value = getattr(cell, "value", None)
            if getattr(cell, "data_type", None) == "f":
                formulas[index] = str(value)
                values.append("")
            else:
                values.append(_cell_text(value))
        if any(values) or formulas:
            yield RawRow(line=line, values=values, formulas=formulas)


@contextmanager
def _open_xlsx(path: Path) -> Iterator[Table]:
    try:
        workbook = load_workbook(path, read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise FileProblem(_("The file is no readable Excel workbook (.xlsx).")) from exc
    try:
        if len(workbook.sheetnames) > 1:
            raise FileProblem(_(
                "The workbook has %(count)d sheets (%(names)s): export one sheet only.") % {
                "count": len(workbook.sheetnames), "names": ", ".join(workbook.sheetnames)})
        sheet = workbook.worksheets[0]
        rows = sheet.iter_rows()
        header_cells = next(rows, None)
        if header_cells is None or not any(
                getattr(cell, "value", None) not in (None, "") for cell in header_cells):
            raise FileProblem(_("The file is empty."))
        header = [_cell_text(getattr(cell, "value", None)) for cell in header_cells]
        while header and not header[-1]:
            header.pop()
        size = sheet.max_row
        yield Table(encoding=ENCODING_XLSX, delimiter="", header=header, rows=_xlsx_rows(rows),
                    estimated_rows=size - 1 if isinstance(size, int) and size > 0 else None)
    finally:
        workbook.close()


def is_xlsx(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(len(ZIP_MAGIC)) == ZIP_MAGIC


@contextmanager
def open_table(path: Path) -> Iterator[Table]:
    """The file's header and an iterator over its rows; the file stays open inside `with`."""
    if path.stat().st_size == 0:
        raise FileProblem(_("The file is empty."))
    opener = _open_xlsx if is_xlsx(path) else _open_csv
    with opener(path) as table:
        yield table
