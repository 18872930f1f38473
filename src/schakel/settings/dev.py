"""Local development and the demo (`make run`)."""

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, VAR_DIR, env

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env.str("SECRET_KEY", default="dev-only-not-secret-schakel-demo-key-0123456789abcdef")
EMAIL_CONFIG = env.email_url("EMAIL_URL", default=f"filemail://{VAR_DIR / 'mail'}")
vars().update(EMAIL_CONFIG)

# The demo world, its sign-in helpers and `generate_region`: development and tests only.
INSTALLED_APPS = [*INSTALLED_APPS, "schakel.demo"]
