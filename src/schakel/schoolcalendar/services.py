"""Changes to a school's calendar, by its core team. Each writes its access-log row."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.writer import Subject, access_event_record
from schakel.organisations.models import School
from schakel.schoolcalendar.models import (
    WEEKDAYS,
    DayOff,
    DayOffKind,
    HolidayRegion,
    SchoolCalendar,
)
from schakel.transactions import service_transaction

MAX_MINUTES = 720
MAX_LESSONS = 20
# A period of days off longer than this is a mistake (a school year has ~190 school days).
MAX_DAYS_OFF = 31


def _subject(school: School) -> Subject:
    return Subject("organisations.school", str(school.pk), None)


def _check(actor: Actor, school: School, action: Action) -> None:
    enforce(actor, policy.may_edit_school_calendar(actor, school.pk),
            event_code=EventCode.SCHOOL_CALENDAR_CHANGE, action=action, subject=_subject(school))


def school_calendar_update(
    *, actor: Actor, school: School, region: str, minutes: tuple[int, ...],
    lessons: tuple[int, ...],
) -> SchoolCalendar:
    """Set the school's holiday region and its lesson minutes and lessons per weekday."""
    _check(actor, school, Action.UPDATE)
    errors: dict[str, str] = {}
    if region not in HolidayRegion.values:
        errors["region"] = _("Choose the holiday region.")
    if len(minutes) != len(WEEKDAYS) or len(lessons) != len(WEEKDAYS):
        raise ValueError("one value per weekday, Monday to Friday")
    for day, value in zip(WEEKDAYS, minutes, strict=True):
        if not 0 <= value <= MAX_MINUTES:
            errors[f"minutes_{day}"] = _("Between 0 and %(max)d minutes.") % {"max": MAX_MINUTES}
    for day, value in zip(WEEKDAYS, lessons, strict=True):
        if not 0 <= value <= MAX_LESSONS:
            errors[f"lessons_{day}"] = _("Between 0 and %(max)d lessons.") % {"max": MAX_LESSONS}
    if errors:
        raise ValidationError(errors)
    values: dict[str, object] = {"region": region}
    values.update({f"minutes_{day}": m for day, m in zip(WEEKDAYS, minutes, strict=True)})
    values.update({f"lessons_{day}": n for day, n in zip(WEEKDAYS, lessons, strict=True)})
    with service_transaction():
        calendar, _created = SchoolCalendar.objects.update_or_create(school=school, defaults=values)
        access_event_record(actor=actor, event_code=EventCode.SCHOOL_CALENDAR_CHANGE,
                            action=Action.UPDATE, subject=_subject(school))
    return calendar


def school_day_off_add(
    *, actor: Actor, school: School, kind: str, start_date: dt.date, end_date: dt.date,
    description: str,
) -> DayOff:
    """Add a study day or a school-specific period of days off (end date inclusive)."""
    _check(actor, school, Action.CREATE)
    errors: dict[str, str] = {}
    if kind not in DayOffKind.values:
        errors["kind"] = _("Choose study day or day off.")
    if end_date < start_date:
        errors["end_date"] = _("The last day cannot be before the first day.")
    elif (end_date - start_date).days >= MAX_DAYS_OFF:
        errors["end_date"] = _("At most %(days)d days at once.") % {"days": MAX_DAYS_OFF}
    if errors:
        raise ValidationError(errors)
    with service_transaction():
        day_off = DayOff.objects.create(
            school=school, kind=kind, start_date=start_date, end_date=end_date,
            description=description.strip(),
        )
        access_event_record(actor=actor, event_code=EventCode.SCHOOL_CALENDAR_CHANGE,
                            action=Action.CREATE, subject=_subject(school))
    return day_off


def school_day_off_remove(*, actor: Actor, school: School, day_off_id: int) -> None:
    _check(actor, school, Action.DELETE)
    with service_transaction():
        DayOff.objects.filter(school=school, pk=day_off_id).delete()
        access_event_record(actor=actor, event_code=EventCode.SCHOOL_CALENDAR_CHANGE,
                            action=Action.DELETE, subject=_subject(school))
