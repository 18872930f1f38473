from __future__ import annotations

from typing import TYPE_CHECKING

from django import forms
from django.utils.translation import gettext_lazy as _

from schakel.http.forms import DateInput, SchakelForm
from schakel.schoolcalendar.models import WEEKDAYS, DayOffKind, HolidayRegion

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

def _minutes(label: StrOrPromise) -> forms.IntegerField:
    return forms.IntegerField(label=label, min_value=0, max_value=720)


def _lessons(label: StrOrPromise) -> forms.IntegerField:
    return forms.IntegerField(label=label, min_value=0, max_value=20)


class CalendarForm(SchakelForm):
    region = forms.ChoiceField(label=_("Holiday region"), choices=HolidayRegion.choices)
    minutes_monday = _minutes(_("Minutes on Monday"))
    minutes_tuesday = _minutes(_("Minutes on Tuesday"))
    minutes_wednesday = _minutes(_("Minutes on Wednesday"))
    minutes_thursday = _minutes(_("Minutes on Thursday"))
    minutes_friday = _minutes(_("Minutes on Friday"))
    lessons_monday = _lessons(_("Lessons on Monday"))
    lessons_tuesday = _lessons(_("Lessons on Tuesday"))
    lessons_wednesday = _lessons(_("Lessons on Wednesday"))
    lessons_thursday = _lessons(_("Lessons on Thursday"))
    lessons_friday = _lessons(_("Lessons on Friday"))

    def timetable(self) -> tuple[tuple[int, ...], tuple[int, ...]]:
        data = self.cleaned_data
        return (tuple(data[f"minutes_{day}"] for day in WEEKDAYS),
                tuple(data[f"lessons_{day}"] for day in WEEKDAYS))


class DayOffForm(SchakelForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=DayOffKind.choices)
    start_date = forms.DateField(label=_("First day"), widget=DateInput)
    end_date = forms.DateField(label=_("Last day"), widget=DateInput)
    description = forms.CharField(label=_("Description"), max_length=200, required=False)
