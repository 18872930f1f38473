"""The interface speaks Dutch: every message id has a Dutch translation, the compiled catalogue
matches the source catalogue, and a Dutch browser gets Dutch pages."""

from __future__ import annotations

import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from tests.support import sign_in

LOCALE = Path(settings.LOCALE_PATHS[0]) / "nl" / "LC_MESSAGES"
ENTRY = re.compile(
    r'^msgid "(?P<id>(?:[^"\\]|\\.)*)"\n(?:"(?:[^"\\]|\\.)*"\n)*'
    r'(?:msgid_plural "(?:[^"\\]|\\.)*"\n(?:"(?:[^"\\]|\\.)*"\n)*)?'
    r'(?P<strs>(?:msgstr(?:\[\d\])? "(?:[^"\\]|\\.)*"\n(?:"(?:[^"\\]|\\.)*"\n)*)+)',
    re.MULTILINE,
)


def _unescape(text: str) -> str:
    return text.encode("latin-1", "backslashreplace").decode("unicode_escape")


def _entries() -> list[tuple[str, list[str]]]:
    text = (LOCALE / "django.po").read_text(encoding="utf-8")
    entries = []
    for block in text.split("\n\n"):
        if block.lstrip().startswith("#~"):
            continue  # obsolete
        lines = [line for line in block.splitlines() if not line.startswith("#")]
        joined = "\n".join(lines) + "\n"
        match = ENTRY.search(joined)
        if match is None:
            continue
        strs = re.findall(r'msgstr(?:\[\d\])? ((?:"(?:[^"\\]|\\.)*"\n?)+)', match["strs"])
        values = ["".join(re.findall(r'"((?:[^"\\]|\\.)*)"', s)) for s in strs]
        context, _sep, rest = joined.rpartition("msgid ")
        full_id = "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', ("msgid " + rest)
                                     .split("msgid_plural")[0].split("msgstr")[0]))
        # A message with a context is compiled as "<context>\x04<msgid>".
        context_text = "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', context))
        if context_text:
            full_id = f"{context_text}\x04{full_id}"
        entries.append((_unescape(full_id), [_unescape(v) for v in values]))
    return entries


def test_every_message_has_a_dutch_translation() -> None:
    entries = [(msgid, strs) for msgid, strs in _entries() if msgid]
    assert len(entries) > 500
    missing = [msgid for msgid, strs in entries if not all(strs)]
    assert missing == []


def test_the_compiled_catalogue_matches_the_source() -> None:
    with (LOCALE / "django.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    catalog = compiled._catalog  # type: ignore[attr-defined]
    for msgid, strs in _entries():
        if not msgid or len(strs) != 1:
            continue
        assert catalog.get(msgid) == strs[0], msgid


@pytest.mark.django_db
def test_a_dutch_browser_gets_dutch_pages(client, world) -> None:
    sign_in(client, world.core_member.user)
    response = client.get(reverse("web:dashboard"), HTTP_ACCEPT_LANGUAGE="nl")
    assert response.status_code == 200
    assert 'lang="nl"' in response.content.decode()
    assert "Mijn werk" in response.content.decode()
