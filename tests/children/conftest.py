from __future__ import annotations

import pytest

from tests.consent.fixtures import ConsentWorld, build_world


@pytest.fixture
def cw(db: None) -> ConsentWorld:
    return build_world()
