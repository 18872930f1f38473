"""Pages of conversation notes: writing one on a case and correcting one."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.access import policy
from schakel.access.actor import Actor, actor_from_request
from schakel.cases.models import Case
from schakel.cases.views.action_flow import case_action, case_detail_url
from schakel.http.forms import SchakelForm, apply_service_errors
from schakel.notes.forms import NoteCorrectionForm, NoteForm
from schakel.notes.selectors import note_for_correction
from schakel.notes.services import note_correct, note_write

ANCHOR = "notes"


@login_required
def note_add(request: HttpRequest, case_id: int) -> HttpResponse:
    def perform(actor: Actor, case: Case, form: SchakelForm) -> object:
        return note_write(actor=actor, case=case, **form.cleaned_data)

    return case_action(
        request, case_id,
        form_factory=lambda case, data: NoteForm(
            data, initial={"held_on": timezone.localdate()}),
        perform=perform, title=_("Write a conversation note"), submit=_("Save the note"),
        anchor=ANCHOR, success=_("The conversation note has been saved."),
        refused=_("Only those involved in the case write its notes."))


@login_required
def note_correct_view(request: HttpRequest, note_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    note = note_for_correction(actor=actor, note_id=note_id)
    initial = {name: getattr(note, name) for name in (
        "kind", "held_on", "participants", "text", "category", "shared_with_parents")}
    form = NoteCorrectionForm(request.POST if request.method == "POST" else None,
                              initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            note_correct(actor=actor, note=note, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The conversation note has been corrected."))
            return redirect(case_detail_url(note.case, ANCHOR))
    return render(request, "notes/correct.html", {
        "case": note.case, "note": note, "form": form, "anchor": ANCHOR,
        "in_place": policy.may_edit_note_in_place(actor, note),
        "title": _("Correct a conversation note"), "submit": _("Save the correction")})
