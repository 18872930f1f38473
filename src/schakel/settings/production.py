"""Production: PostgreSQL through DATABASE_URL, HTTPS, no defaults for secrets."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, CACHES, LOGGING, SECRET_KEY, STORAGES, env

if not SECRET_KEY or len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("SECRET_KEY must be set (at least 50 characters) in production.")

SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = True
SECURE_HSTS_SECONDS = 31_536_000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True

# Static files: `manage.py collectstatic --noinput` (README "Production") writes them to
# STATIC_ROOT with the content's hash in each name, compressed; WhiteNoise serves them from there
# with far-future caching. A file missing from the manifest is an error, not a broken link.
STORAGES = {**STORAGES, "staticfiles": {
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}}
# Health probes of a load balancer or an orchestrator, and Prometheus (with its bearer token),
# speak plain HTTP inside the cluster.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$", r"^metrics$"]

# One JSON object per log line for the log collector (LOG_FORMAT=text for plain lines).
LOGGING = {**LOGGING, "handlers": {"console": {
    **LOGGING["handlers"]["console"],  # type: ignore[index]
    "formatter": env.str("LOG_FORMAT", default="json")}}}

# E-mail by SMTP, from Django's own setting names in the environment; `EMAIL_URL` (all in one,
# `smtp+tls://user:password@host:587`) still wins when it is set.
if not env.str("EMAIL_URL", default=""):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
    EMAIL_PORT = env.int("EMAIL_PORT", default=587)
    EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
    EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
    EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=True)
    EMAIL_USE_SSL = env.bool("EMAIL_USE_SSL", default=False)
    EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=30)
# More than one web process: what they must count together (the API's rate limit) is in the
# database by default, or in Redis (`CACHE_URL=redis://...`); never in one process's memory.
CACHES = {**CACHES, "default": env.cache_url("CACHE_URL", default="dbcache://schakel_cache")}
SCHAKEL_SITE_URL = env.str("SCHAKEL_SITE_URL", default=f"https://{ALLOWED_HOSTS[0]}")

# Debian's clamav-daemon, its signatures kept current by freshclam (docs/attachments.md).
SCHAKEL_CLAMD_SOCKET = env.str("SCHAKEL_CLAMD_SOCKET", default="/run/clamav/clamd.ctl")
