"""Forms of the children pages. They only parse input; the services decide."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from schakel.children.models import Child, CustodySource, Guardianship, MeasureKind
from schakel.children.search_query import MAX_LENGTH, child_query_parse
from schakel.http.forms import DateInput, SchakelForm
from schakel.organisations.models import Professional


class CustodyRecordForm(SchakelForm):
    prefix = "record"
    guardianship = forms.ChoiceField(label=_("Parent or carer"))
    source = forms.ChoiceField(label=_("Source"), choices=CustodySource.choices)
    start_date = forms.DateField(label=_("From"), widget=DateInput)
    end_date = forms.DateField(label=_("Until (last day)"), widget=DateInput, required=False)
    reference = forms.CharField(label=_("Reference (e.g. the court order)"), required=False,
                                max_length=200)

    def __init__(self, *args: Any, child: Child, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.guardianships = {
            str(g.pk): g for g in Guardianship.objects.filter(child=child).select_related(
                "guardian", "child").order_by("guardian__full_name")}
        cast(forms.ChoiceField, self.fields["guardianship"]).choices = [
            (key, f"{g.guardian.full_name} ({g.relation})")
            for key, g in self.guardianships.items()]

    def chosen(self) -> Guardianship:
        return self.guardianships[self.cleaned_data["guardianship"]]


class CustodyEndForm(SchakelForm):
    prefix = "end"
    custody = forms.IntegerField(widget=forms.HiddenInput)
    end_date = forms.DateField(label=_("Last day of custody"), widget=DateInput)


class MeasureStartForm(SchakelForm):
    kind = forms.ChoiceField(label=_("Measure"), choices=MeasureKind.choices)
    worker = forms.ModelChoiceField(queryset=Professional.objects.none(), label=_("Worker"))
    start_date = forms.DateField(label=_("From"), widget=DateInput())
    end_date = forms.DateField(label=_("Until (as ordered)"), widget=DateInput(),
                               required=False)

    def __init__(self, *args: Any, workers: list[Professional], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ModelChoiceField[Professional], self.fields["worker"])
        field.queryset = Professional.objects.filter(
            pk__in=[w.pk for w in workers]).order_by("full_name")


class MeasureEndForm(SchakelForm):
    measure = forms.IntegerField(widget=forms.HiddenInput)
    end_date = forms.DateField(label=_("Last day"), widget=DateInput())


class ChildSearchForm(SchakelForm):
    """The search box: one text, read as a name, a date of birth or a pupil number
    (`search_query.child_query_parse`); `cleaned_data["query"]` is the parsed search."""

    q = forms.CharField(label=_("Name, date of birth (dd-mm-yyyy) or pupil number"),
                        max_length=MAX_LENGTH, strip=True)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if "q" in cleaned:
            try:
                cleaned["query"] = child_query_parse(cleaned["q"])
            except ValidationError as error:
                self.add_error("q", error)
        return cleaned


class EdexmlUploadForm(SchakelForm):
    file = forms.FileField(
        label=_("EDEXML file"),
        help_text=_("The EDEXML 2.1 export of the school's administration system (ParnasSys, "
                    "Magister, Somtoday, ...): one school, all its pupils."))
