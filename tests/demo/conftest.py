"""The demo's attachment is scanned: the tests' clamd answers for every demo load (one test
loads it with the scanner down, where the story starts its own)."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _scanner(clamd: Path) -> None:
    """Every demo test has the tests' clamd."""
