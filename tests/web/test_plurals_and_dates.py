"""Counts in real plural forms, and one date format on every page (issue 7, item 18: "1
verlopen afspraak/afspraken", and "2-12-2026" beside "2 december 2026" on one page)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone, translation

from schakel.cases.models import Case
from schakel.cases.selectors import health_indicators
from tests.web.test_translations import _entries

TEMPLATES = Path(settings.BASE_DIR) / "src" / "schakel"
# The one date format (Django's Dutch DATE_FORMAT), with the time where a moment is shown,
# and ISO 8601 inside `<time datetime>` for machines.
DATE_FORMATS = {"j F Y", "j F Y H:i", "j F Y H:i:s", "c"}
# "afspraak/afspraken", "casus(sen)", "agreement(s)": a count written around its plural.
SLASH_PLURAL = re.compile(r"\w\((?:e?n|s|sen)\)|\b(\w{4,})\w*/\1\w*\b")


def test_no_message_writes_a_plural_with_a_slash_or_brackets() -> None:
    found = [(msgid, strs) for msgid, strs in _entries()
             if SLASH_PLURAL.search(msgid) or any(SLASH_PLURAL.search(s) for s in strs)]
    assert found == []


def test_the_pattern_finds_what_the_issue_saw() -> None:
    assert SLASH_PLURAL.search("%(n)s verlopen afspraak/afspraken")
    assert SLASH_PLURAL.search("%(n)s overdue agreement(s)")
    assert SLASH_PLURAL.search("3 casus(sen)")
    assert not SLASH_PLURAL.search("ouder/verzorger en jeugdarts/GGD")


def test_every_template_uses_the_one_date_format() -> None:
    formats = {
        (str(path.relative_to(TEMPLATES)), fmt)
        for path in TEMPLATES.rglob("*.html")
        for fmt in re.findall(r"""\|date:["']([^"']*)["']""", path.read_text(encoding="utf-8"))
    }
    assert {(path, fmt) for path, fmt in formats if fmt not in DATE_FORMATS} == set()
    assert formats  # the walk found the templates


@pytest.mark.parametrize(("overdue", "dutch"), [
    (1, "1 verlopen afspraak"), (2, "2 verlopen afspraken")])
def test_overdue_agreements_are_counted_in_dutch_plurals(overdue: int, dutch: str) -> None:
    case = Case(opened_at=timezone.now(), coordinator_id=1)
    case.overdue_agreements = overdue  # type: ignore[attr-defined]  # as `with_health` adds
    with translation.override("nl"):
        labels = [indicator.label for indicator in health_indicators(case)]
    assert labels == [dutch]
