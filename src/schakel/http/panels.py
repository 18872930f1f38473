"""Panels: sections that an app higher in the domain order adds to a page of a lower app.

Imports flow down (docs/architecture.md), so the page of a lower app (the child's page in
`children`, the case page in `cases`) cannot import the selectors of the apps above it
(`signals`, `portal`, `retention`). Instead it offers a `PanelSlot`; those apps register a
provider in their `panels` module (found at start-up by the web app), and the page renders
what the providers return with `{% render_panel %}`. A
provider reads through its own app's selectors, so the access policy decides and the read is
logged there; it returns None when there is nothing to show.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from schakel.access.actor import Actor

T = TypeVar("T")


@dataclass(frozen=True)
class Panel:
    template_name: str
    context: Mapping[str, object] = field(default_factory=dict)


Provider = Callable[[Actor, T], Panel | None]


class PanelSlot(Generic[T]):
    """A named place on a page; providers run in the order of their `order`."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._providers: list[tuple[int, str, Provider[T]]] = []

    def register(self, provider: Provider[T], *, order: int) -> None:
        key = f"{provider.__module__}.{provider.__qualname__}"
        if all(existing != key for _order, existing, _p in self._providers):
            self._providers.append((order, key, provider))
            self._providers.sort(key=lambda item: (item[0], item[1]))

    def panels(self, actor: Actor, obj: T) -> list[Panel]:
        return [panel for _order, _key, provider in self._providers
                if (panel := provider(actor, obj)) is not None]
