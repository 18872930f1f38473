"""The bodies the API reads besides JSON: a file as `application/xml` (an EDEXML export),
read up to its limit and no further; a larger body is 413 before it is read whole."""

from __future__ import annotations

from collections.abc import Mapping
from typing import IO, Any

from django.utils.translation import gettext_lazy as _
from rest_framework import status
from rest_framework.exceptions import APIException
from rest_framework.parsers import BaseParser


class PayloadTooLarge(APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = _("The body is larger than this resource takes.")
    default_code = "payload_too_large"


def too_large(limit: int) -> PayloadTooLarge:
    return PayloadTooLarge(_("The body is larger than %(max)s MB.") % {
        "max": round(limit / 1_000_000, 1)})


class XmlFileParser(BaseParser):
    """The body as bytes, at most `view.max_body_bytes()`."""

    media_type = "application/xml"

    def parse(  # type: ignore[override]  # the body is the file itself, not a mapping
            self, stream: IO[Any] | None, media_type: str | None = None,
            parser_context: Mapping[str, Any] | None = None) -> bytes:
        view = (parser_context or {}).get("view")
        limit: int = view.max_body_bytes() if view is not None else 0
        request = (parser_context or {}).get("request")
        length = request.META.get("CONTENT_LENGTH", "") if request is not None else ""
        if length.isdigit() and int(length) > limit:
            raise too_large(limit)
        content: bytes = stream.read(limit + 1) if stream is not None else b""
        if len(content) > limit:
            raise too_large(limit)
        return content
