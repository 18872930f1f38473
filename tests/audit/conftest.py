from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def anchor_file(settings, tmp_path: Path) -> Path:
    """A file of the access log's anchors for this test alone."""
    settings.SCHAKEL_AUDIT_ANCHOR_FILE = str(tmp_path / "anchors.log")
    return tmp_path / "anchors.log"
