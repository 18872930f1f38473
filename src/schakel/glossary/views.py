"""The glossary (begrippenlijst): read by everyone signed in, kept by a functional
administrator. Views parse input and call a selector or service, which decide access."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from schakel.access import policy
from schakel.access.actor import actor_from_request
from schakel.glossary.forms import GlossarySearchForm, TermForm
from schakel.glossary.models import Term
from schakel.glossary.selectors import glossary_editor_check, glossary_term_get, glossary_terms
from schakel.glossary.services import (
    glossary_term_create,
    glossary_term_delete,
    glossary_term_update,
)
from schakel.http.forms import apply_service_errors


@login_required
def term_list(request: HttpRequest) -> HttpResponse:
    actor = actor_from_request(request)
    search = GlossarySearchForm(request.GET or None)
    query = domain = ""
    if search.is_valid():
        query, domain = search.cleaned_data["q"], search.cleaned_data["domain"]
    return render(request, "glossary/terms.html", {
        "search": search, "rows": glossary_terms(query=query, domain=domain), "query": query,
        "may_edit": bool(policy.may_edit_glossary(actor)),
    })


def _initial(term: Term) -> dict[str, object]:
    initial: dict[str, object] = {
        "name": term.name, "expansion": term.expansion, "is_abbreviation": term.is_abbreviation}
    for meaning in term.meanings.all():
        initial[f"meaning_{meaning.domain}"] = meaning.text
    return initial


@login_required
def term_create(request: HttpRequest) -> HttpResponse:
    actor = actor_from_request(request)
    glossary_editor_check(actor=actor)
    form = TermForm(request.POST if request.method == "POST" else None,
                    initial={"is_abbreviation": True})
    if request.method == "POST" and form.is_valid():
        try:
            term = glossary_term_create(actor=actor, **form.term_data())  # type: ignore[arg-type]
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("“%(name)s” has been added to the glossary.")
                             % {"name": term.name})
            return redirect("glossary:list")
    return render(request, "glossary/term_edit.html", {"form": form, "term": None})


@login_required
def term_edit(request: HttpRequest, term_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    term = glossary_term_get(actor=actor, term_id=term_id)
    form = TermForm(request.POST if request.method == "POST" else None, initial=_initial(term))
    if request.method == "POST" and form.is_valid():
        try:
            glossary_term_update(actor=actor, term=term, **form.term_data())  # type: ignore[arg-type]
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("“%(name)s” has been changed.") % {"name": term.name})
            return redirect("glossary:list")
    return render(request, "glossary/term_edit.html", {"form": form, "term": term})


@login_required
@require_POST
def term_delete(request: HttpRequest, term_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    term = glossary_term_get(actor=actor, term_id=term_id)
    name = term.name
    if request.POST.get("confirm") != "yes":
        messages.error(request, _("Tick the box to confirm that “%(name)s” is to be removed.")
                       % {"name": name})
        return redirect("glossary:edit", term_id=term.pk)
    glossary_term_delete(actor=actor, term=term)
    messages.success(request, _("“%(name)s” has been removed from the glossary.") % {"name": name})
    return redirect("glossary:list")
