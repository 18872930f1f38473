"""What triage adds to lower apps' pages, discovered by `web` at start-up: the agenda source
"for the next kernteam meeting" (registered with meetings on import)."""

from __future__ import annotations

from schakel.triage import agenda as agenda

__all__ = ["agenda"]
