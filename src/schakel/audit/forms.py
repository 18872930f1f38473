from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from schakel.audit.models import Basis
from schakel.audit.selectors import AccessLogFilter


class AccessLogFilterForm(forms.Form):
    child_name = forms.CharField(label=_("Child's name"), required=False, max_length=200)
    child = forms.IntegerField(label=_("Child id"), required=False, min_value=1)
    user = forms.CharField(label=_("User (name or id)"), required=False, max_length=200)
    date_from = forms.DateField(label=_("From"), required=False,
                                widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label=_("Up to and including"), required=False,
                              widget=forms.DateInput(attrs={"type": "date"}))
    basis = forms.ChoiceField(label=_("Basis"), required=False,
                              choices=[("", _("Every basis")), *Basis.choices])
    refused = forms.BooleanField(label=_("Refusals only"), required=False)

    def filters(self) -> AccessLogFilter:
        """The filter from valid input; nothing filtered while the input is invalid."""
        if not self.is_valid():
            return AccessLogFilter()
        data = self.cleaned_data
        return AccessLogFilter(
            child_id=data["child"], child_name=data["child_name"] or "",
            user=data["user"] or "", date_from=data["date_from"], date_to=data["date_to"],
            basis=data["basis"] or "", refused_only=bool(data["refused"]))


class AccessLogExportForm(forms.Form):
    child = forms.IntegerField(label=_("Child id"), min_value=1)
