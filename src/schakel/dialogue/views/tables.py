"""Pages of dialogue tables: my tables, a new one, a table with its sections (and, for its
chair, the forms to add to them; for a participant in review, the comment form), the
description proposed from a case, review and adoption. The synthesis pages are in
`views.synthesis`."""

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
from schakel.audit.events import EventCode
from schakel.dialogue.forms import (
    CommentForm,
    FactorForm,
    HistoryForm,
    ParticipantForm,
    ProposeForm,
    RecommendationForm,
    TableEditForm,
    TableForm,
)
from schakel.dialogue.models import DialogueTable
from schakel.dialogue.selectors.synthesis import syntheses_for
from schakel.dialogue.selectors.tables import (
    dialogue_table_for_change,
    dialogue_table_get,
    dialogue_tables_for,
)
from schakel.dialogue.services.tables import (
    dialogue_adopt,
    dialogue_description_propose,
    dialogue_review_start,
    dialogue_table_create,
    dialogue_table_update,
    factor_add,
    history_event_add,
    participant_add,
    recommendation_add,
    review_comment_add,
)
from schakel.http.forms import SchakelForm, apply_service_errors


def table_url(table: DialogueTable | int, anchor: str = "") -> str:
    pk = table if isinstance(table, int) else table.pk
    url = reverse("dialogue:detail", kwargs={"table_id": pk})
    return f"{url}#{anchor}" if anchor else url


@login_required
@require_GET
def table_list(request: HttpRequest) -> HttpResponse:
    actor = actor_from_request(request)
    return render(request, "dialogue/list.html", {
        "tables": dialogue_tables_for(actor=actor), "syntheses": syntheses_for(actor=actor)})


@login_required
def table_create(request: HttpRequest) -> HttpResponse:
    actor = actor_from_request(request)
    form = TableForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            table = dialogue_table_create(actor=actor, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The dialogue table has been created."))
            return redirect(table_url(table))
    return render(request, "form_page.html", {
        "form": form, "title": _("New dialogue table"), "submit": _("Create"),
        "back": reverse("dialogue:list")})


def _chair_forms(table: DialogueTable) -> dict[str, SchakelForm]:
    return {"history": HistoryForm(), "participant": ParticipantForm(),
            "factor": FactorForm(table=table), "recommendation": RecommendationForm()}


def _render_detail(request: HttpRequest, actor: Actor, table_id: int,
                   bound: dict[str, SchakelForm] | None = None) -> HttpResponse:
    page = dialogue_table_get(actor=actor, table_id=table_id)
    forms = _chair_forms(page.table) if page.may_change else {}
    if page.may_comment:
        forms["comment"] = CommentForm()
    forms.update(bound or {})
    return render(request, "dialogue/detail.html", {
        "page": page, "table": page.table, "forms": forms})


@login_required
@require_GET
def table_detail(request: HttpRequest, table_id: int) -> HttpResponse:
    return _render_detail(request, actor_from_request(request), table_id)


@login_required
def table_edit(request: HttpRequest, table_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    table = dialogue_table_for_change(actor=actor, table_id=table_id,
                                      event_code=EventCode.DIALOGUE_CHANGE)
    form = TableEditForm(request.POST if request.method == "POST" else None, initial={
        name: getattr(table, name) for name in (
            "title", "level", "description", "goal_realisation")})
    if request.method == "POST" and form.is_valid():
        try:
            dialogue_table_update(actor=actor, table=table, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The dialogue table has been saved."))
            return redirect(table_url(table))
    return render(request, "form_page.html", {
        "form": form, "title": _("Edit the dialogue table"), "submit": _("Save"),
        "back": table_url(table)})


@login_required
def table_propose(request: HttpRequest, table_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    table = dialogue_table_for_change(actor=actor, table_id=table_id,
                                      event_code=EventCode.DIALOGUE_CHANGE)
    form = ProposeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            dialogue_description_propose(actor=actor, table=table,
                                         case_reference=form.cleaned_data["reference"])
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The description has been proposed: check and edit "
                                        "it before the participants read it."))
            return redirect(reverse("dialogue:edit", kwargs={"table_id": table.pk}))
    return render(request, "form_page.html", {
        "form": form, "title": _("Propose the description from a case"),
        "submit": _("Propose"), "back": table_url(table)})


Perform = Callable[[Actor, DialogueTable, SchakelForm], object]


def _add(request: HttpRequest, table_id: int, name: str, form: SchakelForm,
         perform: Perform, success: str) -> HttpResponse:
    actor = actor_from_request(request)
    table = dialogue_table_for_change(actor=actor, table_id=table_id,
                                      event_code=EventCode.DIALOGUE_CHANGE)
    if form.is_valid():
        try:
            perform(actor, table, form)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, success)
            return redirect(table_url(table, name))
    return _render_detail(request, actor, table_id, {name: form})


@login_required
@require_POST
def history_add(request: HttpRequest, table_id: int) -> HttpResponse:
    return _add(request, table_id, "history", HistoryForm(request.POST),
                lambda actor, table, form: history_event_add(
                    actor=actor, table=table, **form.cleaned_data),
                _("The step of the history has been added."))


@login_required
@require_POST
def participant_add_view(request: HttpRequest, table_id: int) -> HttpResponse:
    return _add(request, table_id, "participant", ParticipantForm(request.POST),
                lambda actor, table, form: participant_add(
                    actor=actor, table=table, **form.cleaned_data),
                _("The participant has been added."))


@login_required
@require_POST
def factor_add_view(request: HttpRequest, table_id: int) -> HttpResponse:
    table = DialogueTable(pk=table_id)
    return _add(request, table_id, "factor", FactorForm(request.POST, table=table),
                lambda actor, table, form: factor_add(
                    actor=actor, table=table, **form.cleaned_data),
                _("The factor has been added."))


@login_required
@require_POST
def recommendation_add_view(request: HttpRequest, table_id: int) -> HttpResponse:
    return _add(request, table_id, "recommendation", RecommendationForm(request.POST),
                lambda actor, table, form: recommendation_add(
                    actor=actor, table=table, **form.cleaned_data),
                _("The recommendation has been added."))


@login_required
@require_POST
def comment_add(request: HttpRequest, table_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    page = dialogue_table_get(actor=actor, table_id=table_id)
    form = CommentForm(request.POST)
    form.is_valid()
    try:  # the service decides (a refusal is the logged 404) and checks the text
        review_comment_add(actor=actor, table=page.table, text=request.POST.get("text", ""))
    except ValidationError as error:
        form = CommentForm(request.POST)
        apply_service_errors(form, error)
    else:
        messages.success(request, _("Your comment has been saved."))
        return redirect(table_url(page.table, "comments"))
    return _render_detail(request, actor, table_id, {"comment": form})


def _step(request: HttpRequest, table_id: int, code: EventCode,
          perform: Callable[[Actor, DialogueTable], object], success: str) -> HttpResponse:
    actor = actor_from_request(request)
    table = dialogue_table_for_change(actor=actor, table_id=table_id, event_code=code)
    try:
        perform(actor, table)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, success)
    return redirect(table_url(table))


@login_required
@require_POST
def review_start(request: HttpRequest, table_id: int) -> HttpResponse:
    return _step(request, table_id, EventCode.DIALOGUE_REVIEW,
                 lambda actor, table: dialogue_review_start(actor=actor, table=table),
                 _("The participants can now read the report and comment on it."))


@login_required
@require_POST
def adopt(request: HttpRequest, table_id: int) -> HttpResponse:
    return _step(request, table_id, EventCode.DIALOGUE_ADOPT,
                 lambda actor, table: dialogue_adopt(actor=actor, table=table),
                 _("The dialogue table has been adopted; it can no longer be changed."))
