from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from schakel.http.forms import SchakelForm
from schakel.organisations.models import Professional
from schakel.triage.models import Urgency


class TriageForm(SchakelForm):
    assignee = forms.ModelChoiceField(
        label=_("Who picks it up"), queryset=Professional.objects.none(), required=False,
        empty_label=_("Nobody yet"),
        help_text=_("A member of this school's core team; they are told without the child's "
                    "name."))
    urgency = forms.TypedChoiceField(
        label=_("Urgency"), coerce=int, required=False, empty_value=None,
        choices=[("", _("Not set")), *Urgency.choices])
    for_next_meeting = forms.BooleanField(
        label=_("For the next core team meeting"), required=False,
        help_text=_("Puts the signal on the agenda of the school's next kernteam meeting."))

    def __init__(self, *args: Any, members: list[Professional], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["assignee"]
        if isinstance(field, forms.ModelChoiceField):
            field.queryset = Professional.objects.filter(
                pk__in=[m.pk for m in members]).order_by("full_name")
