from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from schakel.http.forms import SchakelForm
from schakel.patterns.services import NOTE_MAX


class EscalateForm(SchakelForm):
    note = forms.CharField(
        label=_("Note for management"), widget=forms.Textarea(attrs={"rows": 5}),
        max_length=NOTE_MAX,
        help_text=_("What the core team sees and asks of management (seed 004: collective "
                    "prevention with the partners). Management sees this note, the theme "
                    "and the counts, never the children."),
        error_messages={"required": _("Write what you ask of management.")})


class StatusForm(SchakelForm):
    ACTIONS = (("discussed", _("Discussed in the core team")), ("closed", _("Close")))
    action = forms.ChoiceField(choices=ACTIONS, error_messages={
        "required": _("Choose what happened to the pattern."),
        "invalid_choice": _("Choose what happened to the pattern.")})
