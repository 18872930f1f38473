"""Reading the cells of an export: Dutch dates (dd-mm-jjjj), times, yes/no, whole numbers.
Each reader raises `CellError` with a message for the row's error report."""

from __future__ import annotations

import datetime as dt
import re

from django.utils.translation import gettext as _


class CellError(ValueError):
    pass


_DATE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})(?::(\d{2}))?$")
_YES = frozenset({"ja", "j", "yes", "y", "true", "waar", "1", "x"})
_NO = frozenset({"nee", "n", "no", "false", "onwaar", "0"})


def header_key(name: str) -> str:
    """A column name as compared: lower case, letters and digits only ("Begin datum/tijd",
    "beginDatumTijd" and "begin_datum_tijd" are one column)."""
    return re.sub(r"[^0-9a-z]", "", name.lower())


def value_key(value: str) -> str:
    """A code or a kind as compared: lower case, single spaces."""
    return " ".join(value.lower().split())


def parse_date(value: str) -> dt.date:
    text = value.strip()
    match = _DATE.match(text)
    try:
        if match:
            return dt.date(int(match[3]), int(match[2]), int(match[1]))
        match = _ISO_DATE.match(text)
        if match:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        pass
    raise CellError(_("Not a date (dd-mm-jjjj): %(value)s") % {"value": value})


def parse_time(value: str) -> dt.time:
    match = _TIME.match(value.strip())
    if match:
        hour, minute, second = int(match[1]), int(match[2]), int(match[3] or 0)
        if hour < 24 and minute < 60 and second < 60:
            return dt.time(hour, minute, second)
    raise CellError(_("Not a time (uu:mm): %(value)s") % {"value": value})


def parse_datetime(value: str) -> dt.datetime:
    """`dd-mm-jjjj uu:mm` (also ISO, with a T); a date alone is midnight."""
    text = value.strip().replace("T", " ")
    day_part, _space, time_part = text.partition(" ")
    try:
        day = parse_date(day_part)
        moment = parse_time(time_part) if time_part.strip() else dt.time(0, 0)
    except CellError as exc:
        raise CellError(
            _("Not a date and time (dd-mm-jjjj uu:mm): %(value)s") % {"value": value}) from exc
    return dt.datetime.combine(day, moment)


def parse_bool(value: str) -> bool:
    key = value_key(value)
    if key in _YES:
        return True
    if key in _NO:
        return False
    raise CellError(_("Not yes or no: %(value)s") % {"value": value})


def parse_int(value: str) -> int:
    text = value.strip()
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    raise CellError(_("Not a whole number: %(value)s") % {"value": value})
