"""The forms of the Meldcode route: starting one, and one form per step (the step's own
fields beside date and findings). Which step may follow which is the service's."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from schakel.access import policy
from schakel.consent.models import InformationCategory, LegalGroundKind
from schakel.http.forms import DateInput, SchakelForm
from schakel.meldcode.models import RouteStep
from schakel.meldcode.steps import QUESTIONS
from schakel.organisations.models import Organisation
from schakel.signals.models import Signal

YES_NO = [("yes", _("Yes")), ("no", _("No"))]
REPORT_CATEGORIES = (InformationCategory.CARE, InformationCategory.SCHOOL,
                     InformationCategory.CONTACT)


def _yes_no(value: str) -> bool:
    return value == "yes"


class RouteStartForm(SchakelForm):
    signal = forms.ChoiceField(
        label=_("Started from the signal"), required=False,
        help_text=_("The signal of this case that raised your concern, if there is one."))

    def __init__(self, *args: Any, signals: list[Signal], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._signals = {str(signal.pk): signal for signal in signals}
        field = self.fields["signal"]
        assert isinstance(field, forms.ChoiceField)  # noqa: S101
        field.choices = [("", _("No signal"))] + [
            (key, f"{signal.theme} ({signal.raised_at:%d-%m-%Y})")
            for key, signal in self._signals.items()]

    def clean_signal(self) -> Signal | None:
        return self._signals.get(self.cleaned_data.get("signal") or "")


class StepForm(SchakelForm):
    performed_on = forms.DateField(label=_("Date"), widget=DateInput)
    findings = forms.CharField(label=_("What did you find?"), widget=forms.Textarea)


class ConsultationStepForm(StepForm):
    veilig_thuis_consulted = forms.BooleanField(
        label=_("Veilig Thuis was consulted"), required=False,
        help_text=_("Consulting (advies vragen) is not reporting: it can be anonymous."))


class WeighingStepForm(StepForm):
    findings = forms.CharField(label=_("Note on the weighing"), widget=forms.Textarea)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for question in QUESTIONS:
            self.fields[question.field] = forms.TypedChoiceField(
                label=f"{question.number}. {question.text}", choices=YES_NO,
                coerce=_yes_no, widget=forms.RadioSelect)
        self.order_fields(["performed_on", *(q.field for q in QUESTIONS), "findings"])


class DecisionStepForm(StepForm):
    findings = forms.CharField(label=_("What was decided, and why"), widget=forms.Textarea)
    help_organised = forms.BooleanField(label=_("Organise help"), required=False)
    reported = forms.BooleanField(
        label=_("Report to Veilig Thuis"), required=False,
        help_text=_("Required when there is acute or structural unsafety."))
    veilig_thuis = forms.ChoiceField(label=_("Veilig Thuis organisation"), required=False)
    categories = forms.MultipleChoiceField(
        label=_("What Veilig Thuis receives"), required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[(c.value, c.label) for c in REPORT_CATEGORIES])

    def __init__(self, *args: Any, organisations: list[Organisation], **kwargs: Any) -> None:
        kwargs.setdefault("initial", {}).setdefault(
            "categories", [c.value for c in REPORT_CATEGORIES])
        super().__init__(*args, **kwargs)
        self.fields["categories"].help_text = _(
            "The report opens only what it needs, for at most %(days)s days.") % {
            "days": policy.GROUND_RULES[LegalGroundKind.MELDCODE].max_days}
        self._organisations = {str(o.pk): o for o in organisations}
        field = self.fields["veilig_thuis"]
        assert isinstance(field, forms.ChoiceField)  # noqa: S101
        field.choices = [("", "—")] + [(key, o.name) for key, o in self._organisations.items()]

    def clean_veilig_thuis(self) -> Organisation | None:
        return self._organisations.get(self.cleaned_data.get("veilig_thuis") or "")


STEP_FORMS: dict[RouteStep, type[StepForm]] = {
    RouteStep.CONSULTATION: ConsultationStepForm, RouteStep.WEIGHING: WeighingStepForm,
    RouteStep.DECISION: DecisionStepForm}


def step_form_class(step: int) -> type[StepForm]:
    return STEP_FORMS.get(RouteStep(step), StepForm)
