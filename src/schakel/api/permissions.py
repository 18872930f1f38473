"""Scopes per view (`required_scopes`), checked on the token: a missing scope is 403."""

from __future__ import annotations

from typing import Any

from rest_framework.permissions import BasePermission
from rest_framework.request import Request


class HasScope(BasePermission):
    """An authenticated client whose token carries every scope the view names (the view's
    `required_scopes`, or per method `required_scopes_by_method`)."""

    message = "scope"

    def has_permission(self, request: Request, view: Any) -> bool:
        token: Any = request.auth
        if token is None or getattr(request, "_schakel_client", None) is None:
            return False
        by_method: dict[str, list[str]] = getattr(view, "required_scopes_by_method", {})
        required = by_method.get(request.method or "", getattr(view, "required_scopes", None))
        if required is None:
            return False
        return bool(token.is_valid(list(required)))
