"""Safe aggregates: the one suppression rule every count Schakel publishes goes through
(issue 10, "aggregates are safe"; the approach and its proof: docs/aggregates.md).

A *release* is a forest of counts (`Node`): each node counts a group of records, its children
split that group into disjoint parts (a school's signals of a month, by theme, by class).
`suppress` decides, once per release, what each figure shows:

- `EXACT`: the count itself (0 or at least `SMALL_GROUP_THRESHOLD`);
- `SMALL`: "<5", a count from 1 to 4 (primary suppression);
- `HIDDEN`: "x", a count of 5 or more hidden so that a small sibling cannot be calculated back
  from the published total (complementary suppression, the next-smallest sibling first);
- `NOT_SHOWN`: "-", a part of a figure that is itself small or hidden.

Filters never cut a release: a page chooses which nodes of the one suppressed release it
shows (a month, a class), so a narrower filter shows the same markers as the wide one and two
reports of the same release can only be differenced along its tree, which the rule protects.
A filter that would leave a population of fewer than five is refused
(`selection_refuse_small`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# Counts below this are never published (CBS practice for small groups; issue 10).
SMALL_GROUP_THRESHOLD = 5
SMALL_TEXT = "<5"
HIDDEN_TEXT = "\u00d7"  # multiplication sign
NOT_SHOWN_TEXT = "\u2013"  # en dash


class Shown(StrEnum):
    EXACT = "exact"
    SMALL = "small"
    HIDDEN = "hidden"
    NOT_SHOWN = "not_shown"


@dataclass
class Node:
    """A count and its disjoint parts; a node with parts counts their sum (`count_of`)."""

    key: str
    count: int = 0
    children: list[Node] = field(default_factory=list)


@dataclass(frozen=True)
class Figure:
    """What a release publishes of one node; `value` is None unless the count is shown."""

    key: str
    shown: Shown
    value: int | None
    children: tuple[Figure, ...] = ()

    @property
    def text(self) -> str:
        if self.shown == Shown.EXACT:
            return str(self.value)
        return {Shown.SMALL: SMALL_TEXT, Shown.HIDDEN: HIDDEN_TEXT}.get(self.shown,
                                                                        NOT_SHOWN_TEXT)

    @property
    def is_exact(self) -> bool:
        return self.shown == Shown.EXACT

    def child(self, key: str) -> Figure:
        """The part with this key; a part the release does not have is an exact 0 when this
        figure is shown, otherwise not shown."""
        for part in self.children:
            if part.key == key:
                return part
        if self.shown == Shown.EXACT:
            return Figure(key, Shown.EXACT, 0)
        return Figure(key, Shown.NOT_SHOWN, None)

    def __str__(self) -> str:
        return self.text


def tree(rows: Iterable[tuple[Sequence[str], int]]) -> list[Node]:
    """A forest from leaf counts keyed by their path (one SQL GROUP BY gives the rows):
    (("2026-09", "pesten", "1a"), 3) is a leaf under "2026-09" > "pesten". Inner counts are
    the sums of their leaves; paths must all have the same length."""
    roots: dict[str, Node] = {}
    index: dict[tuple[str, ...], Node] = {}
    for path, count in rows:
        if count < 0:
            raise ValueError("a count cannot be negative")
        key = tuple(path)
        for depth in range(1, len(key) + 1):
            prefix = key[:depth]
            node = index.get(prefix)
            if node is None:
                node = Node(prefix[-1])
                index[prefix] = node
                if depth == 1:
                    roots[prefix[0]] = node
                else:
                    index[prefix[:-1]].children.append(node)
            node.count += count
    return list(roots.values())


@dataclass
class _Cell:
    key: str
    count: int
    children: list[_Cell]
    shown: Shown = Shown.EXACT


def _cells(node: Node) -> _Cell:
    children = [_cells(child) for child in node.children]
    count = sum(child.count for child in children) if children else node.count
    return _Cell(node.key, count, children)


def _hide_below(cell: _Cell) -> None:
    for child in cell.children:
        child.shown = Shown.NOT_SHOWN
        _hide_below(child)


def _upper(cell: _Cell, siblings: list[_Cell]) -> float:
    """What the markers tell of a hidden part: a small one at most 4; a hidden one at most
    the smallest sibling still shown (it was hidden as the next-smallest)."""
    if cell.shown == Shown.SMALL:
        return SMALL_GROUP_THRESHOLD - 1
    shown = [s.count for s in siblings if s.shown == Shown.EXACT and s.count > 0]
    return min(shown) if shown else float("inf")


def block_is_safe(block: Sequence[tuple[int, int, float]]) -> bool:
    """Whether the hidden parts of a published count, given as (count, lower, upper) bounds
    that the markers reveal, keep every part and every union of parts from being derived:
    the block's sum (published total minus its shown parts) is known, so it must be at least
    5, hold two parts or more, and lie strictly between the sums of the lower and upper
    bounds (at either end every part would be pinned). Proof: docs/aggregates.md."""
    if not block:
        return True
    total = sum(count for count, _lower, _upper in block)
    lower = sum(low for _count, low, _upper in block)
    upper = sum(up for _count, _lower, up in block)
    return (len(block) >= 2 and total >= SMALL_GROUP_THRESHOLD
            and lower < total < upper)


def _bounds(cell: _Cell, siblings: list[_Cell]) -> tuple[int, int, float]:
    lower = 1 if cell.shown == Shown.SMALL else SMALL_GROUP_THRESHOLD
    return cell.count, lower, _upper(cell, siblings)


def _settle(cell: _Cell) -> None:
    """Post-order: the parts first, then this count's own block of hidden parts."""
    if cell.count == 0:
        return  # zeros all the way down: nothing to protect
    if cell.count < SMALL_GROUP_THRESHOLD:
        cell.shown = Shown.SMALL
        _hide_below(cell)
        return
    for child in cell.children:
        _settle(child)
    parts = cell.children
    while True:
        hidden = [c for c in parts if c.shown in (Shown.SMALL, Shown.HIDDEN)]
        if block_is_safe([_bounds(c, parts) for c in hidden]):
            return
        candidates = sorted((c for c in parts if c.shown == Shown.EXACT and c.count > 0),
                            key=lambda c: (c.count, c.key))
        if not candidates:
            # No way to protect the block below this count: the count itself is hidden and
            # becomes a hidden part of its own parent.
            cell.shown = Shown.HIDDEN
            _hide_below(cell)
            return
        nearest = candidates[0]
        nearest.shown = Shown.HIDDEN
        _hide_below(nearest)


def _figure(cell: _Cell) -> Figure:
    return Figure(cell.key, cell.shown, cell.count if cell.shown == Shown.EXACT else None,
                  tuple(_figure(child) for child in cell.children))


def suppress(release: Sequence[Node]) -> list[Figure]:
    """THE suppression rule: what a release of counts may show (module docstring)."""
    cells = [_cells(node) for node in release]
    for cell in cells:
        _settle(cell)
    return [_figure(cell) for cell in cells]


def figure(count: int) -> Figure:
    """One count on its own (a release of one node)."""
    return suppress([Node("", count)])[0]


@dataclass(frozen=True)
class Total:
    """A sum of published figures, for a total the release does not hold itself: only what
    the figures reveal (their exact values), and whether any part is not exact."""

    value: int
    complete: bool

    @property
    def text(self) -> str:
        return str(self.value) if self.complete else f"≥ {self.value}"

    def __str__(self) -> str:
        return self.text


def published_total(figures: Iterable[Figure]) -> Total:
    parts = list(figures)
    return Total(sum(f.value or 0 for f in parts), all(f.is_exact for f in parts))


def selection_refuse_small(population: int) -> None:
    """A filter that leaves a group of fewer than five (pupils of a class, ...) is refused,
    before anything is counted."""
    if 0 < population < SMALL_GROUP_THRESHOLD:
        raise ValidationError(_(
            "This selection covers fewer than %(threshold)d pupils, so its figures could "
            "point to individual pupils. Choose a wider selection.") % {
            "threshold": SMALL_GROUP_THRESHOLD})
