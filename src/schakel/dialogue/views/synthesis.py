"""Pages of a synthesis of dialogue tables: a new one, the synthesis with its rows and the
proposed merges (its chair confirms them), the conclusions, the overview report as HTML and
as PDF."""

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
from schakel.dialogue.forms import (
    MergeForm,
    RecommendationForm,
    StructuralForm,
    SynthesisCreateForm,
    SynthesisEditForm,
)
from schakel.dialogue.models import Synthesis
from schakel.dialogue.selectors.synthesis import synthesis_for_change, synthesis_get
from schakel.dialogue.selectors.tables import adopted_tables_for
from schakel.dialogue.services.synthesis import (
    synthesis_adopt,
    synthesis_create,
    synthesis_merge,
    synthesis_recommendation_add,
    synthesis_row_set_structural,
    synthesis_update,
)
from schakel.http.forms import apply_service_errors
from schakel.http.pdf import pdf_from_template


def synthesis_url(synthesis: Synthesis | int, anchor: str = "") -> str:
    pk = synthesis if isinstance(synthesis, int) else synthesis.pk
    url = reverse("dialogue:synthesis_detail", kwargs={"synthesis_id": pk})
    return f"{url}#{anchor}" if anchor else url


@login_required
def synthesis_create_view(request: HttpRequest) -> HttpResponse:
    actor = actor_from_request(request)
    form = SynthesisCreateForm(request.POST if request.method == "POST" else None,
                               tables=adopted_tables_for(actor=actor))
    if request.method == "POST" and form.is_valid():
        try:
            synthesis = synthesis_create(actor=actor, title=form.cleaned_data["title"],
                                         tables=list(form.cleaned_data["tables"]))
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The synthesis has been created."))
            return redirect(synthesis_url(synthesis))
    return render(request, "form_page.html", {
        "form": form, "title": _("New synthesis of dialogue tables"), "submit": _("Create"),
        "back": reverse("dialogue:list")})


def _render(request: HttpRequest, synthesis_id: int,
            recommendation_form: RecommendationForm | None = None) -> HttpResponse:
    page = synthesis_get(actor=actor_from_request(request), synthesis_id=synthesis_id)
    return render(request, "dialogue/synthesis.html", {
        "page": page, "synthesis": page.synthesis,
        "recommendation_form": recommendation_form or (
            RecommendationForm() if page.may_change else None),
        "merge_forms": [(group, MergeForm(auto_id=f"id_merge{number}_%s", initial={
            "rows": ",".join(str(r.row.pk) for r in group), "text": group[0].row.text}))
            for number, group in enumerate(page.proposals, start=1)]})


@login_required
@require_GET
def synthesis_detail(request: HttpRequest, synthesis_id: int) -> HttpResponse:
    return _render(request, synthesis_id)


@login_required
def synthesis_edit(request: HttpRequest, synthesis_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    synthesis = synthesis_for_change(actor=actor, synthesis_id=synthesis_id)
    form = SynthesisEditForm(request.POST if request.method == "POST" else None, initial={
        name: getattr(synthesis, name) for name in (
            "title", "method", "went_well", "could_be_better")})
    if request.method == "POST" and form.is_valid():
        try:
            synthesis_update(actor=actor, synthesis=synthesis, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The synthesis has been saved."))
            return redirect(synthesis_url(synthesis))
    return render(request, "form_page.html", {
        "form": form, "title": _("Edit the synthesis"), "submit": _("Save"),
        "back": synthesis_url(synthesis)})


def _step(request: HttpRequest, synthesis_id: int,
          perform: Callable[[Actor, Synthesis], object], success: str) -> HttpResponse:
    actor = actor_from_request(request)
    synthesis = synthesis_for_change(actor=actor, synthesis_id=synthesis_id)
    try:
        perform(actor, synthesis)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, success)
    return redirect(synthesis_url(synthesis, "factors"))


@login_required
@require_POST
def merge(request: HttpRequest, synthesis_id: int) -> HttpResponse:
    form = MergeForm(request.POST)
    form.is_valid()
    return _step(request, synthesis_id, lambda actor, synthesis: synthesis_merge(
        actor=actor, synthesis=synthesis,
        row_ids=form.row_ids() if "rows" in form.cleaned_data else [],
        text=form.cleaned_data.get("text", "")), _("The factors have been merged."))


@login_required
@require_POST
def structural(request: HttpRequest, synthesis_id: int) -> HttpResponse:
    form = StructuralForm(request.POST)
    valid = form.is_valid()
    return _step(request, synthesis_id, lambda actor, synthesis: synthesis_row_set_structural(
        actor=actor, synthesis=synthesis, row_id=form.cleaned_data["row"] if valid else 0,
        structural=form.decision() if valid else None), _("The factor has been saved."))


@login_required
@require_POST
def recommendation_add(request: HttpRequest, synthesis_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    synthesis = synthesis_for_change(actor=actor, synthesis_id=synthesis_id)
    form = RecommendationForm(request.POST)
    if form.is_valid():
        try:
            synthesis_recommendation_add(actor=actor, synthesis=synthesis, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The recommendation has been added."))
            return redirect(synthesis_url(synthesis, "recommendations"))
    return _render(request, synthesis_id, form)


@login_required
@require_POST
def adopt(request: HttpRequest, synthesis_id: int) -> HttpResponse:
    return _step(request, synthesis_id, lambda actor, synthesis: synthesis_adopt(
        actor=actor, synthesis=synthesis), _("The synthesis has been adopted."))


@login_required
@require_GET
def report(request: HttpRequest, synthesis_id: int) -> HttpResponse:
    page = synthesis_get(actor=actor_from_request(request), synthesis_id=synthesis_id)
    return render(request, "dialogue/report.html", {"page": page, "synthesis": page.synthesis})


@login_required
@require_GET
def report_pdf(request: HttpRequest, synthesis_id: int) -> HttpResponse:
    page = synthesis_get(actor=actor_from_request(request), synthesis_id=synthesis_id)
    document = pdf_from_template("dialogue/print/report.html", {"page": page},
                                 stylesheet="css/print/dialogue.css")
    response = HttpResponse(document, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="dialoogtafels-{page.synthesis.pk}.pdf"')
    response["Cache-Control"] = "no-store"
    return response
