from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from schakel.dialogue.models import (
    Audience,
    DialogueTable,
    Domain,
    Factor,
    Level,
    Participant,
    Perspective,
    Valence,
)
from schakel.http.forms import SchakelForm
from schakel.organisations.models import Professional


class TableForm(SchakelForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    level = forms.ChoiceField(label=_("Kind of education"), choices=Level.choices)


class TableEditForm(TableForm):
    description = forms.CharField(
        label=_("Anonymised description of the child"), required=False, widget=forms.Textarea,
        help_text=_("No names, dates, schools or places: e.g. \"Kind: basisschoolleeftijd "
                    "(onderbouw) met gedragsproblematiek\"."))
    goal_realisation = forms.CharField(label=_("Goal realisation"), required=False,
                                       widget=forms.Textarea)


class ProposeForm(SchakelForm):
    reference = forms.CharField(
        label=_("Reference of the case"), max_length=20,
        help_text=_("A case you may read. Its plan and consultations are proposed as the "
                    "description, with names, dates, schools and places replaced; you then "
                    "edit it. The case is never shown with the table."))


class HistoryForm(SchakelForm):
    id_prefix = "history"
    moment = forms.CharField(label=_("When (approximately)"), max_length=100, required=False,
                             help_text=_("E.g. \"groep 5\" or a month."))
    description = forms.CharField(label=_("What"), max_length=300)


class ParticipantForm(SchakelForm):
    id_prefix = "participant"
    perspective = forms.ChoiceField(label=_("Perspective"), choices=Perspective.choices)
    role = forms.CharField(label=_("Role"), max_length=200,
                           help_text=_("A role, not a name: e.g. mother, mentor, coach."))
    organisation_type = forms.CharField(label=_("Kind of organisation"), max_length=200,
                                        required=False)
    professional = forms.ModelChoiceField(
        label=_("Account (a professional who reads and comments)"), required=False,
        queryset=Professional.objects.none())

    def __init__(self, *args: Any, professionals: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["professional"]
        assert isinstance(field, forms.ModelChoiceField)  # noqa: S101 - declared above
        field.queryset = professionals if professionals is not None else (
            Professional.objects.order_by("full_name"))


class FactorForm(SchakelForm):
    id_prefix = "factor"
    domain = forms.ChoiceField(label=_("Domain"), choices=[("", "---"), *Domain.choices],
                               required=False)
    valence = forms.ChoiceField(label=_("Helping or obstructing"),
                                choices=[("", "---"), *Valence.choices], required=False)
    text = forms.CharField(label=_("Factor"), max_length=500)
    case_specific = forms.BooleanField(
        label=_("Named in relation to this case"), required=False, initial=True,
        help_text=_("The \"c\" of the overview report; leave it off for a point named as "
                    "holding in general."))
    parent = forms.ModelChoiceField(label=_("Possible cause of"), required=False,
                                    queryset=Factor.objects.none())
    named_by = forms.ModelMultipleChoiceField(
        label=_("Named by"), required=False, queryset=Participant.objects.none(),
        widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args: Any, table: DialogueTable, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        parent = self.fields["parent"]
        named_by = self.fields["named_by"]
        assert isinstance(parent, forms.ModelChoiceField)  # noqa: S101 - declared above
        assert isinstance(named_by, forms.ModelMultipleChoiceField)  # noqa: S101
        parent.queryset = Factor.objects.filter(table=table)
        named_by.queryset = Participant.objects.filter(table=table)


class RecommendationForm(SchakelForm):
    id_prefix = "recommendation"
    audience = forms.ChoiceField(label=_("For"), choices=Audience.choices)
    text = forms.CharField(label=_("Recommendation"), widget=forms.Textarea)


class CommentForm(SchakelForm):
    id_prefix = "comment"
    text = forms.CharField(label=_("Your comment"), widget=forms.Textarea)


class SynthesisCreateForm(SchakelForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    tables = forms.ModelMultipleChoiceField(
        label=_("Adopted dialogue tables"), queryset=DialogueTable.objects.none(),
        widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args: Any, tables: list[DialogueTable], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["tables"]
        assert isinstance(field, forms.ModelMultipleChoiceField)  # noqa: S101
        field.queryset = DialogueTable.objects.filter(pk__in=[t.pk for t in tables])


class SynthesisEditForm(SchakelForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    method = forms.CharField(label=_("Method (werkwijze)"), required=False,
                             widget=forms.Textarea)
    went_well = forms.CharField(label=_("What goes well"), required=False,
                                widget=forms.Textarea, help_text=_("One conclusion per line."))
    could_be_better = forms.CharField(label=_("What could be better"), required=False,
                                      widget=forms.Textarea,
                                      help_text=_("One conclusion per line."))


class MergeForm(SchakelForm):
    rows = forms.CharField(widget=forms.HiddenInput)
    text = forms.CharField(label=_("Text of the merged factor"), max_length=500,
                           required=False)

    def row_ids(self) -> list[int]:
        return [int(part) for part in self.cleaned_data["rows"].split(",")
                if part.strip().isdigit()]


class StructuralForm(SchakelForm):
    row = forms.IntegerField(widget=forms.HiddenInput)
    structural = forms.ChoiceField(label=_("Incidental or structural"), choices=[
        ("", _("By the number of tables")), ("yes", _("Structural")),
        ("no", _("Incidental"))], required=False)

    def decision(self) -> bool | None:
        return {"yes": True, "no": False}.get(self.cleaned_data["structural"])
