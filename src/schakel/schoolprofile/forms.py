from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from schakel.http.forms import SchakelForm


class MonitorImportForm(SchakelForm):
    file = forms.FileField(
        label=_("Monitor file (CSV)"),
        help_text=_("The regional monitor's figures: brin;peildatum;onderdeel;categorie;aantal"
                    " (see the format below)."))
