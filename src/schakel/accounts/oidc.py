"""Sign-in through an organisation's identity provider (OpenID Connect, mozilla-django-oidc).

Configured only by environment (see `schakel.settings.oidc`). A signed-in identity is matched
to an existing professional by e-mail address; nobody is created. Unless the provider is
trusted to have checked two factors (`OIDC_PROVIDES_SECOND_FACTOR`), Schakel then asks its own
second factor like after a password.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView

from schakel.accounts.models import User
from schakel.accounts.selectors import professional_users_by_email
from schakel.accounts.signin import (
    first_factor_passed,
    idp_second_factor_passed,
    pending_next_url,
    second_factor_verified,
    sign_in_locked,
)


class ProfessionalOIDCBackend(OIDCAuthenticationBackend):  # type: ignore[misc]
    """Finds the professional whose e-mail address the identity provider asserts."""

    def verify_claims(self, claims: dict[str, Any]) -> bool:
        return bool(str(claims.get("email") or "").strip())

    def filter_users_by_claims(self, claims: dict[str, Any]) -> QuerySet[User]:
        if claims.get("email_verified") is False:
            return User.objects.none()
        return professional_users_by_email(email=str(claims.get("email") or ""))

    def create_user(self, claims: dict[str, Any]) -> User:
        raise PermissionDenied("Professionals are not created by signing in.")


class ProfessionalOIDCCallbackView(OIDCAuthenticationCallbackView):  # type: ignore[misc]
    """After the provider: the first factor is done; the second may follow."""

    def login_success(self) -> HttpResponseRedirect:
        request = self.request
        user: User = self.user
        if sign_in_locked(request, user):
            return redirect("accounts:login")
        next_step = first_factor_passed(request, user, request.session.get("oidc_login_next"))
        idp_second_factor_passed(request, user)
        if second_factor_verified(request):
            return redirect(pending_next_url(request))
        return redirect(next_step)

    def login_failure(self) -> HttpResponseRedirect:
        messages.error(self.request, _(
            "Signing in with your organisation did not succeed. Your e-mail address may not be "
            "known in Schakel; ask your functional administrator."))
        return redirect("accounts:login")
