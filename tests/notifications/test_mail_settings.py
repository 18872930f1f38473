"""Production mail settings come from the environment: SMTP from Django's own names, or all
in one EMAIL_URL; the links in e-mails point at SCHAKEL_SITE_URL."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SECRET = "x7#Kq2!vL9@pR4$wZ1^mN8&bT5*cY3(hJ6)fD0_gS2+aE7-uQ9=iO4~oW1"
PRINT = ("import json; from django.conf import settings as s; print(json.dumps({k: getattr(s, k)"
         " for k in ['EMAIL_BACKEND', 'EMAIL_HOST', 'EMAIL_PORT', 'EMAIL_HOST_USER',"
         " 'EMAIL_HOST_PASSWORD', 'EMAIL_USE_TLS', 'EMAIL_USE_SSL', 'DEFAULT_FROM_EMAIL',"
         " 'SCHAKEL_SITE_URL']}))")


def _production_settings(tmp_path: Path, **env: str) -> dict[str, object]:
    clean = {k: v for k, v in os.environ.items()
             if not k.startswith(("DJANGO_", "SECRET_KEY", "DATABASE_URL", "EMAIL_", "OIDC_",
                                  "DEFAULT_FROM", "SCHAKEL_", "ALLOWED_HOSTS"))}
    result = subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, str(ROOT / "manage.py"), "shell", "-c", PRINT], cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "schakel.settings.production",
             "SECRET_KEY": SECRET, "DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite3'}",
             **env},
        capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    values: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return values


def test_smtp_from_the_environment(tmp_path: Path):
    values = _production_settings(
        tmp_path, EMAIL_HOST="smtp.example.org", EMAIL_PORT="2525", EMAIL_HOST_USER="schakel",
        EMAIL_HOST_PASSWORD="geheim", EMAIL_USE_TLS="false", EMAIL_USE_SSL="true",
        DEFAULT_FROM_EMAIL="Schakel <meldingen@example.org>", ALLOWED_HOSTS="schakel.example.org")
    assert values == {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "smtp.example.org", "EMAIL_PORT": 2525, "EMAIL_HOST_USER": "schakel",
        "EMAIL_HOST_PASSWORD": "geheim", "EMAIL_USE_TLS": False, "EMAIL_USE_SSL": True,
        "DEFAULT_FROM_EMAIL": "Schakel <meldingen@example.org>",
        "SCHAKEL_SITE_URL": "https://schakel.example.org",
    }


def test_defaults_are_smtp_with_starttls(tmp_path: Path):
    values = _production_settings(tmp_path, SCHAKEL_SITE_URL="https://schakel.regio.nl")
    assert values["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert (values["EMAIL_PORT"], values["EMAIL_USE_TLS"]) == (587, True)
    assert values["SCHAKEL_SITE_URL"] == "https://schakel.regio.nl"


def test_email_url_still_wins(tmp_path: Path):
    values = _production_settings(tmp_path, EMAIL_URL="smtp+tls://u:p@mail.example.org:587",
                                  EMAIL_HOST="ignored.example.org")
    assert values["EMAIL_HOST"] == "mail.example.org"
    assert values["EMAIL_HOST_USER"] == "u"
