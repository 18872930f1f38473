from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from schakel.http.forms import DateInput, SchakelForm
from schakel.meetings.models import Meeting
from schakel.organisations.models import Professional
from schakel.teamdevelopment.ambition import SCORE_MAX, SCORE_MIN, Ring
from schakel.teamdevelopment.models import AmbitionParticipant
from schakel.teamdevelopment.statements import Item, Option, Questionnaire


class RoundOpenForm(SchakelForm):
    questionnaire = forms.ChoiceField(label=_("Questionnaire"), choices=Questionnaire.choices)


class SurveyAnswerForm(SchakelForm):
    """One radio group per statement or aspect; the service checks that all are answered."""

    def __init__(self, *args: Any, items: Sequence[Item], scale: Sequence[Option],
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(str(option.value), option.label) for option in scale]
        for item in items:
            self.fields[item.code] = forms.TypedChoiceField(
                label=str(item.text), choices=choices, coerce=int, required=False,
                widget=forms.RadioSelect)
        for field in self.fields.values():  # SchakelForm set its classes before these existed
            field.widget.attrs.setdefault(
                "class", "utrecht-radio-button utrecht-radio-button--html-input")

    def answers(self) -> dict[str, int | None]:
        return {code: (value if value != "" else None)
                for code, value in self.cleaned_data.items()}


class SessionStartForm(SchakelForm):
    meeting = forms.ModelChoiceField(
        label=_("Meeting"), queryset=Meeting.objects.none(),
        help_text=_("The meeting of the team in which the session is held; the first actions "
                    "become its decisions."))

    def __init__(self, *args: Any, meetings: Sequence[Meeting] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["meeting"]
        assert isinstance(field, forms.ModelChoiceField)  # noqa: S101
        field.queryset = Meeting.objects.filter(pk__in=[m.pk for m in meetings])


class NoteForm(SchakelForm):
    ring = forms.TypedChoiceField(label=_("Step (ring)"), choices=Ring.choices, coerce=int)
    text = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}))


class ParticipantForm(SchakelForm):
    professional = forms.ModelChoiceField(label=_("Participant"),
                                          queryset=Professional.objects.none())

    def __init__(self, *args: Any, professionals: Sequence[Professional] = (),
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["professional"]
        assert isinstance(field, forms.ModelChoiceField)  # noqa: S101
        field.queryset = Professional.objects.filter(pk__in=[p.pk for p in professionals])


class ScoresForm(SchakelForm):
    """Step 5: a mark for every participant, entered together."""

    def __init__(self, *args: Any, participants: Sequence[AmbitionParticipant] = (),
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for participant in participants:
            self.fields[f"score_{participant.pk}"] = forms.IntegerField(
                label=participant.professional.full_name, required=False,
                min_value=SCORE_MIN, max_value=SCORE_MAX)
            self.fields[f"score_{participant.pk}"].widget.attrs["class"] = (
                "utrecht-textbox utrecht-textbox--html-input")

    def scores(self) -> dict[int, int | None]:
        return {int(name.removeprefix("score_")): value
                for name, value in self.cleaned_data.items()}


class ParticipantChoiceField(forms.ModelChoiceField[AmbitionParticipant]):
    def label_from_instance(self, obj: AmbitionParticipant) -> str:
        return obj.professional.full_name


class ActionForm(SchakelForm):
    participant = ParticipantChoiceField(label=_("Participant"),
                                         queryset=AmbitionParticipant.objects.none())
    description = forms.CharField(label=_("First action"), widget=forms.Textarea(
        attrs={"rows": 2}))
    due_date = forms.DateField(label=_("By when"), widget=DateInput())

    def __init__(self, *args: Any, participants: Sequence[AmbitionParticipant] = (),
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["participant"]
        assert isinstance(field, forms.ModelChoiceField)  # noqa: S101
        field.queryset = AmbitionParticipant.objects.filter(
            pk__in=[p.pk for p in participants]).select_related("professional")
