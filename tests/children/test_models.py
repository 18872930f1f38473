"""Child, enrolment and guardianship models; `Child.age_on` around birthdays and leap days."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError
from hypothesis import given, strategies as st

from schakel.access.policy import consenters
from schakel.children.models import Child
from tests.factories import (
    ChildFactory,
    EnrolmentFactory,
    GuardianshipFactory,
    birth_date_for_age,
    days_ago,
)

DATES = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2060, 12, 31))


def anniversary(birth: dt.date, year: int) -> dt.date:
    """The birthday in `year`; for 29 February in a common year, 1 March (the day on which
    someone born on 29 February is a year older under Dutch law)."""
    try:
        return birth.replace(year=year)
    except ValueError:
        return dt.date(year, 3, 1)


def reference_age(birth: dt.date, day: dt.date) -> int:
    """Count the birthdays that have passed."""
    age = 0
    while anniversary(birth, birth.year + age + 1) <= day:
        age += 1
    return age


def child_born(birth: dt.date) -> Child:
    return Child(first_name="Sara", last_name="Jansen", birth_date=birth)


@given(birth=DATES, day=DATES)
def test_age_counts_the_birthdays_passed(birth, day):
    if day < birth:
        birth, day = day, birth
    assert child_born(birth).age_on(day) == reference_age(birth, day)


@given(birth=DATES, day=DATES)
def test_agrees_with_the_consent_rules(birth, day):
    assert child_born(birth).age_on(day) == consenters.age_on(birth, day)


@given(birth=DATES, days=st.integers(0, 366 * 40))
def test_age_grows_by_at_most_one_a_day(birth, days):
    child = child_born(birth)
    day = birth + dt.timedelta(days=days)
    step = child.age_on(day + dt.timedelta(days=1)) - child.age_on(day)
    assert step in (0, 1)
    assert (step == 1) is (day + dt.timedelta(days=1) == anniversary(
        birth, (day + dt.timedelta(days=1)).year))


@given(birth=DATES)
def test_zero_on_the_day_of_birth_and_one_a_year_later(birth):
    child = child_born(birth)
    assert child.age_on(birth) == 0
    assert child.age_on(anniversary(birth, birth.year + 1)) == 1
    assert child.age_on(anniversary(birth, birth.year + 1) - dt.timedelta(days=1)) == 0


@given(year=st.sampled_from([1992, 1996, 2000, 2004, 2008, 2012, 2016, 2020, 2024]),
       later=st.integers(1, 30))
def test_born_on_29_february(year, later):
    child = child_born(dt.date(year, 2, 29))
    target = year + later
    leap = target % 4 == 0 and (target % 100 != 0 or target % 400 == 0)
    assert child.age_on(dt.date(target, 2, 28)) == later - 1
    assert child.age_on(dt.date(target, 3, 1)) == later
    if leap:
        assert child.age_on(dt.date(target, 2, 29)) == later


@pytest.mark.parametrize(("day", "age"), [
    (dt.date(2024, 2, 28), 11), (dt.date(2024, 2, 29), 12),  # 12 on the leap day itself
    (dt.date(2028, 2, 28), 15), (dt.date(2028, 2, 29), 16),
    (dt.date(2029, 2, 28), 16), (dt.date(2029, 3, 1), 17),
])
def test_consent_age_boundaries_for_a_leap_day_birth(day, age):
    assert child_born(dt.date(2012, 2, 29)).age_on(day) == age


@pytest.mark.parametrize(("day", "age"), [
    (dt.date(2022, 5, 9), 11), (dt.date(2022, 5, 10), 12),
    (dt.date(2026, 5, 9), 15), (dt.date(2026, 5, 10), 16),
    (dt.date(2023, 1, 1), 12), (dt.date(2022, 12, 31), 12),
])
def test_age_around_an_ordinary_birthday(day, age):
    assert child_born(dt.date(2010, 5, 10)).age_on(day) == age


@given(age=st.integers(0, 25), on=DATES)
def test_factory_birth_dates_give_the_asked_age(age, on):
    assert child_born(birth_date_for_age(age, on)).age_on(on) == age


def test_names(db):
    child = ChildFactory(first_name="Tina", last_name="Jansen")
    assert child.full_name == str(child) == "Tina Jansen"


def test_an_enrolment_cannot_end_before_it_starts(db):
    with pytest.raises(IntegrityError):
        EnrolmentFactory(start_date=days_ago(1), end_date=days_ago(2))


def test_a_pupil_number_is_unique_per_school(db):
    first = EnrolmentFactory(pupil_number="4711")
    EnrolmentFactory(pupil_number="4711")  # another school
    with pytest.raises(IntegrityError):
        EnrolmentFactory(pupil_number="4711", school=first.school)


def test_one_guardianship_per_guardian_and_child(db):
    guardianship = GuardianshipFactory(without_custody=True)
    assert not guardianship.custody_periods.exists()
    with pytest.raises(IntegrityError):
        GuardianshipFactory(guardian=guardianship.guardian, child=guardianship.child)
