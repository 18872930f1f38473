from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from schakel.accounts.models import User


class SignInForm(AuthenticationForm):
    """Username and password: the first factor."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("The username or password is not correct."),
    }

    def confirm_login_allowed(self, user: User) -> None:
        """Parents and young people sign in through the portal (`portal:login`), not here."""
        super().confirm_login_allowed(user)
        if not hasattr(user, "professional") and (
                hasattr(user, "guardian") or hasattr(user, "young_person")):
            raise forms.ValidationError(
                self.error_messages["invalid_login"], code="invalid_login",
                params={"username": self.username_field.verbose_name})


class CodeForm(forms.Form):
    """The second factor: the 6-digit code of the authenticator app, or a recovery code."""

    code = forms.CharField(
        label=_("Code"), max_length=32, strip=True,
        widget=forms.TextInput(attrs={
            "autocomplete": "one-time-code", "inputmode": "text", "autofocus": True,
            "autocapitalize": "off", "spellcheck": "false", "class": "utrecht-textbox",
        }),
    )
