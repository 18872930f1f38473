"""Attachments (bijlagen) of a case or of a conversation note: who adds and who downloads them.

An attachment belongs to an information category, care or school, as a note does, and is read
under the notes' rule (`policy.notes.may_read_notes_of_category`): a care attachment by whoever
reads the case, a school one only by those whose organisation may also receive the school's
data of the case's children. An attachment on a note has the note's category. Adding one is
writing in the case: whoever contributes to the open case and may read that category. The
portal does not show attachments (a document of another organisation is shared with the
parents by that organisation)."""

from __future__ import annotations

from schakel.access.actor import Actor
from schakel.access.policy.core import Decision
from schakel.access.policy.notes import may_read_notes_of_category, may_write_note
from schakel.attachments.models import Attachment
from schakel.cases.models import Case


def may_read_attachment(actor: Actor, attachment: Attachment, *,
                        read: Decision | None = None) -> Decision:
    """Download `attachment` (`read`: the `may_read_case` decision when the caller has it)."""
    return may_read_notes_of_category(actor, attachment.case, attachment.category, read=read)


def may_add_attachment(actor: Actor, case: Case, category: str, *,
                       read: Decision | None = None) -> Decision:
    return may_write_note(actor, case, category, read=read)
