"""Keeping a school's calendar: its core team only; invalid input changes nothing."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from schakel.audit.events import EventCode
from schakel.audit.models import AccessEvent
from schakel.schoolcalendar.models import DayOff, SchoolCalendar
from schakel.schoolcalendar.selectors import school_calendar_get, school_days
from schakel.schoolcalendar.services import (
    school_calendar_update,
    school_day_off_add,
    school_day_off_remove,
)
from tests.factories import ProfessionalFactory, SchoolFactory, actor_for

pytestmark = pytest.mark.django_db

WEEK = (330, 330, 210, 330, 330)
LESSONS = (6, 6, 4, 6, 6)


@pytest.fixture
def school():
    return SchoolFactory()


@pytest.fixture
def core(school):
    return actor_for(ProfessionalFactory(support_coordinator=True,
                                         organisation=school.organisation, core_team_of=school))


def test_the_core_team_sets_region_and_lesson_times(school, core) -> None:
    school_calendar_update(actor=core, school=school, region="noord", minutes=WEEK,
                           lessons=LESSONS)
    calendar = SchoolCalendar.objects.get(school=school)
    assert (calendar.region, calendar.minutes(), calendar.lessons()) == ("noord", WEEK, LESSONS)
    assert AccessEvent.objects.filter(event_code=EventCode.SCHOOL_CALENDAR_CHANGE).exists()
    page = school_calendar_get(actor=core, school_id=school.pk, today=dt.date(2026, 12, 2))
    assert {h.region for h in page.holidays} == {"noord"}
    assert {h.school_year.name for h in page.holidays} == {"2026-2027", "2027-2028"}


def test_impossible_times_change_nothing(school, core) -> None:
    with pytest.raises(ValidationError) as error:
        school_calendar_update(actor=core, school=school, region="oost",
                               minutes=(330, 330, 900, 330, 330), lessons=LESSONS)
    assert set(error.value.message_dict) == {"region", "minutes_wednesday"}
    assert not SchoolCalendar.objects.exists()


def test_days_off_are_added_and_removed(school, core) -> None:
    day = dt.date(2026, 11, 11)
    day_off = school_day_off_add(actor=core, school=school, kind="studiedag", start_date=day,
                                 end_date=day, description=" Studiedag ")
    assert day_off.description == "Studiedag"
    days = school_days(school_ids=[school.pk], start=dt.date(2026, 11, 9),
                       end=dt.date(2026, 11, 13))
    assert day not in days.column("day").to_pylist()
    with pytest.raises(ValidationError):
        school_day_off_add(actor=core, school=school, kind="vrij", start_date=day,
                           end_date=day - dt.timedelta(days=1), description="")
    school_day_off_remove(actor=core, school=school, day_off_id=day_off.pk)
    assert not DayOff.objects.exists()


def test_another_school_may_not(school) -> None:
    other = SchoolFactory()
    outsider = actor_for(ProfessionalFactory(support_coordinator=True,
                                             organisation=other.organisation, core_team_of=other))
    with pytest.raises(Http404):
        school_calendar_update(actor=outsider, school=school, region="noord", minutes=WEEK,
                               lessons=LESSONS)
    with pytest.raises(Http404):
        school_calendar_get(actor=outsider, school_id=school.pk, today=dt.date(2026, 12, 2))
    assert not SchoolCalendar.objects.exists()
