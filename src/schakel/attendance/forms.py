from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from schakel.attendance.models import ImportProfile, Layout
from schakel.http.forms import SchakelForm
from schakel.organisations.models import School


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


class ProfileForm(SchakelForm):
    school = forms.ModelChoiceField(label=_("School"), queryset=School.objects.none())
    layout = forms.ChoiceField(label=_("Source"), choices=Layout.choices)
    name = forms.CharField(label=_("Name"), max_length=100,
                           help_text=_("For example: Magister, locatie Noord."))

    def __init__(self, *args: Any, schools: list[School], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["school"].queryset = School.objects.filter(  # type: ignore[attr-defined]
            pk__in=[school.pk for school in schools])
