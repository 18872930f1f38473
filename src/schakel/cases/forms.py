"""Forms of the case pages. Ids of chosen objects are parsed as integers and resolved by the
view within the case (or what the actor may choose), so that a tampered id gives 404. Each
form that appears on the case page has its own prefix, so that field ids stay unique."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from schakel.cases.models import AgreementStatus, EscalationLevel
from schakel.http.forms import DateInput, SchakelForm
from schakel.organisations.models import Professional

SUBJECT_CHILD = "child"
SUBJECT_FAMILY = "family"


def professional_choices(
    professionals: Iterable[Professional], empty: str,
) -> list[tuple[int | str, str]]:
    return [("", empty), *(
        (p.pk, f"{p.full_name} — {p.get_function_display()}, {p.organisation.name}")
        for p in professionals)]


class CaseFilterForm(SchakelForm):
    closed = forms.BooleanField(label=_("Also show closed cases"), required=False)


class CaseOpenForm(SchakelForm):
    """Open a case from the core team; the pupil comes from the pupil search."""

    school = forms.IntegerField(widget=forms.HiddenInput)
    child = forms.IntegerField(label=_("Pupil"), required=False, widget=forms.HiddenInput)
    subject = forms.ChoiceField(
        label=_("The case is about"), widget=forms.RadioSelect, initial=SUBJECT_CHILD,
        choices=[(SUBJECT_CHILD, _("this child")), (SUBJECT_FAMILY, _("the whole family"))])
    title = forms.CharField(
        label=_("Short title"), max_length=200,
        help_text=_("A working title for the team, without sensitive details."))
    part = forms.CharField(
        label=_("Your part in the case"), max_length=300, required=False,
        help_text=_("For example: contact point of the school, chairs the core team."))


class CaseOpenFromSignalForm(SchakelForm):
    subject = forms.ChoiceField(
        label=_("The case is about"), widget=forms.RadioSelect, initial=SUBJECT_CHILD,
        choices=[(SUBJECT_CHILD, _("this child")), (SUBJECT_FAMILY, _("the whole family"))])
    title = CaseOpenForm.base_fields["title"]
    part = CaseOpenForm.base_fields["part"]

    def __init__(self, *args: Any, has_family: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not has_family:
            del self.fields["subject"]


class InvolveForm(SchakelForm):
    prefix = "involve"
    professional = forms.IntegerField(label=_("Professional"), widget=forms.Select)
    part = forms.CharField(
        label=_("Their part in the case"), max_length=300,
        help_text=_("What this professional does for the child or family."))
    start_date = forms.DateField(label=_("From"), required=False, widget=DateInput)

    def __init__(self, *args: Any, professionals: Iterable[Professional], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["professional"].widget.choices = professional_choices(
            professionals, str(_("Choose a professional")))


class EndInvolvementForm(SchakelForm):
    involvement = forms.IntegerField(widget=forms.HiddenInput)
    end_date = forms.DateField(label=_("Involved until"), widget=DateInput)


class CoordinatorForm(SchakelForm):
    prefix = "coordinator"
    professional = forms.IntegerField(label=_("Coordinator (regiehouder)"), widget=forms.Select)

    def __init__(self, *args: Any, professionals: Iterable[Professional], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["professional"].widget.choices = professional_choices(
            professionals, str(_("Choose an involved professional")))


class ConsultationForm(SchakelForm):
    prefix = "consultation"
    signals_seen = forms.CharField(
        label=_("Which signals are there, in and outside school?"), widget=forms.Textarea)
    already_started = forms.CharField(
        label=_("What has been started already, with what result?"), required=False,
        widget=forms.Textarea)
    wisdom = forms.CharField(
        label=_("What is wise, pooling our expertise?"), required=False, widget=forms.Textarea)
    who_takes_role = forms.CharField(
        label=_("Who in the core team takes an active role?"), required=False,
        widget=forms.Textarea)


CONSENSUS_YES = "yes"
CONSENSUS_NO = "no"


class PlanStepForm(SchakelForm):
    content = forms.CharField(label=_("Answer for this step"), widget=forms.Textarea)
    is_provisional = forms.BooleanField(
        label=_("Provisional (not yet agreed with everyone)"), required=False)
    consensus = forms.ChoiceField(
        label=_("Is there consensus among those involved?"), required=False,
        widget=forms.RadioSelect,
        choices=[("", _("Not recorded")), (CONSENSUS_YES, _("Yes")), (CONSENSUS_NO, _("No"))])
    dissent = forms.CharField(
        label=_("Dissenting views"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Without consensus, record the dissenting views concretely."))

    def __init__(self, *args: Any, records_consensus: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not records_consensus:
            del self.fields["consensus"]
            del self.fields["dissent"]

    def consensus_value(self) -> bool | None:
        value = self.cleaned_data.get("consensus", "")
        return {CONSENSUS_YES: True, CONSENSUS_NO: False}.get(value)

    @staticmethod
    def initial_for(consensus: bool | None) -> str:
        if consensus is None:
            return ""
        return CONSENSUS_YES if consensus else CONSENSUS_NO


class AgreementForm(SchakelForm):
    prefix = "agreement"
    description = forms.CharField(label=_("What will be done"), widget=forms.Textarea(
        attrs={"rows": 3}))
    owner = forms.IntegerField(label=_("Who"), widget=forms.Select)
    due_date = forms.DateField(label=_("By when"), widget=DateInput)
    is_provisional = forms.BooleanField(label=_("Provisional agreement"), required=False)

    def __init__(self, *args: Any, professionals: Iterable[Professional], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].widget.choices = professional_choices(
            professionals, str(_("Choose who")))


class AgreementStatusForm(SchakelForm):
    agreement = forms.IntegerField(widget=forms.HiddenInput)
    status = forms.ChoiceField(label=_("Status"), choices=AgreementStatus.choices)


class InterventionForm(SchakelForm):
    prefix = "intervention"
    description = forms.CharField(label=_("Intervention"), max_length=300)
    provider = forms.CharField(label=_("Provider"), max_length=200)
    start_date = forms.DateField(label=_("From"), widget=DateInput)
    end_date = forms.DateField(label=_("Until"), required=False, widget=DateInput)
    effect = forms.CharField(label=_("Effect"), required=False, widget=forms.Textarea(
        attrs={"rows": 3}))


class AdviceForm(SchakelForm):
    prefix = "advice"
    advice = forms.CharField(
        label=_("Advice for the classroom"), widget=forms.Textarea,
        help_text=_("What the teacher can do in class; no diagnosis or care details."))


class EscalateForm(SchakelForm):
    prefix = "escalate"
    level = forms.ChoiceField(label=_("Escalate to"), choices=EscalationLevel.choices)
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))


class CloseForm(SchakelForm):
    prefix = "close"
    reason = forms.CharField(
        label=_("Reason for closing"), widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The school's contact point and everyone involved are told the case is "
                    "closed."))


class EmergencyAccessForm(SchakelForm):
    reason = forms.CharField(
        label=_("Reason for the emergency access"), max_length=2000, widget=forms.Textarea,
        help_text=_("Why the child's interest cannot wait for consent. The privacy officer "
                    "and the coordinator are told."),
        error_messages={"required": _("Give the reason for the emergency access.")})
