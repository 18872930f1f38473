"""Proposing an anonymised description from a case's texts: the names of the child, the
family and the professionals, dates, school names, organisation names and place names are
replaced by neutral placeholders. The chair reads and edits the proposal; this is a help, not
a guarantee.

Rules:
- every name (a person's full name, and each capitalised part of it of two letters or more,
  particles such as "de" or "van" left out) is matched as a whole word, in any case;
  the longest names go first, so "Anne de Vries" becomes one placeholder;
- dates: dd-mm-yyyy (also with "/" or "." and one-digit day or month), ISO yyyy-mm-dd, and a
  day with a Dutch month name (full or abbreviated), with or without the year, become
  "[datum]".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

CHILD = "het kind"
FAMILY = "de ouder"
PROFESSIONAL = "de professional"
SCHOOL = "de school"
ORGANISATION = "de organisatie"
PLACE = "de plaats"
DATE = "[datum]"

PARTICLES = frozenset({"de", "den", "der", "van", "von", "het", "ten", "ter", "te", "la",
                       "le", "du", "da", "di", "in", "op", "'t", "el", "al"})
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december", "jan", "feb", "mrt", "apr", "jun",
          "jul", "aug", "sep", "sept", "okt", "nov", "dec")

_DATE_PATTERNS = [
    re.compile(r"(?<!\d)\d{4}-\d{1,2}-\d{1,2}(?!\d)"),
    re.compile(r"(?<!\d)\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}(?!\d)"),
    re.compile(r"(?<!\w)\d{1,2}\s+(?:" + "|".join(sorted(MONTHS, key=len, reverse=True))
               + r")\.?(?:\s+\d{4})?(?!\w)", re.IGNORECASE),
]


def name_variants(name: str) -> list[str]:
    """The full name and its capitalised parts that are not particles."""
    name = " ".join(name.split())
    if not name:
        return []
    parts = [part for part in re.split(r"[\s\-]+", name)
             if len(part) >= 2 and part.lower() not in PARTICLES]
    return [name, *parts]


def anonymise(text: str, names: Mapping[str, Iterable[str]]) -> str:
    """`names` maps a placeholder to the names it replaces (full names, school names, ...)."""
    replacements: dict[str, str] = {}
    for placeholder, values in names.items():
        for value in values:
            for variant in name_variants(value):
                replacements.setdefault(variant.lower(), placeholder)
    for pattern in _DATE_PATTERNS:
        text = pattern.sub(DATE, text)
    if replacements:
        alternatives = sorted(replacements, key=len, reverse=True)
        pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(a) for a in alternatives)
                             + r")(?!\w)", re.IGNORECASE)
        text = pattern.sub(lambda match: replacements[match.group(0).lower()], text)
    return text
