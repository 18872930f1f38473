from __future__ import annotations

import pytest

from tests.portal.fixtures import PortalWorld, build_portal_world


@pytest.fixture
def pw(db: None) -> PortalWorld:
    return build_portal_world()
