from __future__ import annotations

import pytest

from tests.web.fixtures import WebWorld, build_world


@pytest.fixture
def w(db: None) -> WebWorld:
    return build_world()
