"""Pages of the preventiematrix: the schools whose matrix I read, a school's matrix (with the
forms of its parts for whoever may change it), its print view, a place of the top 12 and the
shared ambition to edit, and the removal of a row."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from schakel.access.actor import Actor, actor_from_request
from schakel.http.forms import SchakelForm, apply_service_errors
from schakel.organisations.models import School
from schakel.prevention.forms import (
    AmbitionForm,
    OfferForm,
    RankedItemEditForm,
    RankedItemForm,
    RegieForm,
)
from schakel.prevention.selectors import (
    prevention_matrix_get,
    prevention_offer_for_change,
    prevention_schools_for,
    ranked_item_for_change,
    regie_agreement_for_change,
    school_for_prevention_change,
)
from schakel.prevention.services import (
    prevention_ambition_update,
    prevention_offer_add,
    prevention_offer_remove,
    ranked_item_add,
    ranked_item_remove,
    ranked_item_update,
    regie_agreement_add,
    regie_agreement_remove,
)


def matrix_url(school_id: int, anchor: str = "") -> str:
    url = reverse("prevention:detail", kwargs={"school_id": school_id})
    return f"{url}#{anchor}" if anchor else url


@login_required
@require_GET
def matrix_list(request: HttpRequest) -> HttpResponse:
    return render(request, "prevention/list.html", {
        "schools": prevention_schools_for(actor=actor_from_request(request))})


def _render_detail(request: HttpRequest, actor: Actor, school_id: int,
                   bound: dict[str, SchakelForm] | None = None) -> HttpResponse:
    page = prevention_matrix_get(actor=actor, school_id=school_id)
    forms: dict[str, SchakelForm] = {}
    if page.may_change:
        forms = {"ranked": RankedItemForm(), "offer": OfferForm(), "regie": RegieForm()}
        forms.update(bound or {})
    return render(request, "prevention/detail.html", {"page": page, "forms": forms})


@login_required
@require_GET
def matrix_detail(request: HttpRequest, school_id: int) -> HttpResponse:
    return _render_detail(request, actor_from_request(request), school_id)


@login_required
@require_GET
def matrix_print(request: HttpRequest, school_id: int) -> HttpResponse:
    page = prevention_matrix_get(actor=actor_from_request(request), school_id=school_id)
    return render(request, "prevention/print/matrix.html", {"page": page})


Perform = Callable[[Actor, School, SchakelForm], object]


def _add(request: HttpRequest, school_id: int, name: str, form: SchakelForm,
         perform: Perform, success: str) -> HttpResponse:
    actor = actor_from_request(request)
    school = school_for_prevention_change(actor=actor, school_id=school_id)
    if form.is_valid():
        try:
            perform(actor, school, form)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, success)
            return redirect(matrix_url(school_id, name))
    return _render_detail(request, actor, school_id, {name: form})


@login_required
@require_POST
def ranked_add(request: HttpRequest, school_id: int) -> HttpResponse:
    return _add(request, school_id, "ranked", RankedItemForm(request.POST),
                lambda actor, school, form: ranked_item_add(
                    actor=actor, school=school, **form.cleaned_data),
                _("The top 12 has been changed."))


@login_required
@require_POST
def offer_add(request: HttpRequest, school_id: int) -> HttpResponse:
    return _add(request, school_id, "offer", OfferForm(request.POST),
                lambda actor, school, form: prevention_offer_add(
                    actor=actor, school=school, **form.cleaned_data),
                _("The offer has been added to the matrix."))


@login_required
@require_POST
def regie_add(request: HttpRequest, school_id: int) -> HttpResponse:
    return _add(request, school_id, "regie", RegieForm(request.POST),
                lambda actor, school, form: regie_agreement_add(
                    actor=actor, school=school, **form.cleaned_data),
                _("The agreement on regie has been added."))


def _form_page(request: HttpRequest, form: SchakelForm, title: str, school_id: int,
               anchor: str) -> HttpResponse:
    return render(request, "form_page.html", {
        "form": form, "title": title, "submit": _("Save"),
        "back": matrix_url(school_id, anchor)})


@login_required
def ranked_edit(request: HttpRequest, school_id: int, ranked_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    item = ranked_item_for_change(actor=actor, school_id=school_id, item_id=ranked_id)
    form = RankedItemEditForm(request.POST if request.method == "POST" else None,
                              initial={"rank": item.rank, "text": item.text})
    if request.method == "POST" and form.is_valid():
        try:
            ranked_item_update(actor=actor, item=item, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The top 12 has been changed."))
            return redirect(matrix_url(school_id, "ranked"))
    return _form_page(request, form, str(item.get_kind_display()), school_id, "ranked")


@login_required
def ambition_edit(request: HttpRequest, school_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    school = school_for_prevention_change(actor=actor, school_id=school_id)
    matrix = getattr(school, "prevention_matrix", None)
    form = AmbitionForm(request.POST if request.method == "POST" else None, initial={
        "what": matrix.ambition_what if matrix else "",
        "how": matrix.ambition_how if matrix else "",
        "who": matrix.ambition_who if matrix else ""})
    if request.method == "POST" and form.is_valid():
        try:
            prevention_ambition_update(actor=actor, school=school, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The shared ambition has been saved."))
            return redirect(matrix_url(school_id, "ambition"))
    return _form_page(request, form, _("Shared ambition and approach"), school_id, "ambition")


def _removed(request: HttpRequest, school_id: int, anchor: str,
             remove: Callable[[], object], success: str) -> HttpResponse:
    remove()
    messages.success(request, success)
    return redirect(matrix_url(school_id, anchor))


@login_required
@require_POST
def ranked_remove(request: HttpRequest, school_id: int, ranked_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    item = ranked_item_for_change(actor=actor, school_id=school_id, item_id=ranked_id)
    return _removed(request, school_id, "ranked",
                    lambda: ranked_item_remove(actor=actor, item=item),
                    _("The place in the top 12 is free again."))


@login_required
@require_POST
def offer_remove(request: HttpRequest, school_id: int, offer_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    offer = prevention_offer_for_change(actor=actor, school_id=school_id, offer_id=offer_id)
    return _removed(request, school_id, "offer",
                    lambda: prevention_offer_remove(actor=actor, offer=offer),
                    _("The offer has been removed from the matrix."))


@login_required
@require_POST
def regie_remove(request: HttpRequest, school_id: int, regie_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    agreement = regie_agreement_for_change(actor=actor, school_id=school_id,
                                           agreement_id=regie_id)
    return _removed(request, school_id, "regie",
                    lambda: regie_agreement_remove(actor=actor, agreement=agreement),
                    _("The agreement on regie has been removed."))
