"""The shared flow of every action on a case: load it through the policy (404 when not
readable), refuse politely when it is closed, parse the form, call the service, show its
validation errors beside the fields, or go back to the case page."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Protocol

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _

from schakel.access import policy
from schakel.access.actor import Actor, actor_from_request
from schakel.cases.models import Case
from schakel.cases.selectors import case_get
from schakel.http.forms import SchakelForm, apply_service_errors
from schakel.http.requests import is_htmx

FormFactory = Callable[[Case, QueryDict | None], SchakelForm]
Perform = Callable[[Actor, Case, SchakelForm], object]


class Decide(Protocol):
    """A policy decision about acting on a case (`policy.may_contribute_to_case`, ...)."""

    def __call__(self, actor: Actor, case: Case, *,
                 read: policy.Decision | None = None) -> policy.Decision: ...


def case_detail_url(case: Case, anchor: str = "") -> str:
    url = reverse("cases:detail", kwargs={"case_id": case.pk})
    return f"{url}#{anchor}" if anchor else url


def refusal(
    request: HttpRequest, case: Case, *, decide: Decide, actor: Actor,
    read: policy.Decision | None = None, refused: str = "",
) -> HttpResponse | None:
    """Send the user back to the case page when they may read but not do this."""
    if decide(actor, case, read=read):
        return None
    if case.is_closed:
        messages.info(request, _("This case is closed and can no longer be changed."))
    else:
        messages.info(request, refused or _("Only the coordinator can do this."))
    if is_htmx(request):  # reload the whole page rather than swap it into a fragment
        response = HttpResponse(status=204)
        response["HX-Redirect"] = case_detail_url(case)
        return response
    return redirect(case_detail_url(case))


def case_action(
    request: HttpRequest, case_id: int, *, form_factory: FormFactory, perform: Perform,
    title: str, submit: str, anchor: str, success: str,
    decide: Decide = policy.may_contribute_to_case, refused: str = "",
    template: str = "cases/action.html",
    context: Callable[[Case], Mapping[str, object]] | None = None,
) -> HttpResponse:
    actor = actor_from_request(request)
    case, read = case_get(actor=actor, case_id=case_id, content=False)
    refusal_response = refusal(request, case, decide=decide, actor=actor, read=read,
                               refused=refused)
    if refusal_response is not None:
        return refusal_response
    form = form_factory(case, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            perform(actor, case, form)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, success)
            return redirect(case_detail_url(case, anchor))
    if request.method != "POST" and is_htmx(request):
        # The case page fetches the form when it is opened (cases/partials/action_on_demand).
        response = render(request, "cases/partials/action_form.html", {
            "form": form, "submit": submit})
    else:
        response = render(request, template, {
            "case": case, "form": form, "title": title, "submit": submit, "anchor": anchor,
            **(context(case) if context else {}),
        })
    patch_vary_headers(response, ["HX-Request"])
    return response
