"""The scopes of a token: only those its client was given (`ApiClient.scopes`)."""

from __future__ import annotations

from typing import Any

from oauth2_provider.scopes import BaseScopes

from schakel.api.models import SCOPES, ApiClient


def _client_scopes(application: Any) -> list[str]:
    client = ApiClient.objects.filter(application=application).first()
    return [scope for scope in client.scope_list if scope in SCOPES] if client else []


class ClientScopes(BaseScopes):  # type: ignore[misc]
    """django-oauth-toolkit's scopes backend: every scope of the API exists; a client may
    ask for its own, and gets all of them when it asks for none."""

    def get_all_scopes(self) -> dict[str, str]:
        return dict(SCOPES)

    def get_available_scopes(
        self, application: Any = None, request: Any = None, *args: Any, **kwargs: Any,
    ) -> list[str]:
        return _client_scopes(application)

    def get_default_scopes(
        self, application: Any = None, request: Any = None, *args: Any, **kwargs: Any,
    ) -> list[str]:
        return _client_scopes(application)
