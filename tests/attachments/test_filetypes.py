"""The type of a file comes from its content, not its name; only the allow-list passes."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from schakel.attachments import filetypes
from schakel.attachments.names import clean_name
from tests.attachments.support import EXE, PDF, PNG, docx, odt, plain_zip


@pytest.mark.parametrize(("data", "kind"), [
    (PDF, filetypes.PDF), (PNG, filetypes.PNG), (b"\xff\xd8\xff\xe0rest", filetypes.JPEG),
    (b"GIF89a....", filetypes.GIF), (b"RIFF\x10\x00\x00\x00WEBPVP8 ", filetypes.WEBP),
    (docx(), filetypes.DOCX), (odt(), filetypes.ODT),
    ("Verslag van het gesprek met moeder.\nÉén regel.\n".encode(), filetypes.TEXT),
    (b"\xef\xbb\xbfmet BOM", filetypes.TEXT),
])
def test_allowed_types_are_recognised_by_their_content(data: bytes, kind: str) -> None:
    assert filetypes.sniff(data) == kind


@pytest.mark.parametrize("data", [
    EXE, plain_zip(), b"\x00\x01binary", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 old .doc", b"",
    b"PK\x03\x04 not really a zip",
])
def test_anything_else_is_refused(data: bytes) -> None:
    assert filetypes.sniff(data) is None


def test_names_are_kept_or_refused_with_a_reason() -> None:
    assert clean_name("  Verslag GGD.pdf ") == "Verslag GGD.pdf"
    for bad in ("../../etc/passwd", "map\\brief.pdf", "a" * 300 + ".pdf", "...", "tab\there"):
        with pytest.raises(ValidationError, match="file"):
            clean_name(bad)
