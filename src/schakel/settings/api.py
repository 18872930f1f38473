"""The settings of the API for systems (docs/api.md), read by `base`."""

from __future__ import annotations

import environ

env = environ.Env()

# --- the API for systems (docs/api.md) -------------------------------------------------------
# OAuth 2 client credentials only (django-oauth-toolkit): secrets and tokens hashed at rest,
# tokens for an hour, scopes per client (`schakel.api.scopes`). No session works on /api/.
OAUTH2_PROVIDER = {
    "SCOPES_BACKEND_CLASS": "schakel.api.scopes.ClientScopes",
    "ACCESS_TOKEN_EXPIRE_SECONDS": env.int("SCHAKEL_API_TOKEN_SECONDS", default=3600),
    "OAUTH2_GRANT_TYPES_SUPPORTED": ["client_credentials"],
    "OAUTH2_TOKEN_ENDPOINT_AUTH_METHODS_SUPPORTED": ["client_secret_basic", "client_secret_post"],
    "COMPLIANT_BCP_RFC9700_IMPLICIT_GRANT": True,
    "COMPLIANT_BCP_RFC9700_PASSWORD_GRANT": True,
    "COMPLIANT_BCP_RFC9700_PKCE_METHOD": True,
    "COMPLIANT_BCP_RFC9700_ACCESS_TOKEN_TRANSPORT": True,
    "COMPLIANT_BCP_RFC9700_AUTHZ_RESPONSE_ISS": True,
    "COMPLIANT_BCP_RFC9700_TOKEN_STORAGE": True,
    "COMPLIANT_BCP_RFC9700_REFRESH_TOKEN": True,
    "COMPLIANT_BCP_RFC9700_REDIRECT_URI_SCHEME": True,
    "COMPLIANT_BCP_RFC9700_REDIRECT_URI_MATCHING": True,
    "COMPLIANT_BCP_RFC9700_PKCE_REQUIRED": True,
    # No grant here issues refresh tokens or redirects; should one ever, RFC 9700's rules.
    "REFRESH_TOKEN_REUSE_PROTECTION": True,
    "ALLOWED_REDIRECT_URI_SCHEMES": ["https"],
}
# django-oauth-toolkit's own models (swappable; `api.ApiClient` points at the application).
OAUTH2_PROVIDER_APPLICATION_MODEL = "oauth2_provider.Application"
SCHAKEL_API_VERSION = "1.0.0"
# The largest EDEXML file read, on the page and through the API (docs/edexml.md); a file of
# 2000 pupils is about 2 MB.
SCHAKEL_EDEXML_MAX_BYTES = env.int("SCHAKEL_EDEXML_MAX_BYTES", default=10_000_000)
# The largest attendance export sent through the API (the page takes what the web server lets
# through); a school's year of lesson absences is some tens of MB.
SCHAKEL_ATTENDANCE_API_MAX_BYTES = env.int("SCHAKEL_ATTENDANCE_API_MAX_BYTES",
                                           default=100_000_000)
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["schakel.api.authentication.ClientTokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["schakel.api.permissions.HasScope"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_THROTTLE_CLASSES": ["schakel.api.throttling.ClientRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"client": env.str("SCHAKEL_API_RATE", default="600/minute")},
    "DEFAULT_PAGINATION_CLASS": "schakel.api.pagination.Cursor",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "schakel.api.exceptions.problem_handler",
    "PAGE_SIZE": 50,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Schakel API",
    "DESCRIPTION": "Systeemkoppelingen van Schakel (docs/api.md).",
    "VERSION": SCHAKEL_API_VERSION,
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SERVE_AUTHENTICATION": [],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": "/api/v1",
}
