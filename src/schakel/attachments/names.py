"""The original name of an uploaded file, checked before it is kept: shown on the case page
and offered as the download's name, never used as a path (the stored file has a random
name)."""

from __future__ import annotations

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_NAME_LENGTH = 200


def clean_name(name: str) -> str:
    name = unicodedata.normalize("NFC", name).strip()
    if "/" in name or "\\" in name or any(not char.isprintable() for char in name):
        raise ValidationError(_(
            "The file name may not contain slashes, backslashes or control characters: "
            "rename the file and try again."))
    if len(name) > MAX_NAME_LENGTH:
        raise ValidationError(_(
            "The file name is too long (%(length)s characters, at most %(max)s): rename the "
            "file and try again.") % {"length": len(name), "max": MAX_NAME_LENGTH})
    if not name.strip(". "):
        raise ValidationError(_("The file has no usable name: rename it and try again."))
    return name
