"""The age rule, as pure functions, around birthdays and leap days."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import assume, given, strategies as st

from schakel.access.policy.consenters import (
    AgeBand,
    CustodyRule,
    Requirement,
    age_on,
    is_satisfied,
    may_withdraw,
    required_consenters,
    shortfall,
)
from schakel.children.models import Child
from tests.consent.fixtures import birthday

births = st.dates(min_value=dt.date(1890, 1, 1), max_value=dt.date(2180, 12, 31))
leap_births = st.integers(min_value=473, max_value=545).map(lambda n: n * 4).filter(
    lambda y: y % 100 != 0 or y % 400 == 0).map(lambda y: dt.date(y, 2, 29))
custodians = st.frozensets(st.integers(min_value=1, max_value=50), max_size=4)


def requirement(birth: dt.date, day: dt.date, ids: frozenset[int] = frozenset({1}),
                rule: CustodyRule = CustodyRule.ANY) -> Requirement:
    return required_consenters(birth_date=birth, day=day, custodian_ids=ids, custody_rule=rule)


@given(births, st.integers(min_value=0, max_value=30_000))
def test_age_agrees_with_child_model(birth: dt.date, offset: int) -> None:
    day = birth + dt.timedelta(days=offset)
    assert age_on(birth, day) == Child(birth_date=birth).age_on(day)


@given(st.one_of(births, leap_births), st.sampled_from([12, 16]))
def test_band_changes_exactly_on_the_birthday(birth: dt.date, age: int) -> None:
    turning = birthday(birth, age)
    before, on = requirement(birth, turning - dt.timedelta(days=1)), requirement(birth, turning)
    assert (before.age, on.age) == (age - 1, age)
    if age == 12:
        assert (before.band, on.band) == (AgeBand.UNDER_12, AgeBand.FROM_12_TO_15)
        assert not before.needs_young_person
        assert on.needs_young_person
        assert before.needs_guardians
        assert on.needs_guardians
    else:
        assert (before.band, on.band) == (AgeBand.FROM_12_TO_15, AgeBand.FROM_16)
        assert before.needs_guardians
        assert not on.needs_guardians
        assert before.needs_young_person
        assert on.needs_young_person


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


@given(leap_births, st.integers(min_value=1, max_value=99))
def test_born_on_29_february_turns_older_on_1_march_in_common_years(
    birth: dt.date, age: int,
) -> None:
    year = birth.year + age
    assume(not _is_leap(year))
    assert requirement(birth, dt.date(year, 2, 28)).age == age - 1
    assert requirement(birth, dt.date(year, 3, 1)).age == age


@pytest.mark.parametrize("year", [1900, 2100, 2200, 2300])
@pytest.mark.parametrize("age", [12, 16])
def test_12th_and_16th_birthday_of_a_leap_day_child_in_a_common_century_year(
    year: int, age: int,
) -> None:
    birth = dt.date(year - age, 2, 29)
    assert not _is_leap(year)
    assert requirement(birth, dt.date(year, 2, 28)).age == age - 1
    assert requirement(birth, dt.date(year, 3, 1)).age == age


@pytest.mark.parametrize(("birth", "day", "band"), [
    # 2088 + 12 = 2100, not a leap year: the 12th birthday is 1 March 2100.
    (dt.date(2088, 2, 29), dt.date(2100, 2, 28), AgeBand.UNDER_12),
    (dt.date(2088, 2, 29), dt.date(2100, 3, 1), AgeBand.FROM_12_TO_15),
    # 2084 + 16 = 2100: the 16th birthday is 1 March 2100.
    (dt.date(2084, 2, 29), dt.date(2100, 2, 28), AgeBand.FROM_12_TO_15),
    (dt.date(2084, 2, 29), dt.date(2100, 3, 1), AgeBand.FROM_16),
    # In a leap year the birthday is 29 February itself.
    (dt.date(2012, 2, 29), dt.date(2024, 2, 28), AgeBand.UNDER_12),
    (dt.date(2012, 2, 29), dt.date(2024, 2, 29), AgeBand.FROM_12_TO_15),
    (dt.date(2008, 2, 29), dt.date(2024, 2, 28), AgeBand.FROM_12_TO_15),
    (dt.date(2008, 2, 29), dt.date(2024, 2, 29), AgeBand.FROM_16),
])
def test_leap_day_examples(birth: dt.date, day: dt.date, band: AgeBand) -> None:
    assert requirement(birth, day).band == band


@given(births, st.integers(min_value=0, max_value=25_000), custodians, st.booleans(),
       st.sets(st.integers(min_value=1, max_value=50), max_size=4))
def test_who_must_consent(
    birth: dt.date, offset: int, ids: frozenset[int], young: bool, signed: set[int],
) -> None:
    day = birth + dt.timedelta(days=offset)
    req = requirement(birth, day, ids)
    some_custodian_signed = bool(signed & ids)
    expected = {
        AgeBand.UNDER_12: some_custodian_signed,
        AgeBand.FROM_12_TO_15: some_custodian_signed and young,
        AgeBand.FROM_16: young,
    }[req.band]
    assert is_satisfied(req, guardian_ids=signed, young_person=young) is expected


@given(births, st.integers(min_value=0, max_value=25_000), custodians)
def test_every_custodian_rule(birth: dt.date, offset: int, ids: frozenset[int]) -> None:
    day = birth + dt.timedelta(days=offset)
    req = requirement(birth, day, ids, CustodyRule.ALL)
    assume(req.needs_guardians and len(ids) >= 2)
    one = min(ids)
    assert not is_satisfied(req, guardian_ids={one}, young_person=True)
    assert shortfall(req, guardian_ids={one}, young_person=True).guardian_ids == ids - {one}
    assert is_satisfied(req, guardian_ids=ids, young_person=True)


def test_nobody_with_custody_cannot_satisfy_the_guardians_part() -> None:
    req = requirement(dt.date(2015, 6, 1), dt.date(2020, 6, 1), frozenset())
    missing = shortfall(req, guardian_ids={7}, young_person=True)
    assert missing.no_custodian_known
    assert not is_satisfied(req, guardian_ids={7}, young_person=True)


def test_signature_of_a_guardian_without_custody_counts_for_nothing() -> None:
    req = requirement(dt.date(2015, 6, 1), dt.date(2020, 6, 1), frozenset({1}))
    assert not is_satisfied(req, guardian_ids={2}, young_person=False)
    assert is_satisfied(req, guardian_ids={1}, young_person=False)


@pytest.mark.parametrize(("age", "guardian_id", "young", "allowed"), [
    (10, 1, False, True), (10, None, True, False), (10, 2, False, False),
    (13, 1, False, True), (13, None, True, True),
    (16, 1, False, False), (16, None, True, True),
])
def test_who_may_withdraw(age: int, guardian_id: int | None, young: bool, allowed: bool) -> None:
    birth = dt.date(2000, 5, 5)
    req = requirement(birth, birthday(birth, age), frozenset({1}))
    assert may_withdraw(req, guardian_id=guardian_id, young_person=young) is allowed
