"""The figures: distributions and the trend on hand-made data, and the rule that no
distribution is shown (computed or rendered) below the minimum number of answers or while
the answers are not final — a property test over random answers."""

from __future__ import annotations

import datetime as dt

from django.template.loader import render_to_string
from django.test import override_settings
from hypothesis import given, settings, strategies as st

from schakel.teamdevelopment.disclosure import MIN_RESPONDENTS, distribution_shown
from schakel.teamdevelopment.figures import TrendPoint, distribution, trend
from schakel.teamdevelopment.statements import (
    AGREEMENT_SCALE,
    BASELINE_STATEMENTS,
    MDO_IPW_ASPECTS,
    PRESENCE_SCALE,
    Questionnaire,
)

TWO_ITEMS = BASELINE_STATEMENTS[:2]


def _answers(per_member: list[tuple[int, int]]) -> list[tuple[str, int]]:
    """(value of item 1, value of item 2) per member, as (code, value) pairs."""
    return [pair for first, second in per_member
            for pair in ((TWO_ITEMS[0].code, first), (TWO_ITEMS[1].code, second))]


def test_a_distribution_on_hand_made_answers() -> None:
    figures = distribution(items=TWO_ITEMS, scale=AGREEMENT_SCALE,
                           answers=_answers([(4, 2), (4, 3), (5, 3)]), respondents=3,
                           final=True)
    assert figures.shown
    first, second = figures.items
    assert [c.count for c in first.counts] == [0, 0, 0, 2, 1]
    assert [c.count for c in second.counts] == [0, 1, 2, 0, 0]
    assert (first.mean, second.mean) == (4.33, 2.67)
    assert figures.mean == 3.5  # (4+4+5+2+3+3) / 6


def test_the_trend_over_three_rounds() -> None:
    rounds = [
        ([(2, 2), (3, 2), (2, 1)], 3, True),   # mean 2.0
        ([(4, 4), (3, 3)], 2, True),           # too few: not shown
        ([(4, 5), (5, 5), (4, 4), (3, 4)], 4, True),  # mean 4.25
    ]
    points = [TrendPoint(label=f"Nulmeting {n}", day=dt.date(2025 + n, 6, 1),
                         figures=distribution(items=TWO_ITEMS, scale=AGREEMENT_SCALE,
                                              answers=_answers(a), respondents=r, final=f))
              for n, (a, r, f) in enumerate(rounds, start=1)]
    result = trend(points, maximum=5)
    assert [p.figures.mean for p in result.points] == [2.0, None, 4.25]
    assert [bar.value for bar in result.chart.bars] == [2.0, 0.0, 4.25]
    assert result.chart.bars[2].height > result.chart.bars[0].height > 0
    assert result.chart.bars[1].height == 0
    assert result.items == [
        (TWO_ITEMS[0], [("Nulmeting 1", 2.33), ("Nulmeting 2", None), ("Nulmeting 3", 4.0)]),
        (TWO_ITEMS[1], [("Nulmeting 1", 1.67), ("Nulmeting 2", None), ("Nulmeting 3", 4.5)]),
    ]


def test_the_rule_in_one_function() -> None:
    assert MIN_RESPONDENTS == 3
    assert not distribution_shown(respondents=2, final=True)
    assert not distribution_shown(respondents=10, final=False)
    assert distribution_shown(respondents=3, final=True)


answer_sets = st.lists(st.lists(st.integers(1, 3), min_size=len(MDO_IPW_ASPECTS),
                                max_size=len(MDO_IPW_ASPECTS)), min_size=0, max_size=8)


@override_settings(LANGUAGE_CODE="en")
@settings(max_examples=60, deadline=None)
@given(members=answer_sets, final=st.booleans())
def test_no_rendered_distribution_reveals_an_answer_below_the_minimum(
        members: list[list[int]], final: bool) -> None:
    answers = [(aspect.code, value) for values in members
               for aspect, value in zip(MDO_IPW_ASPECTS, values, strict=True)]
    figures = distribution(items=MDO_IPW_ASPECTS, scale=PRESENCE_SCALE, answers=answers,
                           respondents=len(members), final=final)
    html = render_to_string("teamdevelopment/distribution.html", {
        "figures": figures, "scale": PRESENCE_SCALE, "caption": "c", "item_heading": "i"})
    if len(members) < MIN_RESPONDENTS or not final:
        assert not figures.shown
        assert figures.items == ()
        assert figures.mean is None
        # Nothing of any answer: no table, no aspect, no count cell, only how many answered.
        assert "<table" not in html
        assert "<td" not in html
        assert not any(str(aspect.text) in html for aspect in MDO_IPW_ASPECTS)
    else:
        assert figures.shown
        for row in figures.items:  # every member is in every row: nothing narrows
            assert sum(cell.count for cell in row.counts) == len(members)
        assert html.count("<td") == len(MDO_IPW_ASPECTS) * (len(PRESENCE_SCALE) + 1)


def test_every_questionnaire_has_its_items_and_scale() -> None:
    assert len(BASELINE_STATEMENTS) == 7  # seed 004 §3.2
    assert len(MDO_IPW_ASPECTS) == 12  # seed 004 §2.2
    assert {str(a.ipw) for a in MDO_IPW_ASPECTS} == {"Yes"}
    codes = [item.code for item in (*BASELINE_STATEMENTS, *MDO_IPW_ASPECTS)]
    assert len(codes) == len(set(codes))
    assert set(Questionnaire.values) == {"baseline", "mdo_ipw"}
