"""The portal's pages for parents and young people. Thin: reads through `portal.selectors`,
changes through `portal.services`; who sees what is decided in `access.policy.portal`."""

from __future__ import annotations

from typing import Any

from django.contrib import auth, messages
from django.contrib.auth import views as auth_views
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from schakel.audit.events import EventCode
from schakel.consent.models import Consent
from schakel.http.forms import apply_service_errors
from schakel.http.requests import int_or_none
from schakel.portal.forms import (
    ConsentGiveForm,
    ContributionForm,
    CorrectionForm,
    InformationRequestForm,
    OwnViewForm,
    PortalSignInForm,
)
from schakel.portal.models import EntryType
from schakel.portal.panels import PORTAL_CASE_SECTIONS, PORTAL_HOME_SECTIONS
from schakel.portal.selectors.access_log import portal_access_log_page
from schakel.portal.selectors.consent import (
    child_for_portal,
    pending_consent_of,
    portal_consent_overview,
)
from schakel.portal.selectors.family import (
    case_for_portal,
    portal_case_page,
    portal_child_get,
    portal_entry_get,
    portal_home,
)
from schakel.portal.selectors.information import portal_information_page
from schakel.portal.services.consent import (
    portal_consent_cosign,
    portal_consent_decline,
    portal_consent_give,
    portal_consent_withdraw,
)
from schakel.portal.services.family import (
    case_share_with_parents,
    correction_request_create,
    own_view_add,
    plan_sign,
    portal_contribution_add,
)
from schakel.portal.services.information import information_request_ask
from schakel.portal.signin import (
    portal_actor,
    portal_next_url,
    portal_public,
    portal_session_user,
    portal_signed_in,
    portal_view,
)

# --- signing in and out ------------------------------------------------------------------


@method_decorator(sensitive_post_parameters("password"), name="dispatch")
class PortalSignInView(auth_views.LoginView):
    template_name = "portal/login.html"
    form_class = PortalSignInForm

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if portal_session_user(request) is not None:
            return redirect(portal_next_url(request, self.get_redirect_url()))
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form: PortalSignInForm) -> HttpResponse:  # type: ignore[override]
        return redirect(portal_signed_in(self.request, form.get_user(), self.get_redirect_url()))


sign_in = portal_public(PortalSignInView.as_view())


@portal_public
@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    auth.logout(request)
    return redirect("portal:login")


# --- reading -----------------------------------------------------------------------------


@portal_view
def home(request: HttpRequest) -> HttpResponse:
    actor = portal_actor(request)
    page = portal_home(actor=actor)
    return render(request, "portal/home.html",
                  {"home": page, "sections": PORTAL_HOME_SECTIONS.panels(actor, page)})


@portal_view
def child(request: HttpRequest, child_id: int) -> HttpResponse:
    row = portal_child_get(actor=portal_actor(request), child_id=child_id)
    return render(request, "portal/child.html", {"row": row})


@portal_view
@require_http_methods(["GET", "POST"])
def school_info(request: HttpRequest, child_id: int) -> HttpResponse:
    """A parent without custody: their requests for information and the answers, and a form
    to ask (BW 1:377c)."""
    actor = portal_actor(request)
    page = portal_information_page(actor=actor, child_id=child_id)
    form = InformationRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            information_request_ask(actor=actor, child=page.child,
                                    question=form.cleaned_data["question"])
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Your request has been sent. You will be told when "
                                        "it has been answered."))
            return redirect("portal:school_info", child_id=page.child.pk)
    return render(request, "portal/school_info.html", {"page": page, "form": form})


@portal_view
def case(request: HttpRequest, case_id: int) -> HttpResponse:
    actor = portal_actor(request)
    page = portal_case_page(actor=actor, case_id=case_id)
    return render(request, "portal/case.html", {
        "page": page, "case": page.case, "contribution_form": ContributionForm(),
        "entry_types": EntryType, "sections": PORTAL_CASE_SECTIONS.panels(actor, page.case)})


@portal_view
def access_log(request: HttpRequest, child_id: int) -> HttpResponse:
    the_child, page = portal_access_log_page(
        actor=portal_actor(request), child_id=child_id, page_number=request.GET.get("page"))
    return render(request, "portal/access_log.html", {"child": the_child, "page": page})


# --- the plan ----------------------------------------------------------------------------


def _case_url(case_id: int, anchor: str = "") -> str:
    url = reverse("portal:case", kwargs={"case_id": case_id})
    return f"{url}#{anchor}" if anchor else url


@portal_view
@require_http_methods(["GET", "POST"])
def contribute(request: HttpRequest, case_id: int) -> HttpResponse:
    actor = portal_actor(request)
    the_case = case_for_portal(actor=actor, case_id=case_id,
                                         event_code=EventCode.PORTAL_CONTRIBUTION)
    form = ContributionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            portal_contribution_add(actor=actor, case=the_case,
                                             content=form.cleaned_data["content"])
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Your perspective has been added to the plan."))
            return redirect(_case_url(case_id, "step-3"))
    return render(request, "portal/form.html", {
        "case": the_case, "form": form, "title": _("Add my perspective to the plan"),
        "submit": _("Add to the plan"), "action": request.path})


@portal_view
@require_POST
def sign(request: HttpRequest, case_id: int) -> HttpResponse:
    actor = portal_actor(request)
    the_case = case_for_portal(actor=actor, case_id=case_id,
                                         event_code=EventCode.PORTAL_PLAN_SIGN)
    try:
        plan_sign(actor=actor, case=the_case)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("You have signed the plan."))
    return redirect(_case_url(case_id, "signatures"))


@portal_view
@require_POST
def share(request: HttpRequest, case_id: int) -> HttpResponse:
    actor = portal_actor(request)
    the_case = case_for_portal(actor=actor, case_id=case_id, event_code=EventCode.PORTAL_SHARE)
    shared = request.POST.get("share") == "1"
    case_share_with_parents(actor=actor, case=the_case, share=shared)
    messages.success(request, _("Your parents can now see this case.") if shared
                     else _("Your parents can no longer see this case."))
    return redirect(_case_url(case_id))


def _entry_type(value: str) -> str:
    if value not in EntryType.values:
        raise Http404
    return value


@portal_view
@require_http_methods(["GET", "POST"])
def own_view(request: HttpRequest, case_id: int, entry_type: str, entry_id: int) -> HttpResponse:
    actor = portal_actor(request)
    the_case, entry = portal_entry_get(
        actor=actor, case_id=case_id, entry_type=_entry_type(entry_type), entry_id=entry_id)
    form = OwnViewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            own_view_add(actor=actor, case=the_case, entry_type=entry_type,
                                  entry_id=entry_id, text=form.cleaned_data["text"])
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Your view has been added to the file."))
            return redirect(_case_url(case_id))
    return render(request, "portal/form.html", {
        "case": the_case, "entry": entry, "form": form, "title": _("Add my view"),
        "submit": _("Add my view"), "action": request.path})


@portal_view
@require_http_methods(["GET", "POST"])
def correction(request: HttpRequest, case_id: int, entry_type: str, entry_id: int,
               ) -> HttpResponse:
    actor = portal_actor(request)
    the_case, entry = portal_entry_get(
        actor=actor, case_id=case_id, entry_type=_entry_type(entry_type), entry_id=entry_id)
    form = CorrectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            correction_request_create(
                actor=actor, case=the_case, entry_type=entry_type, entry_id=entry_id,
                text=form.cleaned_data["text"])
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Your request has been sent to the coordinator."))
            return redirect(_case_url(case_id))
    return render(request, "portal/form.html", {
        "case": the_case, "entry": entry, "form": form, "title": _("Ask for a correction"),
        "submit": _("Send the request"), "action": request.path})


# --- consent -----------------------------------------------------------------------------


def _consent_url(child_id: int) -> str:
    return reverse("portal:consent", kwargs={"child_id": child_id})


@portal_view
@require_http_methods(["GET", "POST"])
def consent(request: HttpRequest, child_id: int) -> HttpResponse:
    actor = portal_actor(request)
    overview = portal_consent_overview(actor=actor, child_id=child_id)
    form = ConsentGiveForm(request.POST or None, organisations=overview.organisations)
    if request.method == "POST":
        if not overview.may_give:
            raise Http404
        if form.is_valid():
            try:
                result = portal_consent_give(
                    actor=actor, child=overview.child, organisation=form.chosen_organisation(),
                    category=form.cleaned_data["category"], purpose=form.cleaned_data["purpose"])
            except ValidationError as error:
                apply_service_errors(form, error)
            else:
                messages.success(request, _("Your consent has been recorded.") if isinstance(
                    result, Consent) else _(
                    "Your consent has been recorded. It applies once the others who must "
                    "consent have signed too."))
                return redirect(_consent_url(child_id))
    return render(request, "portal/consent.html", {"overview": overview, "form": form})


@portal_view
@require_POST
def consent_pending(request: HttpRequest, child_id: int) -> HttpResponse:
    """Sign or decline a consent that waits for a signature."""
    actor = portal_actor(request)
    the_child = child_for_portal(actor=actor, child_id=child_id,
                                           event_code=EventCode.PORTAL_CONSENT_COSIGN)
    pending = pending_consent_of(
        child=the_child, pending_id=int_or_none(request.POST.get("pending")) or 0)
    if pending is None:
        raise Http404
    try:
        if request.POST.get("decision") == "decline":
            portal_consent_decline(actor=actor, pending=pending)
            messages.success(request, _("The consent has been declined; nothing is shared."))
        elif portal_consent_cosign(actor=actor, pending=pending) is not None:
            messages.success(request, _("Your consent has been recorded and now applies."))
        else:
            messages.success(request, _("Your signature has been recorded; one more is needed."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(_consent_url(child_id))


@portal_view
@require_POST
def consent_withdraw(request: HttpRequest, child_id: int) -> HttpResponse:
    actor = portal_actor(request)
    consent_id = int_or_none(request.POST.get("consent")) or 0
    if request.POST.get("confirmed") != "yes":
        # First ask: a withdrawal takes effect at once and cannot be undone.
        overview = portal_consent_overview(actor=actor, child_id=child_id)
        row = next((r for r in overview.consents if r.consent.pk == consent_id), None)
        if row is None or row.consent.withdrawn_at is not None or not overview.may_give:
            return redirect(_consent_url(child_id))
        return render(request, "portal/consent_withdraw_confirm.html",
                      {"overview": overview, "consent": row.consent})
    the_child = child_for_portal(actor=actor, child_id=child_id,
                                           event_code=EventCode.PORTAL_CONSENT_WITHDRAW)
    try:
        portal_consent_withdraw(
            actor=actor, child=the_child,
            consent_id=consent_id)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The consent has been withdrawn. It no longer applies, "
                                    "from now on."))
    return redirect(_consent_url(child_id))

