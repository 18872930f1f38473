"""The OpenAPI document: its security scheme (OAuth 2 client credentials, with each
operation's scopes: `required_scopes` of its view; loaded by `apps.ApiConfig.ready`) and the
problem documents every operation can answer."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import serializers

from schakel.api.exceptions import PROBLEM_JSON
from schakel.api.models import SCOPES


class ClientTokenScheme(OpenApiAuthenticationExtension):  # type: ignore[no-untyped-call]
    target_class = "schakel.api.authentication.ClientTokenAuthentication"
    name = "oauth2"

    def get_security_definition(self, auto_schema: Any) -> dict[str, Any]:
        return {"type": "oauth2", "flows": {"clientCredentials": {
            "tokenUrl": reverse("api:token"), "scopes": dict(SCOPES)}}}

    def get_security_requirement(self, auto_schema: Any) -> dict[str, list[str]]:
        view = auto_schema.view
        by_method: dict[str, list[str]] = getattr(view, "required_scopes_by_method", {})
        scopes = by_method.get(auto_schema.method, getattr(view, "required_scopes", []))
        return {self.name: list(scopes)}


class InvalidParamSerializer(serializers.Serializer[Any]):
    name = serializers.CharField()
    reason = serializers.CharField()
    # An uploaded file's problems: the line of the element `name` is the path of.
    regel = serializers.IntegerField(required=False, allow_null=True)


class ProblemSerializer(serializers.Serializer[Any]):
    """An RFC 9457 problem document (`exceptions.problem`)."""

    def get_fields(self) -> dict[str, serializers.Field[Any, Any, Any, Any]]:
        return {
            "type": serializers.CharField(),
            "title": serializers.CharField(),
            "status": serializers.IntegerField(),
            "detail": serializers.CharField(),
            "instance": serializers.CharField(),
            "invalid-params": InvalidParamSerializer(many=True, required=False),
        }


def with_problems(responses: dict[int, Any], *codes: int) -> dict[Any, Any]:
    """The responses of an operation, with the problem documents it can answer (always 401,
    403 and 429, plus `codes`)."""
    problems = {(code, PROBLEM_JSON): ProblemSerializer
                for code in sorted({401, 403, 429, *codes})}
    return {**responses, **problems}
