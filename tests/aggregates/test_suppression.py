"""The suppression rule holds against differencing and against an intruder who reasons with
every published figure and marker at once (issue 10; docs/aggregates.md)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, assume, given, settings, strategies as st

from schakel.aggregates import (
    HIDDEN_TEXT,
    NOT_SHOWN_TEXT,
    SMALL_GROUP_THRESHOLD,
    Figure,
    Node,
    Shown,
    figure,
    published_total,
    selection_refuse_small,
    suppress,
    tree,
)

Leaves = dict[tuple[str, ...], int]


def _paths(node: Node, prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    path = (*prefix, node.key)
    if not node.children:
        yield path
    for child in node.children:
        yield from _paths(child, path)


@st.composite
def releases(draw: st.DrawFn, depth: int = 2, width: int = 4) -> Leaves:
    """Leaf counts of a forest `depth` levels deep, mostly small counts."""
    count = st.one_of(st.integers(0, 6), st.integers(0, 30))
    leaves: Leaves = {}

    def grow(prefix: tuple[str, ...], level: int) -> None:
        for index in range(draw(st.integers(1, width))):
            path = (*prefix, f"k{index}")
            if level == depth:
                leaves[path] = draw(count)
            else:
                grow(path, level + 1)

    grow((), 1)
    return leaves


Group = set[tuple[str, ...]]


def _value(figure: Figure) -> int:
    assert figure.value is not None, figure  # only called for exact figures
    return figure.value


def _published(figures: list[Figure], leaves: Leaves) -> dict[tuple[str, ...],
                                                              tuple[Figure, Group]]:
    """Every figure by its path, with the leaves it counts."""
    out: dict[tuple[str, ...], tuple[Figure, Group]] = {}

    def walk(f: Figure, path: tuple[str, ...]) -> None:
        out[path] = (f, {leaf for leaf in leaves if leaf[:len(path)] == path})
        for child in f.children:
            walk(child, (*path, child.key))

    for f in figures:
        walk(f, (f.key,))
    return out


def _check_no_small_difference(leaves: Leaves) -> None:
    figures = suppress(tree(leaves.items()))
    published = _published(figures, leaves)
    exact = [(_value(f), group) for f, group in published.values() if f.is_exact]
    for value, group in exact:
        assert value == 0 or value >= SMALL_GROUP_THRESHOLD
        assert value == sum(leaves[leaf] for leaf in group)
    # Any two published figures, one inside the other: their difference is a group.
    for (wide, wide_group), (narrow, narrow_group) in itertools.permutations(exact, 2):
        if narrow_group < wide_group:
            assert not 0 < wide - narrow < SMALL_GROUP_THRESHOLD, (wide, narrow)
    # A published total minus all its published parts: the hidden rest is a group too.
    for path, (f, _group) in published.items():
        if f.is_exact and f.children:
            rest = _value(f) - sum(c.value or 0 for c in f.children if c.is_exact)
            assert not 0 < rest < SMALL_GROUP_THRESHOLD, (path, rest)


@settings(max_examples=150, deadline=None)
@given(releases(depth=3, width=4))
def test_no_difference_of_two_published_figures_is_a_small_group(leaves: Leaves) -> None:
    _check_no_small_difference(leaves)


@settings(max_examples=200, deadline=None)
@given(releases(depth=2, width=6), st.data())
def test_narrowing_a_filter_reveals_nothing_new(leaves: Leaves, data: st.DataObject) -> None:
    """A filter chooses nodes of the one suppressed release: the narrow report shows the
    same figure, marker for marker, as the wide report shows for that node."""
    figures = suppress(tree(leaves.items()))
    top = data.draw(st.sampled_from(figures))
    wide = {f.key: f for f in figures}
    narrow = data.draw(st.sampled_from(list(top.children) or [top]))
    assert narrow in (wide[top.key], *wide[top.key].children)


def _intruder_domains(figures: list[Figure], leaves: Leaves, bound: int
                      ) -> tuple[list[tuple[str, ...]], list[range],
                                 list[tuple[list[tuple[str, ...]], int, int]]]:
    """What an intruder knows: exact figures, "<5" is 1..4, "x" is 5 or more, "-" nothing."""
    published = _published(figures, leaves)
    constraints = []
    for _path, (f, group) in published.items():
        if f.shown == Shown.EXACT:
            low, high = _value(f), _value(f)
        elif f.shown == Shown.SMALL:
            low, high = 1, SMALL_GROUP_THRESHOLD - 1
        elif f.shown == Shown.HIDDEN:
            low, high = SMALL_GROUP_THRESHOLD, 10 ** 6
        else:
            continue
        constraints.append((sorted(group), low, high))
    order = sorted(leaves)
    domains = []
    for leaf in order:
        f, _group = published[leaf]
        domains.append(range(_value(f), _value(f) + 1) if f.is_exact else range(0, bound + 1))
    return order, domains, constraints


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(releases(depth=2, width=3))
def test_no_small_group_can_be_derived_from_all_figures_together(leaves: Leaves) -> None:
    """Brute force over every data set the published figures allow: no group of leaves with
    a true count of 1 to 4 has the same count in all of them."""
    assume(max(leaves.values()) <= 9)
    figures = suppress(tree(leaves.items()))
    order, domains, constraints = _intruder_domains(figures, leaves, bound=14)
    size = 1
    for domain in domains:
        size *= len(domain)
    assume(size <= 60_000)
    position = {leaf: i for i, leaf in enumerate(order)}
    checks = [([position[leaf] for leaf in group], low, high)
              for group, low, high in constraints]
    possible = [values for values in itertools.product(*domains)
                if all(low <= sum(values[i] for i in idx) <= high for idx, low, high in checks)]
    truth = tuple(leaves[leaf] for leaf in order)
    assert truth in possible
    for size_of_group in range(1, len(order) + 1):
        for group in itertools.combinations(range(len(order)), size_of_group):
            count = sum(truth[i] for i in group)
            if 0 < count < SMALL_GROUP_THRESHOLD:
                seen = {sum(values[i] for i in group) for values in possible}
                assert len(seen) > 1, ([order[i] for i in group], count)


def test_a_small_cell_and_its_next_smallest_sibling_are_hidden() -> None:
    [school] = suppress([Node("school", children=[
        Node("1a", 12), Node("1b", 3), Node("1c", 7), Node("1d", 0)])])
    assert [c.text for c in school.children] == ["12", "<5", HIDDEN_TEXT, "0"]
    assert school.text == "22"


def test_two_small_cells_of_four_are_not_left_to_pin_each_other() -> None:
    # 4 + 4 = 8 with both at most 4 would pin both: a third part is hidden as well.
    [week] = suppress([Node("w", children=[Node("t1", 30), Node("t2", 4), Node("t3", 4)])])
    assert [c.text for c in week.children] == [HIDDEN_TEXT, "<5", "<5"]


def test_a_total_that_cannot_be_protected_is_hidden_in_its_parent() -> None:
    [root] = suppress([Node("r", children=[
        Node("a", children=[Node("x", 4), Node("y", 4)]), Node("b", 20), Node("c", 9)])])
    a, b, c = root.children
    assert a.shown == Shown.HIDDEN
    assert [p.text for p in a.children] == [NOT_SHOWN_TEXT, NOT_SHOWN_TEXT]
    assert c.shown == Shown.HIDDEN
    assert b.text == "20"


def test_one_count_and_the_total_of_shown_figures() -> None:
    assert [figure(n).text for n in (0, 1, 4, 5, 17)] == ["0", "<5", "<5", "5", "17"]
    total = published_total([figure(12), figure(3), figure(8)])
    assert (total.text, total.complete) == ("≥ 20", False)
    assert published_total([figure(12), figure(0)]).text == "12"


def test_a_selection_of_fewer_than_five_pupils_is_refused() -> None:
    with pytest.raises(ValidationError, match="fewer than 5 pupils"):
        selection_refuse_small(4)
    selection_refuse_small(5)
    selection_refuse_small(0)
