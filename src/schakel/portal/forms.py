"""Forms of the portal (parents and young people) and of the coordinator's portal pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from schakel.accounts.models import User
from schakel.consent.models import InformationCategory
from schakel.http.forms import SchakelForm
from schakel.organisations.models import Organisation
from schakel.portal.models import CorrectionStatus
from schakel.portal.signin import is_portal_account

TEXTBOX = "utrecht-textbox utrecht-textbox--html-input"


class PortalSignInForm(AuthenticationForm):
    """Username or e-mail address, and password. Only portal accounts (parents and young
    people) get in; django-axes counts the failures as for professionals."""

    username = forms.CharField(
        label=_("Username or e-mail address"), max_length=254,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username",
                                      "class": TEXTBOX}))
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("The username, e-mail address or password is not correct."),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["password"].widget.attrs["class"] = TEXTBOX

    def clean(self) -> dict[str, Any]:
        """An e-mail address that belongs to exactly one portal account stands for its
        username; axes then counts failures against that username."""
        typed = (self.cleaned_data.get("username") or "").strip()
        if "@" in typed:
            matches = [u for u in User.objects.filter(email__iexact=typed)[:5]
                       if is_portal_account(u)]
            if len(matches) == 1:
                self.cleaned_data["username"] = matches[0].get_username()
        return super().clean()

    def confirm_login_allowed(self, user: User) -> None:
        super().confirm_login_allowed(user)
        if not is_portal_account(user):
            raise forms.ValidationError(
                self.error_messages["invalid_login"], code="invalid_login",
                params={"username": self.username_field.verbose_name})


class ContributionForm(SchakelForm):
    content = forms.CharField(
        label=_("My perspective and wishes"), widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What would you like the situation to be? What is important to you? This "
                    "is added beside what the professionals wrote; it does not replace it."))


class OwnViewForm(SchakelForm):
    text = forms.CharField(
        label=_("My view on this entry"), widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Your view is added to the file beside the entry. The entry itself is not "
                    "changed."))


class CorrectionForm(SchakelForm):
    text = forms.CharField(
        label=_("What is not correct, and what should it be?"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("The coordinator answers within a month and tells you what was done."))


class ConsentGiveForm(SchakelForm):
    organisation = forms.TypedChoiceField(label=_("Who may receive the information?"),
                                          coerce=int)
    category = forms.ChoiceField(
        label=_("Which information?"), choices=InformationCategory.choices,
        widget=forms.RadioSelect)
    purpose = forms.CharField(
        label=_("What for?"), widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: to coordinate the help at school and at home."))

    def __init__(self, *args: Any, organisations: list[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.organisations = {o.pk: o for o in organisations}
        field = self.fields["organisation"]
        assert isinstance(field, forms.ChoiceField)  # noqa: S101
        field.choices = [("", _("Choose an organisation")),
                         *((o.pk, o.name) for o in organisations)]

    def chosen_organisation(self) -> Organisation:
        organisation: Organisation = self.organisations[self.cleaned_data["organisation"]]
        return organisation


class CorrectionAnswerForm(SchakelForm):
    status = forms.ChoiceField(
        label=_("Your decision"), widget=forms.RadioSelect,
        choices=[(CorrectionStatus.CORRECTED, _("Corrected: I corrected the entry")),
                 (CorrectionStatus.DECLINED, _("Not corrected"))])
    answer = forms.CharField(
        label=_("Answer to the requester"), widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Shown to the parent or young person. When you do not correct the entry, "
                    "say why; they can still add their own view to it."))


class WithholdForm(SchakelForm):
    reason = forms.CharField(
        label=_("Why is this withheld from the parents?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Only in the child's interest. The reason is recorded; the young person "
                    "still sees the entry."))


class InformationRequestForm(SchakelForm):
    question = forms.CharField(
        label=_("What would you like to know?"), widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For example: which school and class, or whether there are worries and "
                    "whom you can talk to."))


GRANT = "grant"
REFUSE = "refuse"


class InformationAnswerForm(SchakelForm):
    decision = forms.ChoiceField(
        label=_("Your answer"), widget=forms.RadioSelect,
        choices=[(GRANT, _("Give the information")),
                 (REFUSE, _("Refuse: it is not in the child's interest"))])
    share_school = forms.BooleanField(label=_("Share the school and class"), required=False)
    share_case = forms.BooleanField(
        label=_("Share whether there is a case and who the contact is"), required=False)
    message = forms.CharField(
        label=_("Message to the parent"), widget=forms.Textarea(attrs={"rows": 3}),
        required=False, help_text=_("Shown to the parent with what you share."))
    refusal_reason = forms.CharField(
        label=_("Why is it not in the child's interest?"),
        widget=forms.Textarea(attrs={"rows": 3}), required=False,
        help_text=_("Recorded; the parent sees only that the request was refused."))

    def __init__(self, *args: Any, shows_case: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not shows_case:
            del self.fields["share_case"]  # from 16 a case is not shared (BW 7:457)
