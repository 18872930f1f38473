from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.jobs.processes import Processes


@pytest.fixture(autouse=True)
def database_task_backend(settings: Any) -> None:
    """The jobs tests use the task backend of production: tasks are rows in the database, run
    by a worker (the other apps' tests run a task at once, see `settings.test`)."""
    settings.TASKS = {"default": {**settings.TASKS["default"],
                                  "BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def processes(tmp_path: Path) -> Processes:
    return Processes(tmp_path)


@pytest.fixture(autouse=True)
def anchor_file(settings, tmp_path: Path) -> Path:
    """A file of the access log's anchors for this test alone."""
    settings.SCHAKEL_AUDIT_ANCHOR_FILE = str(tmp_path / "anchors.log")
    return tmp_path / "anchors.log"
