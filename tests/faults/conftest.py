"""The fault tests (issue 11, item 7): real processes, each with a database of its own.

Where a test needs a migrated database it copies the suite's test database (SQLite's backup
API; on PostgreSQL `CREATE DATABASE ... TEMPLATE`), since a fresh `migrate` costs more than
the rest of the test. The outage test starts a PostgreSQL cluster of its own on both runs."""

from __future__ import annotations

import fcntl
import os
import sqlite3
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from django.db import connection
from psycopg import sql

from tests.faults.production import environment, manage
from tests.jobs.conftest import anchor_file, database_task_backend, processes

__all__ = ["anchor_file", "database_task_backend", "processes"]


@pytest.fixture(scope="session")
def static_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`collectstatic` with the production settings, once for all the fault tests (the
    pytest-xdist workers share the folder, under a lock)."""
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    static = shared / "fault-static"
    with (shared / "fault-static.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (static / "staticfiles.json").exists():
            manage(["collectstatic", "--noinput", "-v", "0"], environment(
                shared, sqlite_path=str(shared / "unused.sqlite3"), static_root=static))
    return static


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory: pytest.TempPathFactory,
                    django_db_setup: None) -> Path:
    """A migrated SQLite database to copy: the suite's own on the SQLite run; on the
    PostgreSQL run one migrated here, once for all the fault tests (shared, under a lock)."""
    if connection.vendor == "sqlite":
        return Path(str(connection.settings_dict["NAME"]))
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    database = shared / "fault-migrated.sqlite3"
    with (shared / "fault-migrated.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (shared / "fault-migrated.done").exists():
            manage(["migrate", "--noinput", "-v", "0"], environment(
                shared, sqlite_path=str(database), static_root=shared / "unused-static"))
            (shared / "fault-migrated.done").touch()
    return database


def sqlite_copy(source_path: Path, destination: Path) -> None:
    """A migrated SQLite database, copied with the online backup API."""
    source = sqlite3.connect(str(source_path))
    target = sqlite3.connect(str(destination))
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()


def _suite_server(database: str) -> str:
    config = connection.settings_dict
    user, host, port = config.get("USER") or "postgres", config.get("HOST") or "127.0.0.1", (
        config.get("PORT") or 5432)
    auth = f"{user}:{config['PASSWORD']}" if config.get("PASSWORD") else user
    return f"postgres://{auth}@{host}:{port}/{database}"


@dataclass
class Database:
    vendor: str
    env: dict[str, str]
    sqlite_path: Path | None


@pytest.fixture
def production_database(tmp_path: Path, static_root: Path) -> Iterator[Database]:
    """A copy of the suite's test database on the suite's own vendor (SQLite on the SQLite
    run, PostgreSQL on the PostgreSQL run), in the production environment."""
    if connection.vendor == "sqlite":
        path = tmp_path / "schakel.sqlite3"
        sqlite_copy(Path(str(connection.settings_dict["NAME"])), path)
        yield Database("sqlite", environment(tmp_path, sqlite_path=str(path),
                                             static_root=static_root), path)
        return
    template = str(connection.settings_dict["NAME"])
    name = f"schakel_fault_{uuid.uuid4().hex[:10]}"
    connection.close()  # a template database must have no other sessions
    with psycopg.connect(_suite_server("postgres"), autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
            sql.Identifier(name), sql.Identifier(template)))
    try:
        yield Database("postgresql", environment(
            tmp_path, database_url=_suite_server(name), static_root=static_root), None)
    finally:
        with psycopg.connect(_suite_server("postgres"), autocommit=True) as admin:
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(name)))


def outage_seconds() -> float:
    """How long the outage test keeps the database away (issue 11: 30 s)."""
    return float(os.environ.get("SCHAKEL_FAULT_OUTAGE_SECONDS", "30"))
