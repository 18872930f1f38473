"""Marking views that a session without the second factor may reach."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

V = TypeVar("V", bound=Callable[..., object])


def second_factor_exempt(view: V) -> V:
    """For views that authenticate otherwise (for example an API with its own tokens) or that
    are part of signing in. Use sparingly: everything else needs a verified session."""
    view.second_factor_exempt = True  # type: ignore[attr-defined]
    return view
