"""Forms of the retention pages. They parse input only; the services decide."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from schakel.http.forms import DateInput, SchakelForm
from schakel.retention.models import (
    REFUSAL_GROUND_SOURCES,
    RefusalGround,
    RequesterRelation,
    RuleAction,
    StartEvent,
)


class RuleForm(SchakelForm):
    period_years = forms.IntegerField(label=_("Years"), min_value=0, max_value=100)
    period_days = forms.IntegerField(label=_("Days"), min_value=0, max_value=36500)
    start_event = forms.ChoiceField(label=_("Counted from"), choices=StartEvent.choices)
    action = forms.ChoiceField(label=_("Then"), choices=RuleAction.choices)
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea(
        attrs={"rows": 3}))


class DestructionRegisterForm(SchakelForm):
    requested_by = forms.CharField(label=_("Requested by (name)"), max_length=200)
    requester_relation = forms.ChoiceField(
        label=_("Relation to the child"), choices=RequesterRelation.choices,
        widget=forms.RadioSelect)
    received_on = forms.DateField(label=_("Received on"), widget=DateInput())


class ChildSearchForm(SchakelForm):
    last_name = forms.CharField(label=_("Last name of the child"), max_length=100)
    birth_date = forms.DateField(label=_("Date of birth"), widget=DateInput())


class DestructionDecideForm(SchakelForm):
    GRANT, REFUSE = "grant", "refuse"
    decision = forms.ChoiceField(
        label=_("Decision"), widget=forms.RadioSelect,
        choices=[(GRANT, _("Grant: destroy the file")), (REFUSE, _("Refuse"))])
    refusal_ground = forms.ChoiceField(
        label=_("Ground for refusal"), required=False, widget=forms.RadioSelect,
        choices=[(value, f"{label} ({REFUSAL_GROUND_SOURCES[value]})")
                 for value, label in RefusalGround.choices],
        help_text=_("Only when refusing: the exceptions of Jeugdwet article 7.3.9."))
    reason = forms.CharField(
        label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required when refusing; the requester is told."))


class DestructionCarryOutForm(SchakelForm):
    confirm = forms.BooleanField(
        label=_("I understand that the child's case files are destroyed and cannot be "
                "restored."))


class VerwijsindexForm(SchakelForm):
    reported = forms.TypedChoiceField(
        label=_("Is the child also reported in the Verwijsindex risicojongeren?"),
        widget=forms.RadioSelect, coerce=lambda value: value == "yes",
        choices=[("yes", _("Yes")), ("no", _("No"))])
    reported_on = forms.DateField(label=_("Reported on"), required=False, widget=DateInput())
    reported_by = forms.CharField(
        label=_("Reported by (professional and organisation)"), required=False,
        max_length=200)
