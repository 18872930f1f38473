from __future__ import annotations

import pytest

from tests.retention.fixtures import RetentionWorld, build_world


@pytest.fixture
def rw(db: None) -> RetentionWorld:
    return build_world()
