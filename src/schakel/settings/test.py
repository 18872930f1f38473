"""Test settings: the same database choice as `base` (SQLite, or DATABASE_URL)."""

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, STORAGES

SECRET_KEY = "test-only-not-secret"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast, tests only
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {**STORAGES, "staticfiles": {
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}

# Tests assert the English message ids; the browser tests ask for Dutch (Accept-Language),
# as a Dutch user's browser does, and `tests/web/test_translations.py` checks the catalogue.
LANGUAGE_CODE = "en"

# The demo world, its sign-in helpers and `generate_region`: development and tests only.
INSTALLED_APPS = [*INSTALLED_APPS, "schakel.demo"]
