"""Signing in: password, second factor, enrolment of an authenticator, recovery codes, and the
organisation's OpenID Connect sign-in. Thin: the flow lives in `signin`, changes in
`services`."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods
from django_otp.plugins.otp_static.models import StaticDevice
from mozilla_django_oidc.views import OIDCAuthenticationRequestView

from schakel.accounts import services
from schakel.accounts.forms import CodeForm, SignInForm
from schakel.accounts.oidc import ProfessionalOIDCCallbackView
from schakel.accounts.qr import totp_qr_svg, totp_secret_text
from schakel.accounts.selectors import has_second_factor, recovery_codes_left
from schakel.accounts.signin import (
    NEXT_URL,
    first_factor_passed,
    pending_next_url,
    safe_next_url,
    second_factor_failed,
    second_factor_passed,
    second_factor_verified,
    session_user,
)


@method_decorator(sensitive_post_parameters("password"), name="dispatch")
class SignInView(auth_views.LoginView):
    """Step 1: username and password (django-axes counts failures)."""

    template_name = "accounts/login.html"
    form_class = SignInForm

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if second_factor_verified(request):
            return redirect(safe_next_url(request, self.get_redirect_url()))
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form: SignInForm) -> HttpResponse:  # type: ignore[override]
        return redirect(first_factor_passed(self.request, form.get_user(),
                                            self.get_redirect_url()))

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["oidc_enabled"] = settings.SCHAKEL_OIDC_ENABLED
        return context


def _remember_next(request: HttpRequest) -> None:
    if "next" in request.GET:
        request.session[NEXT_URL] = safe_next_url(request, request.GET["next"])


@never_cache
@sensitive_post_parameters("code")
@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    """Step 2: the code from the authenticator app, or a recovery code."""
    user = session_user(request)
    if user is None:
        return redirect(settings.LOGIN_URL)
    _remember_next(request)
    if second_factor_verified(request):
        return redirect(pending_next_url(request))
    if not has_second_factor(user=user):
        return redirect("accounts:enrol")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = services.second_factor_match(user=user, code=form.cleaned_data["code"])
        if device is not None:
            next_url = second_factor_passed(request, user, device)
            if isinstance(device, StaticDevice):
                left = recovery_codes_left(user=user)
                messages.warning(request, ngettext(
                    "You signed in with a recovery code. You have %(count)d code left.",
                    "You signed in with a recovery code. You have %(count)d codes left.",
                    left) % {"count": left})
            return redirect(next_url)
        if second_factor_failed(request, user):
            return redirect(settings.LOGIN_URL)
        form.add_error("code", _("That code is not correct, or you tried too quickly. "
                                 "Wait a moment and try the code that is shown now."))
    return render(request, "accounts/verify.html", {"form": form})


@never_cache
@sensitive_post_parameters("code")
@require_http_methods(["GET", "POST"])
def enrol(request: HttpRequest) -> HttpResponse:
    """Set up an authenticator app: scan the QR code (or type the secret), confirm with a code,
    then note the recovery codes, which are shown only this once."""
    user = session_user(request)
    if user is None:
        return redirect(settings.LOGIN_URL)
    _remember_next(request)
    if has_second_factor(user=user):
        return redirect("accounts:verify")
    device = services.totp_enrolment_start(user=user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            device, codes = services.totp_enrolment_confirm(
                user=user, code=form.cleaned_data["code"])
        except ValidationError as error:
            if second_factor_failed(request, user):
                return redirect(settings.LOGIN_URL)
            form.add_error("code", error)
        else:
            next_url = second_factor_passed(request, user, device)
            return render(request, "accounts/recovery_codes.html",
                          {"codes": codes, "next_url": next_url, "enrolled": True})
    context = {
        "form": form,
        "qr_svg": totp_qr_svg(device, label=_("QR code for your authenticator app")),
        "secret": totp_secret_text(device),
    }
    return render(request, "accounts/enrol.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def recovery_codes(request: HttpRequest) -> HttpResponse:
    """See how many recovery codes are left, and replace them (shown once)."""
    user = session_user(request)
    if user is None:  # the middleware already requires a verified session
        return redirect(settings.LOGIN_URL)
    if request.method == "POST":
        codes = services.recovery_codes_replace(user=user)
        return render(request, "accounts/recovery_codes.html",
                      {"codes": codes, "next_url": safe_next_url(request, None)})
    return render(request, "accounts/recovery_codes_status.html",
                  {"left": recovery_codes_left(user=user)})


def _oidc_enabled() -> None:
    if not settings.SCHAKEL_OIDC_ENABLED:
        raise Http404


def oidc_start(request: HttpRequest) -> HttpResponseBase:
    """Go to the organisation's identity provider (authorization code flow with PKCE)."""
    _oidc_enabled()
    response: HttpResponseBase = OIDCAuthenticationRequestView.as_view()(request)
    return response


def oidc_callback(request: HttpRequest) -> HttpResponseBase:
    _oidc_enabled()
    response: HttpResponseBase = ProfessionalOIDCCallbackView.as_view()(request)
    return response
