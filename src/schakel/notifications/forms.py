"""The preferences form: one choice per kind of notification, only the choices the rule
allows (`notifications.preferences`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from schakel.http.forms import SchakelForm
from schakel.notifications.selectors import PreferenceRow

SAFETY_REFUSAL = _("This notification cannot be switched off: choose immediately or the "
                   "daily e-mail.")


class NotificationPreferencesForm(SchakelForm):
    def __init__(self, *args: Any, rows: Sequence[PreferenceRow], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for row in rows:
            field = forms.ChoiceField(
                label=row.kind.label, widget=forms.RadioSelect, initial=row.delivery,
                choices=[(choice.value, choice.label) for choice in row.choices],
                help_text=_("Safety-relevant: cannot be switched off.") if row.is_safety else "",
                error_messages={
                    "required": _("Choose how you want to receive this notification."),
                    "invalid_choice": SAFETY_REFUSAL if row.is_safety
                    else _("Choose one of the options shown."),
                })
            # The base class styled the fields it found at its start: style this one too.
            field.widget.attrs["class"] = "utrecht-radio-button utrecht-radio-button--html-input"
            self.fields[row.kind.value] = field

    def choices(self) -> dict[str, str]:
        return {kind: str(value) for kind, value in self.cleaned_data.items()}
