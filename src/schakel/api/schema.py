"""The OpenAPI document's security scheme: OAuth 2 client credentials, with each
operation's scopes (`required_scopes` of its view). Loaded by `apps.ApiConfig.ready`."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from drf_spectacular.extensions import OpenApiAuthenticationExtension

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
