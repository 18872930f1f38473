from __future__ import annotations

from typing import TYPE_CHECKING

from django import forms
from django.utils.translation import gettext_lazy as _

from schakel.glossary.models import Domain
from schakel.http.forms import SchakelForm

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


def _meaning(label: StrOrPromise) -> forms.CharField:
    return forms.CharField(label=label, required=False, widget=forms.Textarea(attrs={"rows": 2}))


class GlossarySearchForm(SchakelForm):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    domain = forms.ChoiceField(
        label=_("Domain"), required=False,
        choices=[("", _("All domains")), *Domain.choices])


class TermForm(SchakelForm):
    name = forms.CharField(label=_("Term or abbreviation"), max_length=40)
    expansion = forms.CharField(
        label=_("Written out"), max_length=200, required=False,
        help_text=_("What the abbreviation stands for, e.g. “multidisciplinair overleg”."))
    is_abbreviation = forms.BooleanField(
        label=_("Abbreviation: explain it wherever it appears in a text"), required=False)
    meaning_general = _meaning(_("Meaning (general)"))
    meaning_education = _meaning(_("Meaning in education"))
    meaning_care = _meaning(_("Meaning in care and youth health"))
    meaning_municipality = _meaning(_("Meaning at the municipality"))
    meaning_protection = _meaning(_("Meaning in child protection and safety"))

    def term_data(self) -> dict[str, object]:
        data = self.cleaned_data
        return {
            "name": data["name"], "expansion": data["expansion"],
            "is_abbreviation": data["is_abbreviation"],
            "meanings": {domain.value: data[f"meaning_{domain.value}"] for domain in Domain},
        }
