"""A measure runs only between the ages of its kind: an OTS, a provisional OTS and voogdij end
before the 18th birthday; youth probation runs from 12 to the 23rd birthday."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from hypothesis import HealthCheck, given, settings, strategies as st

from schakel.children.models import Child, Measure, MeasureKind
from schakel.children.services import MEASURE_AGES
from schakel.dates import add_years
from tests.children.test_measures import start
from tests.consent.fixtures import ConsentWorld


def _born(child: Child, years_ago_on: dt.date, years: int) -> None:
    """Make `child` turn `years` on `years_ago_on`."""
    Child.objects.filter(pk=child.pk).update(birth_date=add_years(years_ago_on, -years))
    child.refresh_from_db()


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(offset=st.integers(min_value=-200, max_value=150))  # within the one year of an OTS
def test_an_ots_must_end_before_the_18th_birthday(cw: ConsentWorld, offset: int) -> None:
    today = timezone.localdate()
    birthday_18 = today + dt.timedelta(days=200)
    _born(cw.tina, birthday_18, 18)
    end = birthday_18 + dt.timedelta(days=offset)
    before = Measure.objects.count()
    if end < birthday_18:
        start(cw, start_date=today, end_date=end).delete()
    else:
        with pytest.raises(ValidationError) as exc:
            start(cw, start_date=today, end_date=end)
        assert "ends at 18 years" in exc.value.message_dict["end_date"][0]
    assert Measure.objects.count() == before


@pytest.mark.parametrize("kind", [MeasureKind.OTS, MeasureKind.PROVISIONAL_OTS,
                                  MeasureKind.GUARDIANSHIP])
def test_no_measure_for_a_minor_starts_at_18(cw: ConsentWorld, kind: MeasureKind) -> None:
    today = timezone.localdate()
    _born(cw.tina, today, 18)
    with pytest.raises(ValidationError) as exc:
        start(cw, kind=kind, start_date=today,
              end_date=None if kind == MeasureKind.GUARDIANSHIP else today + dt.timedelta(30))
    assert "ends at 18 years" in exc.value.message_dict["start_date"][0]
    assert not Measure.objects.filter(kind=kind).exists()


def test_youth_probation_runs_past_18_until_23(cw: ConsentWorld) -> None:
    today = timezone.localdate()
    _born(cw.tina, today, 20)
    start(cw, kind=MeasureKind.YOUTH_PROBATION, start_date=today, end_date=None)
    _born(cw.tina, today, 23)
    with pytest.raises(ValidationError):
        start(cw, kind=MeasureKind.YOUTH_PROBATION, start_date=today, end_date=None)


def test_every_kind_has_its_ages() -> None:
    assert set(MEASURE_AGES) == set(MeasureKind.values)
    assert all(low < high for low, high in MEASURE_AGES.values())
