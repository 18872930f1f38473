"""OpenID Connect sign-in for organisations (mozilla-django-oidc), configured by environment.

Sign-in through an organisation's identity provider is off unless the client and the provider's
endpoints are set. A half configuration is an error, not a silent fallback. The authorization
code flow always uses PKCE (NL GOV OpenID Connect profile). Users are never created: the
identity provider's e-mail address must match an existing professional.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ImproperlyConfigured

OIDC_BACKEND = "schakel.accounts.oidc.ProfessionalOIDCBackend"

# The variables that switch OpenID Connect on; all of them, or none.
REQUIRED = (
    "OIDC_RP_CLIENT_ID",
    "OIDC_OP_AUTHORIZATION_ENDPOINT",
    "OIDC_OP_TOKEN_ENDPOINT",
    "OIDC_OP_USER_ENDPOINT",
)
OPTIONAL = (
    "OIDC_RP_CLIENT_SECRET",
    "OIDC_OP_JWKS_ENDPOINT",
    "OIDC_RP_IDP_SIGN_KEY",
    "OIDC_OP_LOGOUT_ENDPOINT",
)


_TRUE = {"1", "true", "yes", "on"}


def oidc_settings(environ: Mapping[str, str]) -> dict[str, Any]:
    """The Django settings for OpenID Connect, from the environment (`os.environ`)."""
    values = {name: environ.get(name, "").strip() for name in REQUIRED + OPTIONAL}
    present = [name for name in REQUIRED if values[name]]
    enabled = len(present) == len(REQUIRED)
    if present and not enabled:
        missing = ", ".join(name for name in REQUIRED if not values[name])
        raise ImproperlyConfigured(f"OpenID Connect is partly configured; also set {missing}.")
    sign_algo = environ.get("OIDC_RP_SIGN_ALGO", "").strip() or "RS256"
    if enabled and sign_algo.startswith(("RS", "ES")) and not (
        values["OIDC_OP_JWKS_ENDPOINT"] or values["OIDC_RP_IDP_SIGN_KEY"]
    ):
        raise ImproperlyConfigured(
            f"OIDC_RP_SIGN_ALGO={sign_algo} needs OIDC_OP_JWKS_ENDPOINT or OIDC_RP_IDP_SIGN_KEY.")
    settings: dict[str, Any] = {
        "SCHAKEL_OIDC_ENABLED": enabled,
        # Whether the identity provider's sign-in counts as the second factor (its level of
        # assurance includes two factors, e.g. eHerkenning EH3). Otherwise Schakel asks its own
        # TOTP code after the organisation's sign-in.
        "SCHAKEL_OIDC_PROVIDES_SECOND_FACTOR": (
            environ.get("OIDC_PROVIDES_SECOND_FACTOR", "").strip().lower() in _TRUE),
        "OIDC_RP_SIGN_ALGO": sign_algo,
        "OIDC_RP_SCOPES": environ.get("OIDC_RP_SCOPES", "").strip() or "openid email",
        "OIDC_USE_PKCE": True,
        "OIDC_PKCE_CODE_CHALLENGE_METHOD": "S256",
        "OIDC_CREATE_USER": False,
        "OIDC_AUTHENTICATION_CALLBACK_URL": "accounts:oidc_callback",
        "OIDC_STORE_ID_TOKEN": False,
        "OIDC_STORE_ACCESS_TOKEN": False,
    }
    if enabled:
        settings.update({name: value for name, value in values.items() if value})
        settings.setdefault("OIDC_RP_CLIENT_SECRET", "")
    return settings


def authentication_backends(base: list[str], *, oidc_enabled: bool) -> list[str]:
    """The backends, with the OpenID Connect one only when it is configured."""
    return [*base, OIDC_BACKEND] if oidc_enabled else list(base)
