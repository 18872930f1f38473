"""The database, read by `base`: `DATABASE_URL` (PostgreSQL in production), or the embedded
SQLite default under var/."""

from __future__ import annotations

from pathlib import Path

import environ

env = environ.Env()


def database_config(var_dir: Path) -> dict[str, object]:
    url = env.str("DATABASE_URL", default="")
    if url:
        config: dict[str, object] = env.db_url_config(url)
        config.setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
        config["CONN_HEALTH_CHECKS"] = True
        if str(config.get("ENGINE", "")).endswith("postgresql") and env.bool(
                "DATABASE_PREPARED_STATEMENTS", default=True):
            # PostgreSQL: bind parameters on the server and prepare a statement the second
            # time a connection runs it, so that the pages' many-table queries are planned
            # once per connection rather than on every request (their planning took longer
            # than their execution). Off behind a pooler in transaction mode that cannot keep
            # prepared statements (PgBouncer before 1.21).
            options = dict(config.get("OPTIONS") or {})  # type: ignore[call-overload]
            options.update(server_side_binding=True, prepare_threshold=2)
            config["OPTIONS"] = options
        return config
    var_dir.mkdir(exist_ok=True)
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": env.str("SQLITE_PATH", default=str(var_dir / "schakel.sqlite3")),
        # The test database is a file too (pytest-xdist adds each worker's suffix), so that
        # the worker processes that `tests/jobs` start can open it.
        "TEST": {"NAME": str(var_dir / "test.sqlite3")},
        "OPTIONS": {
            # WAL lets readers and one writer work side by side; IMMEDIATE avoids lock upgrades.
            "init_command": (
                "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL;"
                "PRAGMA foreign_keys=ON;PRAGMA busy_timeout=5000;"
            ),
            "transaction_mode": "IMMEDIATE",
        },
    }
