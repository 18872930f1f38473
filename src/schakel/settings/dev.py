"""Local development and the demo (`make run`)."""

from .base import *  # noqa: F403
from .base import VAR_DIR, env

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env.str("SECRET_KEY", default="dev-only-not-secret-schakel-demo-key-0123456789abcdef")
EMAIL_CONFIG = env.email_url("EMAIL_URL", default=f"filemail://{VAR_DIR / 'mail'}")
vars().update(EMAIL_CONFIG)
