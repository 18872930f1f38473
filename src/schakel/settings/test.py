"""Test settings: the same database choice as `base` (SQLite, or DATABASE_URL)."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import DATABASES, INSTALLED_APPS, LOGGING, STORAGES

SECRET_KEY = "test-only-not-secret"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast, tests only
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# A job enqueued in a test of another app runs at once, where it is enqueued (a service's mail
# is in the outbox once its transaction commits). `tests/jobs` switch to the database backend
# of production and run the jobs in real `db_worker` processes.
TASKS = {"default": {**TASKS["default"],  # noqa: F405 - from base
                     "BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {**STORAGES, "staticfiles": {
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}

# Tests assert the English message ids; the browser tests ask for Dutch (Accept-Language),
# as a Dutch user's browser does, and `tests/web/test_translations.py` checks the catalogue.
LANGUAGE_CODE = "en"

# No request line per test request (tests/observability turn it on where they read it).
LOGGING = {**LOGGING, "loggers": {"schakel.request": {"level": "WARNING"}}}

# The demo world, its sign-in helpers and `generate_region`: development and tests only.
INSTALLED_APPS = [*INSTALLED_APPS, "schakel.demo"]

# Anchors of the access log outside the repository; tests that verify against anchors give
# each test a file of its own (tests/audit, tests/jobs).
SCHAKEL_AUDIT_ANCHOR_FILE = str(Path(tempfile.gettempdir()) / f"schakel-anchors-{os.getpid()}.log")

# Transactional tests flush the test database with TRUNCATE, which the access log's trigger
# refuses unless the session says so (audit migration 0005). Test connections only.
if str(DATABASES["default"]["ENGINE"]).endswith("postgresql"):
    _options = dict(DATABASES["default"].get("OPTIONS") or {})  # type: ignore[call-overload]
    _options["options"] = f"{_options.get('options', '')} -c schakel.allow_log_truncate=on".strip()
    DATABASES["default"]["OPTIONS"] = _options

# Uploaded attendance files and the Parquet records of a test run outside the repository.
SCHAKEL_ATTENDANCE_UPLOAD_ROOT = str(
    Path(tempfile.gettempdir()) / f"schakel-attendance-uploads-{os.getpid()}")
SCHAKEL_ATTENDANCE_PARQUET_ROOT = str(
    Path(tempfile.gettempdir()) / f"schakel-attendance-records-{os.getpid()}")

# Attachments of a test run outside the repository; tests/attachments start their own clamd
# and point SCHAKEL_CLAMD_SOCKET at it.
_TMP = Path(tempfile.gettempdir())
STORAGES = {**STORAGES, "attachments": {
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": str(_TMP / f"schakel-attachments-{os.getpid()}")},
}}
SCHAKEL_CLAMD_SOCKET = str(_TMP / f"schakel-clamd-{os.getpid()}" / "clamd.sock")
