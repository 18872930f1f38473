from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from schakel.http.forms import DateInput, SchakelForm
from schakel.organisations.models import Professional
from schakel.teams.models import MeetingFrequency


class _ProfessionalChoice(forms.ModelChoiceField[Professional]):
    def label_from_instance(self, obj: Professional) -> str:
        return f"{obj.full_name} ({obj.get_function_display()}, {obj.organisation.name})"


def _professionals() -> forms.ModelChoiceField[Professional]:
    return _ProfessionalChoice(
        queryset=Professional.objects.select_related("organisation").order_by("full_name"))


class MemberAddForm(SchakelForm):
    professional = _professionals()
    role = forms.CharField(label=_("Function in the team"), max_length=100, required=False)
    substitute = _professionals()
    start_date = forms.DateField(label=_("Member from"), widget=DateInput())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["professional"].label = _("Professional")
        self.fields["substitute"].label = _("Substitute")
        self.fields["substitute"].required = False
        self.fields["substitute"].help_text = _("A colleague of the same organisation.")


class MemberChangeForm(SchakelForm):
    role = forms.CharField(label=_("Function in the team"), max_length=100, required=False)
    substitute = _professionals()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["substitute"].label = _("Substitute")
        self.fields["substitute"].required = False


class MemberEndForm(SchakelForm):
    end_date = forms.DateField(label=_("Last day as a member"), widget=DateInput())


class CharterForm(SchakelForm):
    chair = _professionals()
    minute_taker = _professionals()
    frequency = forms.ChoiceField(label=_("How often"), choices=MeetingFrequency.choices)
    preparation = forms.CharField(label=_("Preparation"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 2}))
    way_of_meeting = forms.CharField(
        label=_("How we meet"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("How do we evaluate our goals, and how are the child and parents involved?"))
    fixed_agenda = forms.CharField(label=_("Fixed agenda items"), required=False,
                                   widget=forms.Textarea(attrs={"rows": 3}))
    substitution = forms.CharField(label=_("Attendance and substitution"), required=False,
                                   widget=forms.Textarea(attrs={"rows": 2}))
    minutes = forms.CharField(label=_("How we keep minutes"), required=False,
                              widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, members: list[Professional], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        ids = [member.pk for member in members]
        for name, label in (("chair", _("Chair")), ("minute_taker", _("Takes the minutes"))):
            field = self.fields[name]
            assert isinstance(field, forms.ModelChoiceField)  # noqa: S101
            field.label, field.required = label, False
            field.queryset = Professional.objects.select_related("organisation").filter(
                pk__in=ids).order_by("full_name")
