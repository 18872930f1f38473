"""Forms of the hand-over pages. Chosen ids are parsed as integers and resolved by the view
among what was offered, so that a tampered id gives 404."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from schakel.cases.forms import professional_choices
from schakel.handover.models import HandoverKind
from schakel.http.forms import SchakelForm
from schakel.organisations.models import Professional, School


class HandoverOfferForm(SchakelForm):
    prefix = "handover"
    kind = forms.ChoiceField(label=_("Hand over to"), widget=forms.RadioSelect)
    to_professional = forms.IntegerField(
        label=_("Professional who takes over"), required=False, widget=forms.Select,
        help_text=_("For a hand-over between professionals."))
    to_school = forms.IntegerField(
        label=_("School that takes over"), required=False, widget=forms.Select,
        help_text=_("For a hand-over between schools (PO → VO → MBO): the school's contact "
                    "point receives it."))
    summary = forms.CharField(
        label=_("Summary"), widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What the one who takes over needs to know: the question, what has been "
                    "done, what is next."))
    include_plan = forms.BooleanField(label=_("Include the plan"), required=False,
                                      initial=True)
    include_agreements = forms.BooleanField(label=_("Include the open agreements"),
                                            required=False, initial=True)
    include_advice = forms.BooleanField(label=_("Include the classroom advice"),
                                        required=False, initial=True)
    sender_stays_involved = forms.BooleanField(
        label=_("I stay involved after the hand-over"), required=False,
        help_text=_("Otherwise your involvement ends when the hand-over is accepted, and you "
                    "no longer see the case."))

    def __init__(self, *args: Any, kinds: Sequence[HandoverKind],
                 professionals: Iterable[Professional], schools: Iterable[School],
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        kind = self.fields["kind"]
        if isinstance(kind, forms.ChoiceField):
            kind.choices = [(k.value, k.label) for k in kinds]
        if len(kinds) == 1:
            kind.initial = kinds[0].value
        self.fields["to_professional"].widget.choices = professional_choices(
            professionals, str(_("Choose a professional")))
        self.fields["to_school"].widget.choices = [("", str(_("Choose a school"))), *(
            (s.pk, f"{s.name} ({s.get_school_type_display()}, {s.municipality})")
            for s in schools)]


class HandoverReturnForm(SchakelForm):
    prefix = "return"
    reason = forms.CharField(
        label=_("Reason for returning"), widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The sender reads this reason."))
