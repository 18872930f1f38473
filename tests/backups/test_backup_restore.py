"""A backup restores into a fresh database (issue 11, item 8), end to end with the commands an
operator runs, each its own process: migrate and load the demo world, anchor the access log,
`backup_create`, destroy the database, `backup_restore` into a fresh one, `audit_verify`
(chain intact, the anchor matching) and a case page served from the restored database. On
SQLite always; on PostgreSQL too when the suite runs on it (`pg_dump`/`pg_restore` into a
throwaway database of the same server)."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.db import connection

from schakel.backups.dumps import Manifest, manifest_read
from schakel.demo.stories.primary import BAS_CASE_TITLE

ROOT = Path(settings.BASE_DIR)

PAGE_SCRIPT = f"""
from django.test import Client
from schakel.cases.models import Case
from schakel.organisations.models import Professional
from tests.support import sign_in
case = Case.objects.get(title={BAS_CASE_TITLE!r})
nurse = Professional.objects.get(user__username="jvk.demo")
response = sign_in(Client(), nurse.user).get(f"/casussen/{{case.pk}}/")
print("STATUS", response.status_code, case.title in response.content.decode())
"""


def _vendors() -> list[str]:
    """SQLite always; PostgreSQL as well on a run against PostgreSQL."""
    return ["sqlite"] + (["postgresql"] if connection.vendor == "postgresql" else [])


def _pg_url(name: str) -> str:
    config = settings.DATABASES["default"]
    user, host, port = config.get("USER") or "postgres", config.get("HOST") or "127.0.0.1", (
        config.get("PORT") or 5432)
    password = config.get("PASSWORD")
    auth = f"{user}:{password}" if password else user
    return f"postgres://{auth}@{host}:{port}/{name}"


def _pg_admin(sql: str) -> None:
    """CREATE and DROP DATABASE run outside a transaction, on the server's own database."""
    with psycopg.connect(_pg_url("postgres"), autocommit=True) as admin:
        admin.execute(sql)  # the name is ours, quoted


@pytest.fixture
def environment(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[dict[str, str]]:
    vendor = request.param
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env.update({
        "DJANGO_SETTINGS_MODULE": "schakel.settings.dev", "ALLOWED_HOSTS": "testserver",
        "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)]),
        "SCHAKEL_AUDIT_ANCHOR_FILE": str(tmp_path / "anchors.log"),
        "SCHAKEL_ATTACHMENTS_ROOT": str(tmp_path / "attachments"),
        "SCHAKEL_ATTENDANCE_PARQUET_ROOT": str(tmp_path / "records"),
    })
    name = ""
    if vendor == "sqlite":
        env["SQLITE_PATH"] = str(tmp_path / "schakel.sqlite3")
    else:
        name = f"schakel_backup_{uuid.uuid4().hex[:10]}"
        _pg_admin(f'CREATE DATABASE "{name}"')
        env["DATABASE_URL"] = _pg_url(name)
    yield env
    if name:
        _pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(  # noqa: S603 - our interpreter, fixed arguments
        [sys.executable, str(ROOT / "manage.py"), *args], env=env, cwd=ROOT,
        capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, f"{args}: {result.stdout}\n{result.stderr}"
    return result.stdout


def _destroy(env: dict[str, str]) -> None:
    if "SQLITE_PATH" in env:
        for suffix in ("", "-wal", "-shm"):
            Path(env["SQLITE_PATH"] + suffix).unlink(missing_ok=True)
        return
    name = env["DATABASE_URL"].rsplit("/", 1)[1]
    _pg_admin(f'DROP DATABASE "{name}" WITH (FORCE)')
    _pg_admin(f'CREATE DATABASE "{name}"')


@pytest.mark.parametrize("environment", _vendors(), indirect=True)
def test_backup_destroy_restore_verify_and_serve(environment: dict[str, str],
                                                 tmp_path: Path) -> None:
    env = environment
    _manage(env, "migrate", "--noinput", "-v0")
    _manage(env, "demo_load")
    assert "Access log intact" in _manage(env, "audit_verify", "--anchor")
    out = _manage(env, "backup_create", "--to", str(tmp_path / "backups"))
    [backup] = [p for p in (tmp_path / "backups").iterdir() if p.suffix != ".json"]
    assert str(backup) in out
    manifest: Manifest = manifest_read(backup)
    assert manifest.log_rows > 0
    assert manifest.log_head_hash

    _destroy(env)
    restored = _manage(env, "backup_restore", str(backup), "--yes")
    assert f"{manifest.log_rows} access-log rows" in restored
    verified = _manage(env, "audit_verify")
    assert "Access log intact" in verified
    assert "checked against the anchor" in verified
    assert "STATUS 200 True" in _manage(env, "shell", "-c", PAGE_SCRIPT)


def test_a_restore_without_confirmation_or_of_a_missing_file_changes_nothing(
        tmp_path: Path) -> None:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "schakel.settings.test",
           "SQLITE_PATH": str(tmp_path / "db.sqlite3"),
           "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)])}
    env.pop("DATABASE_URL", None)
    for args, message in (
            ([str(tmp_path / "missing.sqlite3")], "add --yes"),
            ([str(tmp_path / "missing.sqlite3"), "--yes"], "There is no backup at")):
        result = subprocess.run(  # noqa: S603 - our interpreter, fixed arguments
            [sys.executable, str(ROOT / "manage.py"), "backup_restore", *args], env=env,
            cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
        assert result.returncode != 0
        assert message in result.stderr
    database = tmp_path / "db.sqlite3"
    assert not database.exists() or database.stat().st_size == 0
