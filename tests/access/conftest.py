"""The world of the role x URL matrix, built once per test module."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_django import DjangoDbBlocker

from tests.access.matrix_valid_post import world_state
from tests.access.matrix_world import MatrixWorld, build_matrix_world
from tests.support import test_transaction


@pytest.fixture(scope="module")
def matrix_world(
    django_db_setup: None, django_db_blocker: DjangoDbBlocker, clamd: Path,
) -> Iterator[MatrixWorld]:
    """One world for the whole module, in a transaction rolled back at its end; each test
    runs in a savepoint of its own inside it (the `db` fixture), so every test starts from
    the world as built (its `baseline`). Attachments are scanned by the tests' clamd."""
    with django_db_blocker.unblock(), test_transaction():
        world = build_matrix_world()
        world.baseline = world_state()
        yield world
