"""The school_days table of the attendance contract, from the shipped holidays and a school's
own calendar."""

import datetime as dt

import pytest

from schakel.organisations.models import SchoolType
from schakel.schoolcalendar.models import DayOff, DayOffKind, Holiday, SchoolCalendar, SchoolYear
from schakel.schoolcalendar.selectors import school_days
from tests.factories import SchoolFactory

pytestmark = pytest.mark.django_db


def rows(table):
    return table.to_pylist()


def test_the_holidays_of_three_school_years_are_shipped_for_each_region() -> None:
    assert list(SchoolYear.objects.order_by("name").values_list("name", flat=True)) == [
        "2025-2026", "2026-2027", "2027-2028"]
    for region in ("noord", "midden", "zuid"):
        kinds = set(Holiday.objects.filter(region=region).values_list("school_year__name", "kind"))
        for year in ("2025-2026", "2026-2027", "2027-2028"):
            assert {k for y, k in kinds if y == year} == {
                "herfst", "kerst", "voorjaar", "mei", "zomer", "feestdag"}


def test_the_summer_holiday_of_2026_reaches_into_august() -> None:
    school = SchoolFactory(school_type=SchoolType.VO)
    days = {row["day"] for row in rows(school_days(
        school_ids=[school.pk], start=dt.date(2026, 8, 1), end=dt.date(2026, 9, 4)))}
    assert min(days) == dt.date(2026, 8, 31)  # midden: summer until 30 August


def test_weekends_holidays_and_days_off_are_no_school_days() -> None:
    school = SchoolFactory(school_type=SchoolType.PO)
    SchoolCalendar.objects.create(
        school=school, region="zuid",
        minutes_monday=330, minutes_tuesday=330, minutes_wednesday=210, minutes_thursday=330,
        minutes_friday=300, lessons_monday=2, lessons_tuesday=2, lessons_wednesday=1,
        lessons_thursday=2, lessons_friday=2,
    )
    DayOff.objects.create(school=school, kind=DayOffKind.STUDY_DAY,
                          start_date=dt.date(2026, 10, 7), end_date=dt.date(2026, 10, 7))
    table = school_days(school_ids=[school.pk], start=dt.date(2026, 9, 28),
                        end=dt.date(2026, 10, 25))
    days = {r["day"]: r for r in rows(table)}
    # Zuid's autumn holiday 2026 (10-18 October) and the study day are left out.
    assert dt.date(2026, 10, 12) not in days
    assert dt.date(2026, 10, 7) not in days
    assert dt.date(2026, 10, 3) not in days  # a Saturday
    assert days[dt.date(2026, 10, 6)]["scheduled_minutes"] == 330
    assert days[dt.date(2026, 9, 30)]["scheduled_minutes"] == 210
    assert days[dt.date(2026, 10, 2)]["scheduled_minutes"] == 300
    assert days[dt.date(2026, 10, 2)]["lessons"] == 2
    assert days[dt.date(2026, 10, 2)]["school_year"] == "2026-2027"
    # The holiday week gets no number: the weeks before and after are consecutive.
    before, after = days[dt.date(2026, 10, 9)], days[dt.date(2026, 10, 19)]
    assert after["week_seq"] == before["week_seq"] + 1
    assert after["school_week"] == dt.date(2026, 10, 19)
    assert table.schema.field("week_seq").type.bit_width == 32


def test_week_numbers_do_not_depend_on_the_period_asked() -> None:
    school = SchoolFactory(school_type=SchoolType.VO)
    whole = {r["day"]: r["week_seq"] for r in rows(
        school_days(school_ids=[school.pk], start=dt.date(2026, 8, 1), end=dt.date(2027, 7, 31)))}
    part = rows(school_days(school_ids=[school.pk], start=dt.date(2027, 3, 1),
                            end=dt.date(2027, 3, 31)))
    assert part
    assert all(whole[r["day"]] == r["week_seq"] for r in part)
    # Defaults of a secondary school without settings: 400 minutes, 8 lessons, region midden.
    assert {(r["scheduled_minutes"], r["lessons"]) for r in part} == {(400, 8)}
    # Midden's summer holiday 2027 from 17 July.
    assert dt.date(2027, 7, 16) in whole
    assert dt.date(2027, 7, 19) not in whole


def test_several_schools_at_once() -> None:
    first = SchoolFactory(school_type=SchoolType.PO)
    second = SchoolFactory(school_type=SchoolType.PO)
    table = school_days(school_ids=[first.pk, second.pk], start=dt.date(2026, 11, 2),
                        end=dt.date(2026, 11, 6))
    assert sorted({r["school_id"] for r in rows(table)}) == sorted([first.pk, second.pk])
    assert table.num_rows == 10
    none = school_days(school_ids=[], start=dt.date(2026, 11, 2), end=dt.date(2026, 11, 6))
    assert none.num_rows == 0
