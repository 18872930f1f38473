"""The imports of the API: a school's EDEXML export, and (as a background job) an attendance
export. The same services as the pages, with the system client as the actor."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from schakel.api.authentication import system_actor_of
from schakel.api.exceptions import problem
from schakel.api.parsers import XmlFileParser, too_large
from schakel.api.schema import with_problems
from schakel.api.serializers import EdexmlResultSerializer, EdexmlUploadSerializer
from schakel.children.edexml import EdexmlInvalid
from schakel.children.services.edexml_import import pupils_edexml_import

WRITE_PUPILS = ["leerlingen:schrijven"]


def uploaded_content(request: Request, field: str, limit: int) -> bytes:
    """The file of the request: the `application/xml` body, or the form field `field`."""
    data: Any = request.data
    content: bytes
    if isinstance(data, bytes):
        content = data
    else:
        upload = request.FILES.get(field)
        if not isinstance(upload, UploadedFile):
            raise serializers.ValidationError({field: [_("Send the file.")]})
        if upload.size is not None and upload.size > limit:
            raise too_large(limit)
        content = upload.read(limit + 1)
    if len(content) > limit:
        raise too_large(limit)
    if not content:
        raise serializers.ValidationError({field: [_("The file is empty.")]})
    return content


class PupilEdexml(APIView):
    """A school's EDEXML 2.1 export: checked as a whole (any problem refuses the file, with
    every problem's element and line), then synchronised as a full batch."""

    required_scopes = WRITE_PUPILS
    parser_classes = [XmlFileParser, MultiPartParser]

    def max_body_bytes(self) -> int:
        limit: int = settings.SCHAKEL_EDEXML_MAX_BYTES
        return limit

    @extend_schema(
        tags=["leerlingen"],
        request={"application/xml": OpenApiTypes.BINARY,
                 "multipart/form-data": EdexmlUploadSerializer},
        responses=with_problems({200: EdexmlResultSerializer}, 400, 413))
    def post(self, request: Request) -> Response:
        content = uploaded_content(request, "bestand", self.max_body_bytes())
        try:
            result = pupils_edexml_import(actor=system_actor_of(request), content=content)
        except EdexmlInvalid as invalid:
            params: list[dict[str, Any]] = [
                {"name": p.path, "reason": p.message, "regel": p.line} for p in invalid.problems]
            return problem(400, instance=request.path, invalid_params=params, detail=_(
                "The EDEXML file was refused and nothing was changed; see invalid-params."))
        return Response(EdexmlResultSerializer(result).data)
