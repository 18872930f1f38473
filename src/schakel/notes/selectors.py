"""Reads of conversation notes. On the case page and the portal's case page the notes are
part of a case the page has read (and logged) already; a note opened on its own to be
corrected is logged as a read of its case."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import Http404

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.reads import logged_read
from schakel.audit.writer import Subject
from schakel.cases.models import Case
from schakel.cases.selectors import case_subject
from schakel.notes.models import ConversationNote


@dataclass(frozen=True)
class NoteRow:
    note: ConversationNote
    history: list[ConversationNote]  # earlier versions, newest first
    may_correct: bool
    in_place: bool  # the reader may still change it without a reason


def case_notes(*, actor: Actor, case: Case, read: policy.Decision,
               can_contribute: bool) -> list[NoteRow]:
    """The current version of each note of `case` whose category the reader may read, with
    its earlier versions; `read` is the case page's `may_read_case` decision."""
    notes = list(ConversationNote.objects.filter(case=case).select_related("author__organisation")
                 .order_by("-held_on", "-pk"))
    categories = {note.category for note in notes}
    readable = {category for category in categories
                if policy.may_read_notes_of_category(actor, case, category, read=read)}
    by_id = {note.pk: note for note in notes}
    replaced = {note.replaces_id for note in notes if note.replaces_id is not None}
    rows: list[NoteRow] = []
    for note in notes:
        if note.pk in replaced or note.category not in readable:
            continue
        history: list[ConversationNote] = []
        older = note.replaces_id
        while older is not None and older in by_id:
            history.append(by_id[older])
            older = by_id[older].replaces_id
        rows.append(NoteRow(note, history, can_contribute and not case.is_closed,
                            can_contribute and policy.may_edit_note_in_place(actor, note)))
    return rows


def _note_subjects(note: ConversationNote) -> list[Subject]:
    return [case_subject(note.case)]


@logged_read(event_code=EventCode.CASE_NOTE_CORRECT, subjects=_note_subjects)
def note_for_correction(*, actor: Actor, note_id: int) -> ConversationNote:
    """The current version of a note the actor may read, to correct it (the service decides
    whether they may); anything else is 404."""
    note = (ConversationNote.objects.select_related(
        "case__child", "case__opened_by", "case__school", "author")
        .filter(pk=note_id, replaced_by__isnull=True).first())
    decision = (policy.may_read_notes_of_category(actor, note.case, note.category)
                if note is not None else policy.DENY)
    enforce(actor, decision, event_code=EventCode.CASE_NOTE_CORRECT, action=Action.READ,
            subject=case_subject(note.case) if note is not None
            else Subject("notes.conversationnote", str(note_id), None))
    if note is None:
        raise Http404
    return note


def portal_case_notes(*, actor: Actor, case: Case) -> list[ConversationNote]:
    """The current notes of a case the portal page has read, shared with the parents (and
    the young person), as `policy.may_read_note_in_portal` allows."""
    notes = list(ConversationNote.objects.filter(
        case=case, shared_with_parents=True, replaced_by__isnull=True).select_related(
        "author__organisation", "case__child", "case__family").order_by("-held_on", "-pk"))
    return [note for note in notes if policy.may_read_note_in_portal(actor, note)]
