"""Security headers on every response (ASVS 3.4.3, 14.3.2) and a clean `check --deploy`."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

from schakel.organisations.models import Professional
from tests.factories import ProfessionalFactory
from tests.support import sign_in

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def professional(db: None) -> Professional:
    return ProfessionalFactory()


def _csp(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.strip() for part in header.split(";") if part.strip()}


@pytest.mark.parametrize("path", ["/account/inloggen/", "/healthz"])
def test_headers_on_public_pages(client: Client, db: None, path: str):
    response = client.get(path)
    csp = _csp(response)
    assert csp["default-src"] == "default-src 'self'"
    assert csp["script-src"] == "script-src 'self'"
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert csp["frame-ancestors"] == "frame-ancestors 'none'"
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_headers_and_no_store_on_signed_in_pages(client: Client, professional: Professional):
    sign_in(client, professional.user)
    response = client.get("/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"


def test_pages_carry_no_inline_script_and_htmx_runs_without_eval(
    client: Client, professional: Professional,
):
    sign_in(client, professional.user)
    html = client.get("/").content.decode()
    assert '"allowEval":false' in html
    for chunk in html.split("<script")[1:]:
        assert chunk.lstrip().startswith("src=") or " src=" in chunk.split(">")[0]
    assert " onclick=" not in html


def _run_manage(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items()
             if not k.startswith(("DJANGO_", "SECRET_KEY", "DATABASE_URL", "OIDC_"))}
    return subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, str(ROOT / "manage.py"), *args], cwd=ROOT, env={**clean, **env},
        capture_output=True, text=True, timeout=120, check=False,
    )


def test_production_settings_pass_check_deploy(tmp_path: Path):
    result = _run_manage(["check", "--deploy", "--fail-level", "WARNING"], {
        "DJANGO_SETTINGS_MODULE": "schakel.settings.production",
        "SECRET_KEY": "x7#Kq2!vL9@pR4$wZ1^mN8&bT5*cY3(hJ6)fD0_gS2+aE7-uQ9=iO4~oW1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'check.sqlite3'}",
    })
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("secret", ["", "too-short"])
def test_production_refuses_to_start_without_a_secret_key(tmp_path: Path, secret: str):
    result = _run_manage(["check"], {
        "DJANGO_SETTINGS_MODULE": "schakel.settings.production",
        "SECRET_KEY": secret,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'check.sqlite3'}",
    })
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_half_configured_openid_connect(tmp_path: Path):
    result = _run_manage(["check"], {
        "DJANGO_SETTINGS_MODULE": "schakel.settings.production",
        "SECRET_KEY": "x7#Kq2!vL9@pR4$wZ1^mN8&bT5*cY3(hJ6)fD0_gS2+aE7-uQ9=iO4~oW1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'check.sqlite3'}",
        "OIDC_RP_CLIENT_ID": "schakel",
    })
    assert result.returncode != 0
    assert "OpenID Connect is partly configured" in result.stderr


def test_production_sets_hsts_for_a_year_and_secure_cookies(tmp_path: Path):
    result = _run_manage(["shell", "-v", "0", "-c", (
        "from django.conf import settings as s; print(s.SECURE_HSTS_SECONDS, "
        "s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
        "s.SECURE_SSL_REDIRECT, s.DEBUG)")], {
        "DJANGO_SETTINGS_MODULE": "schakel.settings.production",
        "SECRET_KEY": "x7#Kq2!vL9@pR4$wZ1^mN8&bT5*cY3(hJ6)fD0_gS2+aE7-uQ9=iO4~oW1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'check.sqlite3'}",
    })
    assert result.stdout.split() == ["31536000", "True", "True", "True", "True", "False"], (
        result.stderr)


def test_hsts_header_over_https(client: Client, db: None, settings):
    settings.SECURE_HSTS_SECONDS = 31_536_000
    response = client.get("/healthz", secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


def _templates() -> list[Path]:
    return sorted((ROOT / "src" / "schakel").rglob("templates/**/*.html"))


def test_no_template_needs_unsafe_inline_or_eval():
    """The CSP allows no inline script or style and htmx runs without eval: no template may
    carry `<script>` without src, `<style>`, `style=` attributes, `on*=` handlers or `hx-on`."""
    assert _templates()
    forbidden = [
        ("inline script", re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)),
        ("style element", re.compile(r"<style\b", re.IGNORECASE)),
        ("style attribute", re.compile(r"\sstyle\s*=", re.IGNORECASE)),
        ("event handler", re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)),
        ("hx-on", re.compile(r"\shx-on", re.IGNORECASE)),
        ("javascript: URL", re.compile(r"javascript:", re.IGNORECASE)),
    ]
    found = [f"{path.relative_to(ROOT)}: {what}" for path in _templates()
             for what, pattern in forbidden if pattern.search(path.read_text())]
    assert found == []
