from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from schakel.attendance.models import ImportProfile
from schakel.http.forms import SchakelForm


class ProfileChoice(forms.ModelChoiceField[ImportProfile]):
    def label_from_instance(self, obj: ImportProfile) -> str:
        return f"{obj.school.name}: {obj}"


class ImportForm(SchakelForm):
    profile = ProfileChoice(
        label=_("Import profile"), queryset=ImportProfile.objects.none(),
        help_text=_("The school and the system the file comes from, with its codes."))
    file = forms.FileField(
        label=_("Export file"),
        help_text=_("CSV (separated by ; or ,) or an Excel workbook (.xlsx) with one sheet."))

    def __init__(self, *args: Any, profiles: list[ImportProfile], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["profile"].queryset = ImportProfile.objects.filter(  # type: ignore[attr-defined]
            pk__in=[profile.pk for profile in profiles]).select_related("school")
