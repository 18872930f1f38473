"""Reads of attachments. The list on the case page is part of the case the page has read and
logged already; a download is a read of its own, logged with the attachment's case."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import Http404

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.attachments.models import Attachment
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.reads import logged_read
from schakel.audit.writer import Subject
from schakel.cases.models import Case
from schakel.cases.selectors import case_subject
from schakel.notes.models import ConversationNote


@dataclass(frozen=True)
class NoteAttachments:
    note: ConversationNote
    attachments: list[Attachment]


@dataclass(frozen=True)
class CaseAttachments:
    of_case: list[Attachment]
    of_notes: list[NoteAttachments]  # the notes with attachments, newest first


def case_attachments(*, actor: Actor, case: Case, read: policy.Decision) -> CaseAttachments:
    """The attachments of `case` and of its notes that the reader may download; `read` is the
    case page's `may_read_case` decision."""
    attachments = list(Attachment.objects.filter(case=case).select_related(
        "note", "uploaded_by__organisation").order_by("-uploaded_at", "-pk"))
    readable = {category for category in {a.category for a in attachments}
                if policy.may_read_notes_of_category(actor, case, category, read=read)}
    of_case: list[Attachment] = []
    by_note: dict[int, NoteAttachments] = {}
    for attachment in attachments:
        if attachment.category not in readable:
            continue
        if attachment.note is None:
            of_case.append(attachment)
        else:
            by_note.setdefault(attachment.note.pk,
                               NoteAttachments(attachment.note, [])).attachments.append(attachment)
    notes = sorted(by_note.values(), key=lambda row: (row.note.held_on, row.note.pk),
                   reverse=True)
    return CaseAttachments(of_case, notes)


def _attachment_subjects(attachment: Attachment) -> list[Subject]:
    return [case_subject(attachment.case)]


@logged_read(event_code=EventCode.CASE_ATTACHMENT_DOWNLOAD, subjects=_attachment_subjects)
def attachment_for_download(*, actor: Actor, attachment_id: int) -> Attachment:
    """An attachment the actor may download; anything else (missing or not theirs) is 404."""
    attachment = (Attachment.objects.select_related(
        "case__child", "case__family", "case__school", "case__opened_by", "note")
        .filter(pk=attachment_id).first())
    decision = (policy.may_read_attachment(actor, attachment)
                if attachment is not None else policy.DENY)
    enforce(actor, decision, event_code=EventCode.CASE_ATTACHMENT_DOWNLOAD, action=Action.READ,
            subject=case_subject(attachment.case) if attachment is not None
            else Subject("attachments.attachment", str(attachment_id), None))
    if attachment is None:
        raise Http404
    return attachment
