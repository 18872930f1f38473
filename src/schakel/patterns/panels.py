"""What the rode draad adds to lower apps, discovered by `web` at start-up: its agenda source
(registered with meetings on import)."""

from __future__ import annotations

from schakel.patterns import agenda as agenda

__all__ = ["agenda"]
