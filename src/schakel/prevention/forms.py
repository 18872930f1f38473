from __future__ import annotations

from django import forms
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from schakel.http.forms import SchakelForm
from schakel.prevention.models import TOP_SIZE, PyramidLevel, RankedKind, Sector


def _places() -> list[tuple[str, str | Promise]]:
    return [("", _("First free place")), *((str(n), str(n)) for n in range(1, TOP_SIZE + 1))]


class RankedItemForm(SchakelForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=RankedKind.choices)
    rank = forms.TypedChoiceField(label=_("Place in the top 12"), choices=_places,
                                  coerce=int, empty_value=None, required=False)
    text = forms.CharField(label=_("Description"), max_length=300)


class RankedItemEditForm(SchakelForm):
    rank = forms.TypedChoiceField(label=_("Place in the top 12"), coerce=int,
                                  choices=lambda: _places()[1:])
    text = forms.CharField(label=_("Description"), max_length=300)


class OfferForm(SchakelForm):
    sector = forms.ChoiceField(label=_("Sector"), choices=Sector.choices)
    level = forms.ChoiceField(label=_("Level of the prevention pyramid"),
                              choices=PyramidLevel.choices)
    name = forms.CharField(label=_("Offer"), max_length=200,
                           help_text=_("E.g. a training in social skills, a parents' evening."))
    provider = forms.CharField(label=_("Provided by"), max_length=200, required=False)
    description = forms.CharField(label=_("Description"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 3}))


class AmbitionForm(SchakelForm):
    what = forms.CharField(label=_("What"), widget=forms.Textarea(attrs={"rows": 3}))
    how = forms.CharField(label=_("How"), required=False,
                          widget=forms.Textarea(attrs={"rows": 3}))
    who = forms.CharField(label=_("Who"), required=False,
                          widget=forms.Textarea(attrs={"rows": 3}))


class RegieForm(SchakelForm):
    subject = forms.CharField(label=_("Regie over"), max_length=200,
                              help_text=_("E.g. the overview of the offer, the evaluation."))
    holder = forms.CharField(label=_("Who has the regie"), max_length=200)
    agreement = forms.CharField(label=_("Agreement"), required=False,
                                widget=forms.Textarea(attrs={"rows": 3}),
                                help_text=_("How we keep the overview and safeguard quality "
                                            "and effectiveness."))
