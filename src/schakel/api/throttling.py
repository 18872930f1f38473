"""The rate limit per client (DRF throttling, keyed by the OAuth 2 client)."""

from __future__ import annotations

from typing import Any

from rest_framework.request import Request
from rest_framework.throttling import SimpleRateThrottle


class ClientRateThrottle(SimpleRateThrottle):
    """`DEFAULT_THROTTLE_RATES["client"]` requests per client (per token's application).
    Requests without a valid token are refused (401) before they cost anything; floods of
    those are for the reverse proxy in front (docs/api.md)."""

    scope = "client"

    def get_cache_key(self, request: Request, view: Any) -> str | None:
        token: Any = request.auth
        ident = (f"app-{token.application_id}" if token is not None
                 else f"ip-{self.get_ident(request)}")
        return self.cache_format % {"scope": self.scope, "ident": ident}
