"""The imports of the API: a school's EDEXML export, and (as a background job) an attendance
export. The same services as the pages, with the system client as the actor."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers, status
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from schakel.api.authentication import system_actor_of
from schakel.api.exceptions import problem
from schakel.api.parsers import XmlFileParser, too_large
from schakel.api.schema import with_problems
from schakel.api.selectors import client_attendance_import_get
from schakel.api.serializers import (
    AttendanceImportStartSerializer,
    AttendanceImportStatusSerializer,
    EdexmlResultSerializer,
    EdexmlUploadSerializer,
)
from schakel.api.services import client_attendance_import_start
from schakel.api.views import acting_for, pick_or_invalid
from schakel.attendance.selectors import import_profiles_for
from schakel.children.edexml import EdexmlInvalid
from schakel.children.services.edexml_import import pupils_edexml_import

WRITE_PUPILS = ["leerlingen:schrijven"]
WRITE_ATTENDANCE = ["verzuim:schrijven"]


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
        responses=with_problems({200: EdexmlResultSerializer}, 400, 413, 415))
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


def _status(attendance_import: Any, errors: list[Any]) -> dict[str, Any]:
    return dict(AttendanceImportStatusSerializer(
        {"attendance_import": attendance_import, "errors": errors}).data)


class AttendanceImportStart(APIView):
    """Start the import of an attendance export, as the page *Verzuim importeren* and the
    command do: checked and imported by a background job; follow it at the status resource
    (`Location`)."""

    required_scopes = WRITE_ATTENDANCE
    parser_classes = [MultiPartParser]

    @extend_schema(tags=["verzuim"], request={"multipart/form-data":
                                              AttendanceImportStartSerializer},
                   responses=with_problems({202: AttendanceImportStatusSerializer}, 400, 413, 415))
    def post(self, request: Request) -> Response:
        data = AttendanceImportStartSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        limit: int = settings.SCHAKEL_ATTENDANCE_API_MAX_BYTES
        upload = values["bestand"]
        if upload.size is not None and upload.size > limit:
            raise too_large(limit)
        actor = acting_for(system_actor_of(request), values["importeur"], "importeur")
        try:
            profiles = import_profiles_for(actor=actor)
        except Http404:
            raise serializers.ValidationError({"importeur": [_(
                "This professional imports attendance for no school.")]}) from None
        profile = pick_or_invalid(profiles, values["profiel"], "profiel")
        attendance_import = client_attendance_import_start(
            actor=actor, profile=profile, file=upload, file_name=upload.name or "",
            import_valid_rows=values["geldige_rijen"])
        location = reverse("api:attendance_import", kwargs={"import_id": attendance_import.pk})
        return Response(_status(attendance_import, []), status=status.HTTP_202_ACCEPTED,
                        headers={"Location": location})


@extend_schema(tags=["verzuim"],
               responses=with_problems({200: AttendanceImportStatusSerializer}, 404))
class AttendanceImportDetail(generics.GenericAPIView[Any]):
    """The progress of an import this client started: queued, running, done or failed, with
    its counts and the problems found per row."""

    serializer_class = AttendanceImportStatusSerializer
    required_scopes = WRITE_ATTENDANCE

    def get(self, request: Request, import_id: int) -> Response:
        attendance_import, errors = client_attendance_import_get(
            actor=system_actor_of(request), import_id=import_id)
        return Response(_status(attendance_import, errors))
