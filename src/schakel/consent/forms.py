"""Forms of the consent pages. They only parse input; the services decide."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from schakel.access import policy
from schakel.access.policy import consenters
from schakel.children.models import Child, Guardian, Measure
from schakel.consent.models import ConsentMethod, InformationCategory, LegalGroundKind
from schakel.consent.selectors import recipient_organisations
from schakel.http.forms import DateInput, SchakelForm

YOUNG_PERSON = "young_person"
VOOGD = "voogd"


class SharingCheckForm(SchakelForm):
    child_id = forms.IntegerField(widget=forms.HiddenInput)
    organisation = forms.ModelChoiceField(
        label=_("Share with (organisation)"), queryset=recipient_organisations())
    category = forms.ChoiceField(
        label=_("Which information"), choices=InformationCategory.choices)


if TYPE_CHECKING:
    _ModelMultipleChoiceField = forms.ModelMultipleChoiceField[Guardian]
else:
    _ModelMultipleChoiceField = forms.ModelMultipleChoiceField


class _GuardianChoice(_ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.full_name)


class ConsentRecordForm(SchakelForm):
    organisation = forms.ModelChoiceField(
        label=_("Receiving organisation"), queryset=recipient_organisations())
    category = forms.ChoiceField(
        label=_("Information category"), choices=InformationCategory.choices)
    purpose = forms.CharField(label=_("Purpose"), widget=forms.Textarea(attrs={"rows": 2}))
    method = forms.ChoiceField(
        label=_("How was the consent given?"), choices=ConsentMethod.choices,
        widget=forms.RadioSelect)
    given_at = forms.DateField(label=_("Given on"), widget=DateInput)
    valid_until = forms.DateField(label=_("Valid until"), widget=DateInput, required=False)
    guardians = _GuardianChoice(
        label=_("Consent given by parents or carers"), queryset=Guardian.objects.none(),
        widget=forms.CheckboxSelectMultiple, required=False)
    young_person = forms.BooleanField(
        label=_("Consent given by the young person"), required=False)
    voogd = forms.BooleanField(
        label=_("Consent given by the voogd: I sign for my certified institution"),
        required=False)

    def __init__(self, *args: Any, child: Child, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not Measure.objects.filter(child=child, kind__in=policy.VOOGDIJ_KINDS).exists():
            del self.fields["voogd"]  # offered only for a child with a voogdij
        guardians = cast(_GuardianChoice, self.fields["guardians"])
        guardians.queryset = Guardian.objects.filter(guardianships__child=child).order_by(
            "full_name")


class ConsentWithdrawForm(SchakelForm):
    withdrawn_by = forms.ChoiceField(label=_("Withdrawn by"))
    confirm = forms.BooleanField(
        label=_("Yes, withdraw this consent now: the sharing stops at once."))

    def __init__(self, *args: Any, child: Child, **kwargs: Any) -> None:
        """Offers only who may withdraw today (`consenters.may_withdraw`: who must consent),
        and no one by default."""
        super().__init__(*args, **kwargs)
        requirement = policy.consent_requirement(child, timezone.localdate())
        choices: list[tuple[str, str]] = [("", str(_("Choose who withdraws")))]
        choices += [
            (str(g.pk), g.full_name)
            for g in Guardian.objects.filter(guardianships__child=child).order_by("full_name")
            if consenters.may_withdraw(requirement, guardian_id=g.pk, young_person=False)]
        if consenters.may_withdraw(requirement, guardian_id=None, young_person=True):
            choices.append((YOUNG_PERSON, child.first_name))
        voogdij = policy.voogdij_on(child, timezone.localdate())
        if voogdij is not None and consenters.may_withdraw(
                requirement, guardian_id=None, young_person=False,
                voogd_id=voogdij.organisation_id):
            choices.append((VOOGD, str(_("%(organisation)s (voogd)") % {
                "organisation": voogdij.organisation.name})))
        self.withdrawers = choices
        cast(forms.ChoiceField, self.fields["withdrawn_by"]).choices = choices

    def withdrawer(self) -> tuple[Guardian | None, bool, bool]:
        """(the guardian who withdraws, the young person, the voogd)."""
        value = self.cleaned_data["withdrawn_by"]
        if value == YOUNG_PERSON:
            return None, True, False
        if value == VOOGD:
            return None, False, True
        return Guardian.objects.get(pk=int(value)), False, False


class LegalGroundRecordForm(SchakelForm):
    prefix = "ground"  # shares the page with the consent form
    organisation = forms.ModelChoiceField(
        label=_("Receiving organisation"), queryset=recipient_organisations())
    category = forms.ChoiceField(
        label=_("Information category"), choices=InformationCategory.choices)
    # The OTS duty to inform follows from the measure and is never recorded by hand.
    kind = forms.ChoiceField(label=_("Legal ground"), choices=[
        (value, label) for value, label in LegalGroundKind.choices
        if value != LegalGroundKind.OTS_DUTY_TO_INFORM])
    reference = forms.CharField(
        label=_("Reference"), help_text=_("Article, report or decision."),
        widget=forms.Textarea(attrs={"rows": 2}))
    valid_from = forms.DateField(label=_("From"), widget=DateInput)
    valid_until = forms.DateField(label=_("Until"), widget=DateInput, required=False)


class LegalGroundEndForm(SchakelForm):
    end_date = forms.DateField(label=_("End date"), widget=DateInput, required=False)
