"""The type of an uploaded file, read from its content (magic bytes), never from its name,
and the allow-list of types an attachment may have: PDF, images, office documents (Office
Open XML and OpenDocument; not the old binary formats, which carry macros unseen) and plain
text."""

from __future__ import annotations

import io
import zipfile

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

PDF = "application/pdf"
PNG = "image/png"
JPEG = "image/jpeg"
GIF = "image/gif"
WEBP = "image/webp"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
ODT = "application/vnd.oasis.opendocument.text"
ODS = "application/vnd.oasis.opendocument.spreadsheet"
ODP = "application/vnd.oasis.opendocument.presentation"
TEXT = "text/plain"

ALLOWED: dict[str, Promise] = {
    PDF: _("PDF document"), PNG: _("PNG image"), JPEG: _("JPEG image"), GIF: _("GIF image"),
    WEBP: _("WebP image"), DOCX: _("Word document"), XLSX: _("Excel spreadsheet"),
    PPTX: _("PowerPoint presentation"), ODT: _("OpenDocument text"),
    ODS: _("OpenDocument spreadsheet"), ODP: _("OpenDocument presentation"),
    TEXT: _("Text file"),
}

_OOXML_PARTS = (("word/", DOCX), ("xl/", XLSX), ("ppt/", PPTX))
_ODF = {ODT, ODS, ODP}


def _zip_type(data: bytes) -> str | None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = archive.namelist()
        if "mimetype" in names:
            mimetype = archive.read("mimetype").decode("ascii", "replace").strip()
            return mimetype if mimetype in _ODF else None
    except (zipfile.BadZipFile, KeyError, RuntimeError, ValueError, OSError):
        return None
    if "[Content_Types].xml" not in names:
        return None
    for prefix, kind in _OOXML_PARTS:
        if any(name.startswith(prefix) for name in names):
            return kind
    return None


def _is_text(data: bytes) -> bool:
    if b"\x00" in data:
        return False
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return all(char.isprintable() or char in "\t\n\r\f" for char in text)


def sniff(data: bytes) -> str | None:
    """The MIME type of `data` when it is one of the allowed types, else None."""
    if data.startswith(b"%PDF-"):
        return PDF
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if data.startswith((b"GIF87a", b"GIF89a")):
        return GIF
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return WEBP
    if data.startswith(b"PK\x03\x04"):
        return _zip_type(data)
    if data and _is_text(data.removeprefix(b"\xef\xbb\xbf")):
        return TEXT
    return None
