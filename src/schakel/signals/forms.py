"""Forms of the signals pages. Ids of chosen objects are parsed as integers and resolved by
the view within what the actor may choose, so that a tampered id gives 404."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from schakel.http.forms import SchakelForm
from schakel.organisations.models import School, SchoolClass
from schakel.signals.models import SignalLevel, SignalStatus, Theme
from schakel.signals.services import SIGNAL_TRANSITIONS


def _choices(items: Iterable[tuple[int, str]], empty: str) -> list[tuple[int | str, str]]:
    return [("", empty), *items]


class SchoolChoiceForm(SchakelForm):
    """Step one of raising a signal when the actor works with several schools."""

    school = forms.IntegerField(label=_("School"), widget=forms.Select)

    def __init__(self, *args: Any, schools: Iterable[School], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["school"].widget.choices = _choices(
            ((s.pk, s.name) for s in schools), str(_("Choose a school")))


class SignalRaiseForm(SchakelForm):
    school = forms.IntegerField(widget=forms.HiddenInput)
    level = forms.ChoiceField(
        label=_("This signal is about"), choices=SignalLevel.choices, widget=forms.RadioSelect,
        initial=SignalLevel.CHILD)
    child = forms.IntegerField(label=_("Pupil"), required=False, widget=forms.HiddenInput)
    school_class = forms.IntegerField(
        label=_("Class or group"), required=False, widget=forms.Select,
        help_text=_("Only for a signal about a whole class."))
    theme = forms.IntegerField(label=_("Theme"), widget=forms.Select)
    description = forms.CharField(
        label=_("What did you notice?"), widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Describe what you saw or heard, not your interpretation."))
    observed_outside_school = forms.BooleanField(
        label=_("Observed outside school"), required=False)

    def __init__(self, *args: Any, classes: Iterable[SchoolClass], themes: Iterable[Theme],
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["school_class"].widget.choices = _choices(
            ((c.pk, str(c)) for c in classes), str(_("No class")))
        labels = sorted(((t.pk, t.display_label) for t in themes), key=lambda c: c[1].casefold())
        self.fields["theme"].widget.choices = _choices(labels, str(_("Choose a theme")))


class SignalStatusForm(SchakelForm):
    status = forms.ChoiceField(label=_("New status"))
    collective_action = forms.CharField(
        label=_("Collective action"), required=False, max_length=300,
        help_text=_("Required when the signal feeds a collective action for the class or "
                    "school."))

    def __init__(self, *args: Any, current: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        allowed = SIGNAL_TRANSITIONS.get(current, frozenset())
        self.fields["status"].choices = [  # type: ignore[attr-defined]
            (value, label) for value, label in SignalStatus.choices if value in allowed]


class SignalFilterForm(SchakelForm):
    status = forms.ChoiceField(
        label=_("Status"), required=False,
        choices=[("", _("All statuses")), *SignalStatus.choices])
