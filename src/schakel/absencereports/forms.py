from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from schakel.absencereports.models import ClosingReason, MunicipalityAnswer
from schakel.http.forms import SchakelForm


class DraftForm(SchakelForm):
    suspected_reason = forms.CharField(
        label=_("Suspected reason"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}))
    school_action = forms.CharField(
        label=_("What the school did"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Conversations with the pupil and the parents, the care involved."))
    municipal_action_wanted = forms.BooleanField(
        label=_("The school asks the municipality to act"), required=False)


class SentForm(SchakelForm):
    sent_on = forms.DateField(label=_("Sent to DUO on"), input_formats=["%Y-%m-%d", "%d-%m-%Y"],
                              widget=forms.DateInput(attrs={"type": "date"}))


class AnswerForm(SchakelForm):
    answer = forms.ChoiceField(label=_("Answer of the municipality"),
                               choices=MunicipalityAnswer.choices)
    answered_on = forms.DateField(label=_("Answered on"),
                                  input_formats=["%Y-%m-%d", "%d-%m-%Y"],
                                  widget=forms.DateInput(attrs={"type": "date"}))
    closing_reason = forms.ChoiceField(label=_("Closing reason"), choices=ClosingReason.choices,
                                       required=False)
