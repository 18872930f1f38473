"""Settings shared by every environment. Values come from the environment (12-factor).

No secret and no DEBUG=True live here: `dev` and `test` set their own, `production` refuses to
start without a secret key.
"""

import datetime as dt
import os
from pathlib import Path

import environ

from .api import (  # the API for systems
    OAUTH2_PROVIDER as OAUTH2_PROVIDER,
    OAUTH2_PROVIDER_APPLICATION_MODEL as OAUTH2_PROVIDER_APPLICATION_MODEL,
    REST_FRAMEWORK as REST_FRAMEWORK,
    SCHAKEL_API_VERSION as SCHAKEL_API_VERSION,
    SCHAKEL_ATTENDANCE_API_MAX_BYTES as SCHAKEL_ATTENDANCE_API_MAX_BYTES,
    SCHAKEL_EDEXML_MAX_BYTES as SCHAKEL_EDEXML_MAX_BYTES,
    SPECTACULAR_SETTINGS as SPECTACULAR_SETTINGS,
)
from .database import database_config
from .oidc import authentication_backends, oidc_settings

SRC_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = SRC_DIR.parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = False
SECRET_KEY = env.str("SECRET_KEY", default="")
ALLOWED_HOSTS: list[str] = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "oauth2_provider",
    "schakel.http",
    "schakel.accounts",
    "schakel.organisations",
    "schakel.teams",
    "schakel.children",
    "schakel.schoolcalendar",
    "schakel.signals",
    "schakel.matching",
    "schakel.cases",
    "schakel.handover",
    "schakel.meetings",
    "schakel.notes",
    "schakel.attachments",
    "schakel.meldcode",
    "schakel.dialogue",
    "schakel.prevention",
    "schakel.attendance",
    "schakel.teamdevelopment",
    "schakel.absencereports",
    "schakel.schoolprofile",
    "schakel.triage",
    "schakel.patterns",
    "schakel.chronology",
    "schakel.consent",
    "schakel.retention",
    "schakel.access",
    "schakel.audit",
    "schakel.notifications",
    "schakel.glossary",
    "schakel.jobs",
    "schakel.backups",
    "schakel.observability",
    "schakel.portal",
    "schakel.web",
    "schakel.api",
]

MIDDLEWARE = [
    # First: the request id, one JSON log line and the metrics of every request, whatever
    # answers it (docs/production.md "Observability").
    "schakel.observability.middleware.RequestObservabilityMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Inactivity and absolute session timeouts (ASVS 7.3.1/7.3.2).
    "schakel.accounts.middleware.SessionTimeoutMiddleware",
    # Every page except sign-in, enrolment, health checks and static files needs a session
    # verified with the second factor; `@login_required` alone is not enough.
    "schakel.accounts.middleware.SecondFactorRequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # The API's responses carry `API-Version` (NL GOV API Design Rules).
    "schakel.api.middleware.ApiVersionMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "schakel.web.middleware.NoStoreForAuthenticatedMiddleware",
    # With DEBUG on too (`make run`), refusals and errors show the application's own pages;
    # below the middleware that add headers, so that these pages get them as well.
    "schakel.web.middleware.ErrorPagesInDebugMiddleware",
    # The reads a request logs are written together when the view has answered.
    "schakel.audit.middleware.ReadsTogetherMiddleware",
    # A view that cannot reach the database answers 503 with Retry-After (below the above, so
    # that its `process_exception` comes first).
    "schakel.web.middleware.DatabaseUnavailableMiddleware",
    # Last, as django-axes asks: turns a lock-out into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "schakel.urls"
WSGI_APPLICATION = "schakel.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SRC_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "schakel.accounts.context_processors.second_factor",
                "schakel.web.context_processors.navigation",
            ],
            # `|abbreviations` explains known abbreviations in any text a user wrote.
            "builtins": ["schakel.glossary.templatetags.glossary"],
        },
    },
]


DATABASES = {"default": database_config(VAR_DIR)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "web:dashboard"
LOGOUT_REDIRECT_URL = "accounts:login"

# --- sign-in security (DESIGN §4, REFERENCE "Access logging (NEN 7513) and security") -------
# django-axes must come first: it refuses a locked-out username + IP before any password check.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Brute-force protection (ASVS 6.3.1): 5 failures of password or second factor lock the
# combination of username and IP address for the cool-off period.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = dt.timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_CALLABLE = "schakel.accounts.lockout.lockout_response"
# The organisation's sign-in (OpenID Connect) is not counted; the lock it finds holds there too.
AXES_WHITELIST_CALLABLE = "schakel.accounts.lockout.organisation_sign_in"
# Failures are cleared after the second factor, not after the password alone.
AXES_RESET_ON_SUCCESS = False
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "password", "code"]

# Second factor (ASVS 6.3.3): TOTP apps, plus single-use recovery codes.
OTP_TOTP_ISSUER = env.str("OTP_TOTP_ISSUER", default="Schakel")
SCHAKEL_RECOVERY_CODE_COUNT = 10
# The views a session without a verified second factor may reach (URL names).
SCHAKEL_PUBLIC_URL_NAMES = frozenset({
    "accounts:login", "accounts:logout", "accounts:verify", "accounts:enrol",
    "accounts:oidc_start", "accounts:oidc_callback", "web:healthz", "web:readyz",
    "observability:metrics", "set_language",
})

# Sessions: the session rows carry the user id, so that deactivating a user ends their sessions
# (ASVS 7.4.2). Inactivity and absolute timeouts in seconds (ASVS 7.3.1/7.3.2).
SESSION_ENGINE = "schakel.accounts.sessions"
SCHAKEL_SESSION_IDLE_TIMEOUT = env.int("SESSION_IDLE_TIMEOUT", default=30 * 60)
SCHAKEL_SESSION_ABSOLUTE_TIMEOUT = env.int("SESSION_ABSOLUTE_TIMEOUT", default=8 * 60 * 60)

# OpenID Connect for organisations: enabled only when configured through the environment.
_OIDC = oidc_settings(os.environ)
vars().update(_OIDC)
SCHAKEL_OIDC_ENABLED: bool = _OIDC["SCHAKEL_OIDC_ENABLED"]
SCHAKEL_OIDC_PROVIDES_SECOND_FACTOR: bool = _OIDC["SCHAKEL_OIDC_PROVIDES_SECOND_FACTOR"]
AUTHENTICATION_BACKENDS = authentication_backends(
    AUTHENTICATION_BACKENDS, oidc_enabled=SCHAKEL_OIDC_ENABLED)

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [SRC_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# Where `manage.py collectstatic` puts the files that WhiteNoise serves in production.
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(VAR_DIR / "static")))
STATICFILES_DIRS = [SRC_DIR / "static"]
# The files of the npm packages (package-lock.json) that the pages link, as `vendor/<path>`
# (`schakel.web.staticfiles.VendorFilesFinder`); nothing else of node_modules is collected.
SCHAKEL_NODE_MODULES = BASE_DIR / "node_modules"
SCHAKEL_VENDOR_FILES = [
    "@utrecht/design-tokens/dist/index.css",
    "@utrecht/component-library-css/dist/index.css",
    "htmx.org/dist/htmx.min.js",
]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    "schakel.web.staticfiles.VendorFilesFinder",
]
# Attachments of cases and notes (docs/attachments.md): a local folder by default; S3-compatible
# object storage through django-storages when SCHAKEL_ATTACHMENTS_S3_BUCKET is set (with the
# usual AWS_* variables of boto3 for the endpoint and the keys).
_ATTACHMENTS_BUCKET = env.str("SCHAKEL_ATTACHMENTS_S3_BUCKET", default="")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
    "attachments": {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": _ATTACHMENTS_BUCKET,
            "endpoint_url": env.str("SCHAKEL_ATTACHMENTS_S3_ENDPOINT_URL", default="") or None,
            "region_name": env.str("AWS_S3_REGION_NAME", default="") or None,
            "location": env.str("SCHAKEL_ATTACHMENTS_S3_PREFIX", default="attachments"),
            "default_acl": "private", "querystring_auth": True, "file_overwrite": False,
        },
    } if _ATTACHMENTS_BUCKET else {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": env.str("SCHAKEL_ATTACHMENTS_ROOT",
                                        default=str(VAR_DIR / "attachments")),
                    "base_url": None},
    },
}

# Caches (docs/production.md "More than one machine"). "default" holds what every web process
# must share, such as the API's rate limit per client: `CACHE_URL`, e.g.
# `dbcache://schakel_cache` (the table of `jobs.CacheEntry`, production's default) or
# `redis://127.0.0.1:6379/0`; one process's memory in development and tests. "local" is each
# process's own memory, for read-through copies that may be a few minutes old (the glossary).
CACHES = {
    "default": env.cache_url("CACHE_URL", default="locmemcache://"),
    "local": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
              "LOCATION": "schakel-local"},
}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = SCHAKEL_SESSION_ABSOLUTE_TIMEOUT
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
CSRF_COOKIE_SAMESITE = "Strict"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Content Security Policy (ASVS 3.4.3): only our own scripts, styles and images; no inline
# script, no eval (htmx runs with allowEval=false, see base.html), no framing.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Schakel <noreply@schakel.localhost>")
# Where the links in e-mails point (scheme and host, no path): a mail names no child, only
# that something waits, and links to the notifications page.
SCHAKEL_SITE_URL = env.str("SCHAKEL_SITE_URL", default="http://127.0.0.1:8000")

# Background jobs (docs/jobs.md): the tasks API of Django 6 through the `django-tasks` backport,
# stored in this database and run by `manage.py db_worker`. Queues: "default" (the scheduled
# maintenance: retention, audit chain) and "email".
# A job RUNNING for longer than this lost its worker (killed, its machine gone): the
# scheduler (`jobs_schedule`) gives it back to the queue, up to this many attempts in all, then
# marks it failed (docs/jobs.md). Longer than the longest job (the retention run, an import).
SCHAKEL_JOBS_STALE_AFTER_MINUTES = env.int("SCHAKEL_JOBS_STALE_AFTER_MINUTES", default=60)
SCHAKEL_JOBS_MAX_ATTEMPTS = env.int("SCHAKEL_JOBS_MAX_ATTEMPTS", default=3)
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default", "email"],
    },
}
# The daily sweep e-mails notifications that are still not e-mailed up to this many days old.
SCHAKEL_NOTIFICATION_EMAIL_MAX_AGE_DAYS = env.int(
    "SCHAKEL_NOTIFICATION_EMAIL_MAX_AGE_DAYS", default=3)

# Health indicators and other domain thresholds that a region may tune.
SCHAKEL_EVALUATION_WEEKS = env.int("SCHAKEL_EVALUATION_WEEKS", default=6)
SCHAKEL_MANY_PROFESSIONALS = env.int("SCHAKEL_MANY_PROFESSIONALS", default=5)
# An MDO warns when professionals outnumber the family by more than this many to one
# ("het moet geen groot comité worden", seed 000).
SCHAKEL_MDO_MAX_RATIO = env.int("SCHAKEL_MDO_MAX_RATIO", default=2)
SCHAKEL_PAGE_SIZE = env.int("SCHAKEL_PAGE_SIZE", default=25)
# Where `manage.py backup_create` writes by default (docs/backups.md).
SCHAKEL_BACKUP_DIR = env.str("SCHAKEL_BACKUP_DIR", default=str(VAR_DIR / "backups"))
# The triage inbox flags a new signal untouched for this many school days (docs/triage.md).
SCHAKEL_TRIAGE_UNTOUCHED_SCHOOL_DAYS = env.int("SCHAKEL_TRIAGE_UNTOUCHED_SCHOOL_DAYS", default=5)
# Rode draad (docs/patterns.md): this many signals of one theme in one class, or in one school,
# within this many weeks become a proposed agenda item of the school's kernteam.
SCHAKEL_PATTERN_CLASS_THRESHOLD = env.int("SCHAKEL_PATTERN_CLASS_THRESHOLD", default=3)
SCHAKEL_PATTERN_SCHOOL_THRESHOLD = env.int("SCHAKEL_PATTERN_SCHOOL_THRESHOLD", default=5)
SCHAKEL_PATTERN_WINDOW_WEEKS = env.int("SCHAKEL_PATTERN_WINDOW_WEEKS", default=8)
# Where the guardians must consent: "any" guardian with custody suffices, or "all" of them
# (see `access.policy.consenters`).
SCHAKEL_CONSENT_CUSTODY_RULE = env.str("SCHAKEL_CONSENT_CUSTODY_RULE", default="any")

# Logs to stderr: plain text, or one JSON object per line (`LOG_FORMAT=json`, the default in
# production), each with the request id. `schakel.request` writes one line per request (ids,
# route name, status, duration; never a name or a text: docs/production.md "Observability").
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "schakel.observability.logs.RequestIdFilter"}},
    "formatters": {
        "text": {"format": "%(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {"()": "schakel.observability.logs.JsonFormatter"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["request_id"],
                             "formatter": env.str("LOG_FORMAT", default="text")}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
    "loggers": {"schakel.request": {"level": env.str("REQUEST_LOG_LEVEL", default="INFO")}},
}

# Prometheus metrics at /metrics for the scraper that sends this bearer token; without it the
# endpoint does not exist (404).
SCHAKEL_METRICS_TOKEN = env.str("SCHAKEL_METRICS_TOKEN", default="")

# The access log's anchors (chain head after each verification), appended outside the database
# (docs/security.md); in production on storage the database role cannot reach.
SCHAKEL_AUDIT_ANCHOR_FILE = env.str("SCHAKEL_AUDIT_ANCHOR_FILE",
                                    default=str(VAR_DIR / "audit-anchors.log"))

# Emergency access ("break the glass", docs/access-log.md): how long a claimed access opens a
# case's content.
SCHAKEL_EMERGENCY_ACCESS_HOURS = env.int("SCHAKEL_EMERGENCY_ACCESS_HOURS", default=24)
# The privacy officer's dashboard of unusual access (docs/access-log.md): office hours in the
# local time zone (TIME_ZONE), weekdays only; how many different children one user may open
# within one clock hour before it is shown; how many days back the dashboard looks.
SCHAKEL_AUDIT_OFFICE_HOURS = (env.int("SCHAKEL_AUDIT_OFFICE_HOURS_START", default=7),
                              env.int("SCHAKEL_AUDIT_OFFICE_HOURS_END", default=19))
SCHAKEL_AUDIT_MANY_CHILDREN = env.int("SCHAKEL_AUDIT_MANY_CHILDREN", default=15)
SCHAKEL_AUDIT_DASHBOARD_DAYS = env.int("SCHAKEL_AUDIT_DASHBOARD_DAYS", default=30)

# School attendance (docs/attendance.md): uploaded export files wait here for the import job
# (a folder the web and worker processes share); the absence records are kept as Parquet,
# partitioned by school and school week, under the Parquet root for the engine.
SCHAKEL_ATTENDANCE_UPLOAD_ROOT = env.str("SCHAKEL_ATTENDANCE_UPLOAD_ROOT",
                                         default=str(VAR_DIR / "attendance" / "uploads"))
SCHAKEL_ATTENDANCE_PARQUET_ROOT = env.str("SCHAKEL_ATTENDANCE_PARQUET_ROOT",
                                          default=str(VAR_DIR / "attendance" / "records"))

# Attachments (docs/attachments.md): the largest file accepted, and the ClamAV daemon that
# scans every file before it is stored (its UNIX socket; Debian's clamav-daemon listens on
# /run/clamav/clamd.ctl, `make run` starts a local one on the default below).
SCHAKEL_ATTACHMENT_MAX_BYTES = env.int("SCHAKEL_ATTACHMENT_MAX_BYTES", default=20 * 1024 * 1024)
SCHAKEL_CLAMD_SOCKET = env.str("SCHAKEL_CLAMD_SOCKET",
                               default=str(VAR_DIR / "clamd" / "clamd.sock"))
SCHAKEL_CLAMD_TIMEOUT = env.float("SCHAKEL_CLAMD_TIMEOUT", default=60.0)
