"""Production serves its static files: `collectstatic` with the production settings writes the
hashed, compressed files (WhiteNoise's manifest storage) into STATIC_ROOT, the pages link the
hashed names, and WhiteNoise serves them with far-future caching."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
SECRET = "x7#Kq2!vL9@pR4$wZ1^mN8&bT5*cY3(hJ6)fD0_gS2+aE7-uQ9=iO4~oW1"

# In a production process: the URL of each static file the base templates link, whether the
# 500 page (no database needed) links it, and what WhiteNoise answers for it over HTTPS.
SERVE = """
import json
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.test import Client
page = render_to_string("500.html")
client = Client()
result = {}
for name in NAMES:
    url = static(name)
    response = client.get(url, secure=True, headers={"Host": "localhost"})
    body = b"".join(response.streaming_content) if response.status_code == 200 else b""
    result[name] = {"url": url, "linked": url in page, "status": response.status_code,
                    "cache": response.get("Cache-Control", ""), "size": len(body)}
print(json.dumps(result))
"""
NAMES = ["css/schakel.css", *(f"vendor/{name}" for name in settings.SCHAKEL_VENDOR_FILES
                              if name.endswith(".css"))]


def _manage(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items()
             if not k.startswith(("DJANGO_", "SECRET_KEY", "DATABASE_URL", "STATIC_ROOT"))}
    return subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, str(ROOT / "manage.py"), *args], cwd=ROOT, env={**clean, **env},
        capture_output=True, text=True, timeout=180, check=False)


def test_collectstatic_then_production_serves_the_hashed_files(tmp_path: Path) -> None:
    env = {
        "DJANGO_SETTINGS_MODULE": "schakel.settings.production",
        "SECRET_KEY": SECRET,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'production.sqlite3'}",
        "STATIC_ROOT": str(tmp_path / "static"),
    }
    collected = _manage(["collectstatic", "--noinput", "-v", "0"], env)
    assert collected.returncode == 0, collected.stdout + collected.stderr
    manifest = json.loads((tmp_path / "static" / "staticfiles.json").read_text())["paths"]
    for name in [*NAMES, "vendor/htmx.org/dist/htmx.min.js", "favicon.svg"]:
        assert (tmp_path / "static" / manifest[name]).is_file(), name
    assert not any(name.startswith("vendor/") and name.endswith(".scss") for name in manifest)

    served = _manage(["shell", "-v", "0", "-c", f"NAMES = {NAMES!r}\n{SERVE}"], env)
    assert served.returncode == 0, served.stderr
    result = json.loads(served.stdout)
    for name in NAMES:
        answer = result[name]
        stem, suffix = name.rsplit(".", 1)
        assert re.fullmatch(rf"/static/{re.escape(stem)}\.[0-9a-f]{{12}}\.{suffix}",
                            answer["url"]), answer
        assert answer["linked"], answer
        assert answer["status"] == 200, answer
        assert "immutable" in answer["cache"], answer
        assert answer["size"] == (tmp_path / "static" / manifest[name]).stat().st_size
