from __future__ import annotations

import pytest

from tests.prevention.helpers import People, make_people


@pytest.fixture
def people(db: None) -> People:
    return make_people()
