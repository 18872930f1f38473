from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from schakel.children.models import Child, Guardian
from schakel.http.forms import DateInput, SchakelForm
from schakel.meetings.models import DayPart, DecisionKind, MeetingKind
from schakel.organisations.models import Professional, SchoolClass


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%dT%H:%M")


class _People(forms.ModelMultipleChoiceField[Professional]):
    def label_from_instance(self, obj: Professional) -> str:
        return f"{obj.full_name} ({obj.get_function_display()}, {obj.organisation.name})"


class _Person(forms.ModelChoiceField[Professional]):
    def label_from_instance(self, obj: Professional) -> str:
        return f"{obj.full_name} ({obj.get_function_display()}, {obj.organisation.name})"


class MeetingPlanForm(SchakelForm):
    kind = forms.ChoiceField(label=_("Kind of meeting"), choices=MeetingKind.choices)
    starts_at = forms.DateTimeField(label=_("Starts"), widget=DateTimeInput(),
                                    input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"])
    duration_minutes = forms.IntegerField(label=_("Duration (minutes)"), initial=60)
    location = forms.CharField(label=_("Location"), max_length=200, required=False)
    video_link = forms.URLField(label=_("Video link"), required=False, assume_scheme="https")
    professionals = _People(queryset=Professional.objects.none(), required=False,
                            widget=forms.CheckboxSelectMultiple)
    guardians = forms.ModelMultipleChoiceField(
        queryset=Guardian.objects.none(), required=False, widget=forms.CheckboxSelectMultiple)
    young_person = forms.ModelChoiceField(queryset=Child.objects.none(), required=False)
    empty_chair_guest = _Person(queryset=Professional.objects.none(), required=False)
    empty_chair_purpose = forms.CharField(label=_("Why the guest comes"), max_length=300,
                                          required=False)

    def __init__(self, *args: Any, professionals: list[Professional],
                 guardians: list[Guardian], children: list[Child], guests: list[Professional],
                 kinds: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = kinds  # type: ignore[attr-defined]
        people = self.fields["professionals"]
        people.label = _("Invite")
        people.queryset = Professional.objects.select_related("organisation").filter(  # type: ignore[attr-defined]
            pk__in=[p.pk for p in professionals]).order_by("full_name")
        guest = self.fields["empty_chair_guest"]
        guest.label = _("Guest on the empty chair")
        guest.queryset = Professional.objects.select_related("organisation").filter(  # type: ignore[attr-defined]
            pk__in=[p.pk for p in guests]).order_by("full_name")
        if guardians or children:
            self.fields["guardians"].label = _("Parents")
            self.fields["guardians"].queryset = Guardian.objects.filter(  # type: ignore[attr-defined]
                pk__in=[g.pk for g in guardians])
            self.fields["young_person"].label = _("Young person")
            self.fields["young_person"].queryset = Child.objects.filter(  # type: ignore[attr-defined]
                pk__in=[c.pk for c in children])
        else:
            del self.fields["guardians"], self.fields["young_person"]


class RescheduleForm(SchakelForm):
    starts_at = forms.DateTimeField(label=_("Starts"), widget=DateTimeInput(),
                                    input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"])
    duration_minutes = forms.IntegerField(label=_("Duration (minutes)"))
    location = forms.CharField(label=_("Location"), max_length=200, required=False)
    video_link = forms.URLField(label=_("Video link"), required=False, assume_scheme="https")


class AgendaItemForm(SchakelForm):
    heading = forms.CharField(label=_("Item (about no child)"), max_length=200)
    note = forms.CharField(label=_("Note"), required=False,
                           widget=forms.Textarea(attrs={"rows": 2}))


class MinutesForm(SchakelForm):
    text = forms.CharField(label=_("Minutes"), widget=forms.Textarea(attrs={"rows": 3}))


class CorrectionForm(SchakelForm):
    text = forms.CharField(label=_("Corrected text"), widget=forms.Textarea(attrs={"rows": 4}))
    reason = forms.CharField(label=_("Why this correction"), max_length=500)


class DecisionForm(SchakelForm):
    item = forms.ChoiceField(label=_("About agenda item"), required=False)
    kind = forms.ChoiceField(label=_("Decision"), choices=DecisionKind.choices)
    description = forms.CharField(label=_("What"), widget=forms.Textarea(attrs={"rows": 2}))
    owner = _Person(queryset=Professional.objects.none())
    due_date = forms.DateField(label=_("By when"), widget=DateInput())
    school_class = forms.ModelChoiceField(queryset=SchoolClass.objects.none(), required=False)

    def __init__(self, *args: Any, owners: list[Professional], classes: list[SchoolClass],
                 items: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["item"].choices = [("", _("No item (collective action)")), *items]  # type: ignore[attr-defined]
        owner = self.fields["owner"]
        owner.label = _("Who")
        owner.queryset = Professional.objects.select_related("organisation").filter(  # type: ignore[attr-defined]
            pk__in=[p.pk for p in owners]).order_by("full_name")
        school_class = self.fields["school_class"]
        school_class.label = _("Class (collective action; empty: the whole school)")
        school_class.queryset = SchoolClass.objects.filter(pk__in=[c.pk for c in classes])  # type: ignore[attr-defined]


class AvailabilityForm(SchakelForm):
    slots = forms.MultipleChoiceField(
        label=_("When can you usually join a short online meeting?"), required=False,
        widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        days = [_("Monday"), _("Tuesday"), _("Wednesday"), _("Thursday"), _("Friday")]
        self.fields["slots"].choices = [  # type: ignore[attr-defined]
            (f"{weekday}:{part.value}", f"{days[weekday]}, {part.label}")
            for weekday in range(5) for part in DayPart]

    def chosen(self) -> list[tuple[int, str]]:
        return [(int(value.split(":")[0]), value.split(":")[1])
                for value in self.cleaned_data["slots"]]
