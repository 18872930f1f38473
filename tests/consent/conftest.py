from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.utils import translation

from tests.consent.fixtures import ConsentWorld, build_world


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """The tests compare the English message ids, whatever catalogue is compiled."""
    with translation.override("en"):
        yield


@pytest.fixture
def cw(db: None) -> ConsentWorld:
    return build_world()
