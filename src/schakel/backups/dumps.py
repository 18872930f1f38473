"""Backing up and restoring the database: SQLite through its online backup API (a
consistent copy while the application runs), PostgreSQL through `pg_dump` in its custom
format and `pg_restore`. Each backup has a manifest beside it (`<name>.json`) with the
database vendor, the time and the access log's chain head at that moment, so that a
restore can say whether the log came back whole (docs/backups.md)."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import subprocess
from dataclasses import asdict, dataclass
from pathlib import Path

from django.db import connections

from schakel.audit.models import AccessEvent


class BackupError(Exception):
    """A backup or restore that could not be done; its message says why."""


@dataclass(frozen=True)
class Manifest:
    vendor: str
    created_at: str
    database_file: str
    log_rows: int
    log_head_id: int | None
    log_head_hash: str


def _log_head(using: str) -> tuple[int, int | None, str]:
    rows = AccessEvent.objects.using(using).count()
    head = (AccessEvent.objects.using(using).order_by("-id")
            .values_list("id", "row_hash").first())
    return rows, (head[0] if head else None), (head[1] if head else "")


def _pg_environment(using: str) -> dict[str, str]:
    settings = connections[using].settings_dict
    environment = dict(os.environ)
    for variable, key in (("PGHOST", "HOST"), ("PGPORT", "PORT"), ("PGUSER", "USER"),
                          ("PGPASSWORD", "PASSWORD"), ("PGDATABASE", "NAME")):
        if settings.get(key):
            environment[variable] = str(settings[key])
    return environment


def _run(command: list[str], environment: dict[str, str]) -> None:
    try:
        result = subprocess.run(  # noqa: S603 - pg_dump/pg_restore, arguments of our own
            command, env=environment, capture_output=True, text=True, check=False)
    except FileNotFoundError as exc:
        raise BackupError(f"{command[0]} is not installed (Debian: postgresql-client).") from exc
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def backup_create(*, directory: Path, using: str = "default",
                  now: dt.datetime | None = None) -> Path:
    """Write a backup of the database into `directory`; returns the backup file."""
    connection = connections[using]
    moment = (now or dt.datetime.now(dt.UTC)).strftime("%Y%m%dT%H%M%SZ")
    directory.mkdir(parents=True, exist_ok=True)
    rows, head_id, head_hash = _log_head(using)
    if connection.vendor == "sqlite":
        target = directory / f"schakel-{moment}.sqlite3"
        connection.ensure_connection()
        source = connection.connection
        with sqlite3.connect(target) as copy:
            source.backup(copy)
        copy.close()
    elif connection.vendor == "postgresql":
        target = directory / f"schakel-{moment}.dump"
        _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges",
              f"--file={target}"], _pg_environment(using))
    else:
        raise BackupError(f"Backups are made of SQLite and PostgreSQL, not {connection.vendor}.")
    manifest = Manifest(vendor=connection.vendor, created_at=moment, database_file=target.name,
                        log_rows=rows, log_head_id=head_id, log_head_hash=head_hash)
    target.with_suffix(".json").write_text(json.dumps(asdict(manifest), indent=2) + "\n",
                                           encoding="utf-8")
    return target


def manifest_read(backup: Path) -> Manifest:
    path = backup.with_suffix(".json")
    if not path.exists():
        raise BackupError(f"The manifest {path.name} is missing beside the backup.")
    return Manifest(**json.loads(path.read_text(encoding="utf-8")))


def backup_restore(*, backup: Path, using: str = "default") -> Manifest:
    """Restore `backup` into the database `using` (an empty or a damaged one): what it held
    is replaced. Returns the manifest; `restored_log_matches` compares the log with it."""
    if not backup.exists():
        raise BackupError(f"There is no backup at {backup}.")
    manifest = manifest_read(backup)
    connection = connections[using]
    if manifest.vendor != connection.vendor:
        raise BackupError(f"This is a {manifest.vendor} backup; the database is "
                          f"{connection.vendor}.")
    if connection.vendor == "sqlite":
        connection.close()
        with sqlite3.connect(backup) as source, sqlite3.connect(
                str(connection.settings_dict["NAME"])) as target:
            source.backup(target)
        source.close()
        target.close()
    else:
        _run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges",
              "--single-transaction", f"--dbname={connection.settings_dict['NAME']}",
              str(backup)], _pg_environment(using))
        connection.close()
    return manifest


def restored_log_matches(manifest: Manifest, *, using: str = "default") -> bool:
    """The restored access log holds the rows and the chain head of the backup's moment."""
    rows, head_id, head_hash = _log_head(using)
    return (rows, head_id, head_hash) == (
        manifest.log_rows, manifest.log_head_id, manifest.log_head_hash)
