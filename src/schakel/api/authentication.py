"""Signing in as a system: a bearer token of django-oauth-toolkit (client credentials),
nothing else. A professional's session cookie does not work on the API."""

from __future__ import annotations

from typing import Any

from oauth2_provider.contrib.rest_framework import OAuth2Authentication
from rest_framework.request import Request

from schakel.access.actor import Actor, SystemClient
from schakel.api.selectors import client_of_token


class ClientTokenAuthentication(OAuth2Authentication):  # type: ignore[misc]
    """A valid, unexpired token of an application that is a Schakel client (`ApiClient`);
    the request's user is the client's own account."""

    www_authenticate_realm = "schakel"

    def authenticate(self, request: Request) -> tuple[Any, Any] | None:
        # Only the Authorization header carries a token (RFC 9700; never the body or the
        # query string), so a request without one is not read any further.
        if not request.headers.get("Authorization", "").startswith("Bearer "):
            return None
        authenticated = super().authenticate(request)
        if authenticated is None:
            return None
        _user, token = authenticated
        client = client_of_token(token)
        if client is None:
            return None
        request._schakel_client = client  # type: ignore[attr-defined]
        return client.user, token


def system_actor_of(request: Request) -> Actor:
    """The actor of an authenticated API request: the client, for its organisation."""
    client = getattr(request, "_schakel_client", None)
    if client is None:
        raise PermissionError("An API actor needs an authenticated client.")
    return Actor(
        user=client.user, professional=None, ip_address=request.META.get("REMOTE_ADDR"),
        system=SystemClient(client_id=client.pk, name=client.name,
                            organisation_id=client.organisation_id,
                            organisation_name=client.organisation.name),
    )
