"""The chronology's filter (a GET form): kinds as checkboxes, and a period."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from schakel.chronology.kinds import Kind
from schakel.chronology.selectors import ChronologyFilter
from schakel.http.forms import DateInput, SchakelForm


class ChronologyFilterForm(SchakelForm):
    kinds = forms.MultipleChoiceField(
        label=_("Show"), choices=Kind.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Nothing ticked: everything you may see."))
    date_from = forms.DateField(label=_("From"), required=False, widget=DateInput())
    date_to = forms.DateField(label=_("Up to and including"), required=False,
                              widget=DateInput())

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if start is not None and end is not None and end < start:
            self.add_error("date_to", _("The end of the period lies before its start."))
        return data

    def filters(self) -> ChronologyFilter:
        """The filter as entered; everything when the form is not valid."""
        if not self.is_valid():
            return ChronologyFilter()
        data = self.cleaned_data
        return ChronologyFilter(kinds=frozenset(Kind(k) for k in data["kinds"]),
                                date_from=data["date_from"], date_to=data["date_to"])
