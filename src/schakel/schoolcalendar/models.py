"""School years, the national school holidays per region, and each school's own calendar: its
region, study days and days off, and lesson minutes per weekday. Together they say which days
are school days, the basis of "4 opeenvolgende lesweken" (Leerplichtwet art. 21a)."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from schakel.organisations.models import School, SchoolType


class HolidayRegion(models.TextChoices):
    """The three holiday regions of the Netherlands (Rijksoverheid, schoolvakanties)."""

    NORTH = "noord", _("North")
    MIDDLE = "midden", _("Middle")
    SOUTH = "zuid", _("South")


def school_year_name(day: dt.date) -> str:
    """A school year runs from 1 August to 31 July (WPO art. 1, WVO art. 1): "2026-2027"."""
    first = day.year if day.month >= 8 else day.year - 1
    return f"{first}-{first + 1}"


class SchoolYear(models.Model):
    name = models.CharField(_("school year"), max_length=9, unique=True)
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))

    class Meta:
        ordering = ["start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gt=F("start_date")), name="school_year_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class HolidayKind(models.TextChoices):
    AUTUMN = "herfst", _("Autumn holiday")
    CHRISTMAS = "kerst", _("Christmas holiday")
    SPRING = "voorjaar", _("Spring holiday")
    MAY = "mei", _("May holiday")
    SUMMER = "zomer", _("Summer holiday")
    PUBLIC = "feestdag", _("Public holiday")


class Holiday(models.Model):
    """A national school holiday or public holiday of one region (shipped as data,
    `data/holidays.json`); the end date is the last day off."""

    school_year = models.ForeignKey(
        SchoolYear, on_delete=models.CASCADE, related_name="holidays",
        verbose_name=_("school year"),
    )
    region = models.CharField(_("region"), max_length=6, choices=HolidayRegion.choices)
    kind = models.CharField(_("kind"), max_length=8, choices=HolidayKind.choices)
    name = models.CharField(_("name"), max_length=100)
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))

    class Meta:
        ordering = ["start_date", "region"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")), name="holiday_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_region_display()})"


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday")

# The defaults when a school has set nothing: primary schools 5.5 hours a day and a shorter
# Wednesday morning (two half days, dagdelen, one on Wednesday); secondary schools 8 lessons
# of 50 minutes.
PRIMARY_MINUTES = (330, 330, 210, 330, 330)
PRIMARY_LESSONS = (2, 2, 1, 2, 2)
SECONDARY_MINUTES = (400, 400, 400, 400, 400)
SECONDARY_LESSONS = (8, 8, 8, 8, 8)
DEFAULT_REGION = HolidayRegion.MIDDLE


def default_timetable(school_type: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Lesson minutes and lessons per weekday (Monday first) for a type of school."""
    if school_type in (SchoolType.PO, SchoolType.SO):
        return PRIMARY_MINUTES, PRIMARY_LESSONS
    return SECONDARY_MINUTES, SECONDARY_LESSONS


class SchoolCalendar(models.Model):
    """A school's own settings; a school without one has the defaults of its type and region
    midden."""

    school = models.OneToOneField(
        School, on_delete=models.CASCADE, related_name="calendar", verbose_name=_("school")
    )
    region = models.CharField(
        _("holiday region"), max_length=6, choices=HolidayRegion.choices, default=DEFAULT_REGION
    )
    minutes_monday = models.PositiveSmallIntegerField(_("minutes on Monday"))
    minutes_tuesday = models.PositiveSmallIntegerField(_("minutes on Tuesday"))
    minutes_wednesday = models.PositiveSmallIntegerField(_("minutes on Wednesday"))
    minutes_thursday = models.PositiveSmallIntegerField(_("minutes on Thursday"))
    minutes_friday = models.PositiveSmallIntegerField(_("minutes on Friday"))
    lessons_monday = models.PositiveSmallIntegerField(_("lessons on Monday"))
    lessons_tuesday = models.PositiveSmallIntegerField(_("lessons on Tuesday"))
    lessons_wednesday = models.PositiveSmallIntegerField(_("lessons on Wednesday"))
    lessons_thursday = models.PositiveSmallIntegerField(_("lessons on Thursday"))
    lessons_friday = models.PositiveSmallIntegerField(_("lessons on Friday"))

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(minutes_monday__lte=720, minutes_tuesday__lte=720,
                            minutes_wednesday__lte=720, minutes_thursday__lte=720,
                            minutes_friday__lte=720),
                name="school_calendar_minutes_within_a_day",
            ),
        ]

    def __str__(self) -> str:
        return str(self.school)

    def minutes(self) -> tuple[int, ...]:
        return tuple(getattr(self, f"minutes_{day}") for day in WEEKDAYS)

    def lessons(self) -> tuple[int, ...]:
        return tuple(getattr(self, f"lessons_{day}") for day in WEEKDAYS)


class DayOffKind(models.TextChoices):
    STUDY_DAY = "studiedag", _("Study day")
    DAY_OFF = "vrij", _("Day off")


class DayOff(models.Model):
    """Days on which a school has no lessons besides the national holidays: study days and
    school-specific days off (the end date is the last day off)."""

    school = models.ForeignKey(
        School, on_delete=models.CASCADE, related_name="days_off", verbose_name=_("school")
    )
    kind = models.CharField(_("kind"), max_length=9, choices=DayOffKind.choices)
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    description = models.CharField(_("description"), max_length=200, blank=True)

    class Meta:
        ordering = ["start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")), name="day_off_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.school}: {self.start_date}"
