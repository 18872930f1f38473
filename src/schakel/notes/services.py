"""Writes of conversation notes: a new note, and a correction — in place by the author within
the editing window, afterwards a new version with who and why (the old one stays)."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.cases.models import Case
from schakel.cases.selectors import case_log_event
from schakel.cases.services.lifecycle import case_enforce_change, case_lock_open
from schakel.notes.models import NOTE_CATEGORIES, ConversationNote, NoteKind
from schakel.transactions import service_transaction


def _check(*, kind: str, held_on: dt.date, participants: str, text: str,
           category: str) -> None:
    errors: dict[str, str] = {}
    if kind not in NoteKind.values:
        errors["kind"] = _("Choose the kind of conversation.")
    if held_on > timezone.localdate():
        errors["held_on"] = _("The conversation cannot take place in the future.")
    if not participants.strip():
        errors["participants"] = _("Say who took part.")
    if not text.strip():
        errors["text"] = _("Write what was discussed.")
    if category not in NOTE_CATEGORIES:
        errors["category"] = _("Choose care content or school data.")
    if errors:
        raise ValidationError(errors)


def note_write(
    *, actor: Actor, case: Case, kind: str, held_on: dt.date, participants: str, text: str,
    category: str, shared_with_parents: bool = False,
) -> ConversationNote:
    decision = case_enforce_change(
        actor, case, policy.may_write_note(actor, case, category),
        event_code=EventCode.CASE_NOTE, action=Action.CREATE)
    _check(kind=kind, held_on=held_on, participants=participants, text=text,
           category=category)
    with service_transaction():
        case = case_lock_open(case)
        note = ConversationNote.objects.create(
            case=case, kind=kind, held_on=held_on, participants=participants.strip(),
            text=text.strip(), category=category, shared_with_parents=shared_with_parents,
            author=actor.require_professional())
        case_log_event(actor, case, event_code=EventCode.CASE_NOTE, action=Action.CREATE,
                       ground=decision.log_ground)
    return note


def note_correct(
    *, actor: Actor, note: ConversationNote, kind: str, held_on: dt.date, participants: str,
    text: str, category: str, shared_with_parents: bool, reason: str = "",
) -> ConversationNote:
    """The author's own note within the window is changed in place; any other correction is
    a new version that replaces the note and says why. Only the current version is
    corrected."""
    case = note.case
    # Moving a note to another category needs the right to write in both.
    decision = case_enforce_change(
        actor, case, policy.may_write_note(actor, case, note.category),
        event_code=EventCode.CASE_NOTE_CORRECT, action=Action.UPDATE)
    if category != note.category:
        decision = case_enforce_change(
            actor, case, policy.may_write_note(actor, case, category),
            event_code=EventCode.CASE_NOTE_CORRECT, action=Action.UPDATE)
    _check(kind=kind, held_on=held_on, participants=participants, text=text,
           category=category)
    in_place = policy.may_edit_note_in_place(actor, note)
    if not in_place and not reason.strip():
        raise ValidationError({"reason": _(
            "More than %(hours)s hours have passed since the note was written (or it is "
            "someone else's): say why it is corrected.") % {"hours": policy.NOTE_EDIT_HOURS}})
    fields = {"kind": kind, "held_on": held_on, "participants": participants.strip(),
              "text": text.strip(), "category": category,
              "shared_with_parents": shared_with_parents}
    with service_transaction():
        case_lock_open(case)
        current = ConversationNote.objects.select_for_update().get(pk=note.pk)
        if ConversationNote.objects.filter(replaces=current).exists():
            raise ValidationError(_("This note has been corrected already; correct the latest "
                                    "version."))
        if in_place:
            for name, value in fields.items():
                setattr(current, name, value)
            current.edited_at = timezone.now()
            current.save(update_fields=[*fields, "edited_at"])
            corrected = current
        else:
            corrected = ConversationNote.objects.create(
                case=case, replaces=current, correction_reason=reason.strip(),
                author=actor.require_professional(), **fields)
        case_log_event(actor, case, event_code=EventCode.CASE_NOTE_CORRECT,
                       action=Action.UPDATE, ground=decision.log_ground)
    return corrected
