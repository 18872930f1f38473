"""Server-rendered SVG charts: the geometry of bars and cells from figures already computed,
for templates to draw (no script, so the Content-Security-Policy stays strict). Every chart is
shown beside a table of the same numbers; the SVG is the picture, the table the data."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

WIDTH = 640
HEIGHT = 180
MARGIN = 24


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    value: float
    css: str = ""


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    bars: list[Bar]
    baseline: float


def bar_chart(values: Sequence[tuple[str, float]], *, maximum: float = 1.0,
              css: Sequence[str] | None = None) -> Chart:
    """One bar per value (0..maximum), left to right."""
    inner = HEIGHT - 2 * MARGIN
    step = (WIDTH - 2 * MARGIN) / max(len(values), 1)
    bars = []
    for index, (label, value) in enumerate(values):
        height = inner * min(max(value, 0.0), maximum) / maximum if maximum else 0.0
        bars.append(Bar(x=MARGIN + index * step + step * 0.1, y=HEIGHT - MARGIN - height,
                        width=step * 0.8, height=height, label=label, value=value,
                        css=css[index] if css is not None else ""))
    return Chart(width=WIDTH, height=HEIGHT, bars=bars, baseline=HEIGHT - MARGIN)


def stacked_chart(columns: Sequence[tuple[str, Sequence[int]]], classes: Sequence[str]) -> Chart:
    """One column per label, its parts stacked bottom up (counts, scaled to the column's
    total so every column is as high as 100 %)."""
    inner = HEIGHT - 2 * MARGIN
    step = (WIDTH - 2 * MARGIN) / max(len(columns), 1)
    bars = []
    for index, (label, parts) in enumerate(columns):
        total = sum(parts) or 1
        top: float = HEIGHT - MARGIN
        for part, css in zip(parts, classes, strict=True):
            height = inner * part / total
            top -= height
            bars.append(Bar(x=MARGIN + index * step + step * 0.1, y=top, width=step * 0.8,
                            height=height, label=label, value=part, css=css))
    return Chart(width=WIDTH, height=HEIGHT, bars=bars, baseline=HEIGHT - MARGIN)


@dataclass(frozen=True)
class Cell:
    x: float
    y: float
    size: float
    shade: int  # 0..4, the darker the more absence
    label: str


def heat_map(rows: Sequence[str], columns: Sequence[str],
             shares: dict[tuple[str, str], float]) -> tuple[list[Cell], int, int]:
    """Cells rows x columns shaded by their share (0..1); the width and height of the map."""
    size = max(min((WIDTH - 60) / max(len(columns), 1), 24), 8)
    cells = []
    for r, row in enumerate(rows):
        for c, column in enumerate(columns):
            share = shares.get((row, column), 0.0)
            shade = 0 if share <= 0 else min(4, 1 + int(share / 0.05))
            cells.append(Cell(x=60 + c * size, y=r * size, size=size - 1, shade=shade,
                              label=f"{row} {column}: {share:.0%}"))
    return cells, int(60 + len(columns) * size), int(len(rows) * size)
