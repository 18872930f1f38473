"""The flow chart's layout: whatever the steps say, the boxes follow each other without
overlap inside the viewBox, arrows join each box to the next, and no text is lost."""

from __future__ import annotations

from hypothesis import given, strategies as st

from schakel.organisations.route_chart import (
    TEXT_CHARS,
    TITLE_CHARS,
    RouteStep,
    route_chart,
)

words = st.text(alphabet="abcdefghijklmnopqrstuvwxyz'(),:-.@0123456789", min_size=1,
                max_size=50)
sentences = st.lists(words, min_size=1, max_size=30).map(" ".join)
steps_strategy = st.lists(
    st.builds(RouteStep, title=sentences, lines=st.lists(sentences, min_size=1, max_size=4)
              .map(tuple)), min_size=1, max_size=7)


@given(steps_strategy)
def test_boxes_follow_each_other_inside_the_viewbox(steps: list[RouteStep]) -> None:
    chart = route_chart(steps)
    assert len(chart.boxes) == len(steps)
    assert len(chart.arrows) == len(steps) - 1
    assert chart.box_x >= 0
    assert chart.box_x + chart.box_width <= chart.width
    for box in chart.boxes:
        assert box.y >= 0
        assert box.y + box.height <= chart.height
        for line in box.lines:
            assert box.y < line.y < box.y + box.height
    for above, arrow, below in zip(chart.boxes, chart.arrows, chart.boxes[1:], strict=False):
        assert above.y + above.height <= arrow.y1 < arrow.y2 <= below.y


@given(steps_strategy)
def test_the_chart_says_what_the_steps_say(steps: list[RouteStep]) -> None:
    chart = route_chart(steps)
    for number, (step, box) in enumerate(zip(steps, chart.boxes, strict=True), start=1):
        titles = [line.text for line in box.lines if line.is_title]
        details = [line.text for line in box.lines if not line.is_title]
        assert " ".join(titles).split() == f"{number}. {step.title}".split()
        assert " ".join(details).split() == " ".join(step.lines).split()
        ys = [line.y for line in box.lines]
        assert ys == sorted(set(ys))
        for line in box.lines:
            limit = TITLE_CHARS if line.is_title else TEXT_CHARS
            assert len(line.text) <= limit or " " not in line.text
