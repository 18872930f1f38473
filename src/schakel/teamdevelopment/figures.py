"""The figures of the team's answers: per item the distribution over the scale and its mean,
per round the overall mean, and the trend over the rounds with its chart (the server-rendered
SVG of the attendance pages, `attendance.charts`, beside a table of the same numbers). Every
distribution goes through `disclosure.distribution_shown`; the input is (item, value) pairs
without their respondents, so nothing here can tell one member's answers apart."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from schakel.attendance.charts import Chart, bar_chart
from schakel.teamdevelopment.disclosure import distribution_shown
from schakel.teamdevelopment.statements import Item, Option


@dataclass(frozen=True)
class OptionCount:
    option: Option
    count: int


@dataclass(frozen=True)
class ItemFigures:
    item: Item
    counts: tuple[OptionCount, ...]
    mean: float


@dataclass(frozen=True)
class Distribution:
    """What may be shown of one set of answers: always how many answered; the items' counts
    and means only when `shown`."""

    respondents: int
    shown: bool
    items: tuple[ItemFigures, ...] = ()
    mean: float | None = None


def _mean(values: Sequence[int]) -> float:
    return round(sum(values) / len(values), 2) if values else 0.0


def distribution(*, items: Sequence[Item], scale: Sequence[Option],
                 answers: Sequence[tuple[str, int]], respondents: int,
                 final: bool) -> Distribution:
    """`answers`: (item code, value) of every answer, in any order."""
    if not distribution_shown(respondents=respondents, final=final):
        return Distribution(respondents=respondents, shown=False)
    by_item: dict[str, list[int]] = {item.code: [] for item in items}
    for code, value in answers:
        if code in by_item:
            by_item[code].append(value)
    figures = []
    for item in items:
        counted = Counter(by_item[item.code])
        figures.append(ItemFigures(
            item=item, counts=tuple(OptionCount(option, counted.get(option.value, 0))
                                    for option in scale),
            mean=_mean(by_item[item.code])))
    every = [value for values in by_item.values() for value in values]
    return Distribution(respondents=respondents, shown=True, items=tuple(figures),
                        mean=_mean(every))


@dataclass(frozen=True)
class TrendPoint:
    label: str
    day: dt.date
    figures: Distribution


@dataclass(frozen=True)
class Trend:
    points: tuple[TrendPoint, ...]
    chart: Chart
    maximum: int

    @property
    def items(self) -> list[tuple[Item, list[tuple[str, float | None]]]]:
        """Per item its mean in each round, with the round's label (None where the round is
        not shown)."""
        if not self.points:
            return []
        first = next((p.figures for p in self.points if p.figures.shown), None)
        if first is None:
            return []
        rows: list[tuple[Item, list[tuple[str, float | None]]]] = []
        for index, figures in enumerate(first.items):
            rows.append((figures.item, [
                (point.label, point.figures.items[index].mean if point.figures.shown else None)
                for point in self.points]))
        return rows


def trend(points: Sequence[TrendPoint], *, maximum: int) -> Trend:
    """One bar per round, in the order given: its overall mean on the scale (0 when the
    round is not shown; the table says why)."""
    values = [(point.label, point.figures.mean if point.figures.mean is not None else 0.0)
              for point in points]
    return Trend(points=tuple(points), chart=bar_chart(values, maximum=float(maximum)),
                 maximum=maximum)
