"""The API's own reads: which client a token belongs to. No child's data."""

from __future__ import annotations

from typing import Any

from schakel.api.models import ApiClient


def client_of_token(token: Any) -> ApiClient | None:
    """The Schakel client of an access token's application, with its account; None for an
    application that is no Schakel client, or whose account was removed."""
    return (ApiClient.objects.select_related("user", "organisation")
            .filter(application_id=token.application_id).first())
