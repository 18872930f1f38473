"""What a search for a child asks (the search box in the navigation): a name, a date of birth
(dd-mm-jjjj) or a pupil number, read from the text typed. Pure: no database, so a query that
cannot be a search is refused before anything is read (`ChildSearchForm`).

Dutch surnames carry particles (tussenvoegsels: *van*, *de*, *van der*, *'t*) that people
type, leave out, abbreviate or put after the name ("Riet, Tina van 't"): the words of a name
search are compared without them, and the order of the words does not matter."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MIN_LENGTH = 2
MAX_LENGTH = 100

# The tussenvoegsels of Dutch (and Flemish) names, as the words they split into: "'t" and
# "'s" become "t" and "s", "v.d." becomes "v" and "d". Single letters are never a word of
# the search (an initial, or a particle), so they need not be listed.
PARTICLES = frozenset({
    "van", "de", "der", "den", "het", "te", "ten", "ter", "in", "op", "aan", "uit", "onder",
    "bij", "over", "voor", "vd", "vden", "vder", "la", "le", "les", "du", "da", "di", "del",
    "della", "dos", "das", "el", "al", "von", "zu", "vom", "am", "auf", "im", "tot",
})

_DATE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_DATE_LIKE = re.compile(r"^[\d\s./-]+$")
_PUPIL_NUMBER = re.compile(r"^[0-9A-Za-z]*\d[0-9A-Za-z]*$")
_WORD = re.compile(r"[^\W_]+")


class QueryKind(StrEnum):
    NAME = "name"
    BIRTH_DATE = "birth_date"
    PUPIL_NUMBER = "pupil_number"


@dataclass(frozen=True)
class ChildQuery:
    """A search, parsed: its kind and what it compares (lower-case name words without
    particles; a date; a pupil number as typed)."""

    kind: QueryKind
    words: tuple[str, ...] = ()
    birth_date: dt.date | None = None
    pupil_number: str = ""


def name_words(text: str) -> tuple[str, ...]:
    """The words of a name that a search compares: lower case, split at anything that is not
    a letter or digit (spaces, apostrophes, hyphens, commas), without particles and single
    letters, each once."""
    words = (word for word in _WORD.findall(text.lower()) if len(word) > 1)
    return tuple(dict.fromkeys(word for word in words if word not in PARTICLES))


def child_query_parse(text: str) -> ChildQuery:
    """The search `text` asks for, or a ValidationError with the reason in words."""
    text = text.strip()
    if len(text) < MIN_LENGTH:
        raise ValidationError(_("Type at least two characters to search."), code="short")
    if len(text) > MAX_LENGTH:
        raise ValidationError(_("A search is at most 100 characters."), code="long")
    date = _DATE.match(text)
    if date is not None:
        day, month, year = (int(part) for part in date.groups())
        try:
            return ChildQuery(QueryKind.BIRTH_DATE, birth_date=dt.date(year, month, day))
        except ValueError:
            raise ValidationError(
                _("%(text)s is not a date. Write a date of birth as dd-mm-yyyy, for example "
                  "05-03-2016."), code="date", params={"text": text}) from None
    if _DATE_LIKE.match(text) and not text.isdigit():
        raise ValidationError(
            _("Write a date of birth as dd-mm-yyyy, for example 05-03-2016."), code="date")
    if _PUPIL_NUMBER.match(text):
        return ChildQuery(QueryKind.PUPIL_NUMBER, pupil_number=text)
    words = name_words(text)
    if not words:
        raise ValidationError(
            _("Search for at least two letters of the name itself, not only for a particle "
              "such as “van” or “de”."), code="particles")
    return ChildQuery(QueryKind.NAME, words=words)
