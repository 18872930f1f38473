"""Adding an attachment to a case or to one of its conversation notes. Everything is checked
before anything is stored: the right to write in the case, the name, the size, the type read
from the content, and a malware scan by ClamAV. A file the scanner did not call clean — it
found something, or it could not be asked — is refused and never stored."""

from __future__ import annotations

import hashlib
import logging
import uuid
from typing import IO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.attachments import filetypes, scanner
from schakel.attachments.models import ATTACHMENT_CATEGORIES, Attachment, attachments_storage
from schakel.attachments.names import clean_name
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.cases.models import Case
from schakel.cases.selectors import case_log_event
from schakel.cases.services.lifecycle import case_enforce_change, case_lock_open
from schakel.notes.models import ConversationNote
from schakel.transactions import service_transaction

logger = logging.getLogger(__name__)

READ_CHUNK = 1024 * 1024


def _read_limited(content: IO[bytes], limit: int) -> bytes:
    """At most `limit + 1` bytes: one more than allowed tells that the file is too large."""
    parts: list[bytes] = []
    size = 0
    while size <= limit:
        part = content.read(min(READ_CHUNK, limit + 1 - size))
        if not part:
            break
        parts.append(part)
        size += len(part)
    return b"".join(parts)


def _check_content(data: bytes) -> str:
    limit = int(settings.SCHAKEL_ATTACHMENT_MAX_BYTES)
    if len(data) > limit:
        raise ValidationError({"file": _(
            "The file is larger than %(limit)s: make it smaller or split it.")
            % {"limit": filesizeformat(limit)}})
    if not data:
        raise ValidationError({"file": _("The file is empty.")})
    kind = filetypes.sniff(data)
    if kind is None:
        raise ValidationError({"file": _(
            "This kind of file cannot be attached. Allowed are PDF, images (PNG, JPEG, GIF, "
            "WebP), office documents (Word, Excel, PowerPoint, OpenDocument) and text files.")})
    return kind


def _scan(data: bytes, *, actor: Actor, case: Case) -> None:
    try:
        verdict = scanner.scan(data)
    except scanner.ScannerUnavailable as exc:
        logger.error("Malware scanner unavailable, attachment refused: %s", exc)
        raise ValidationError({"file": _(
            "The file could not be checked for viruses because the scanner is not available "
            "right now; it has not been saved. Try again later.")}) from exc
    if not verdict.clean:
        logger.warning("Malware %r refused in an attachment to case %s by user %s",
                       verdict.threat, case.pk, actor.user.pk)
        raise ValidationError({"file": _(
            "The virus scanner found malware in this file (%(threat)s); it has not been "
            "saved.") % {"threat": verdict.threat}})


def attachment_add(
    *, actor: Actor, case: Case, content: IO[bytes], name: str, category: str = "",
    note: ConversationNote | None = None,
) -> Attachment:
    """Attach a file to `case`, or to its conversation `note` (then it has the note's
    category)."""
    if note is not None:
        if note.case_id != case.pk:
            raise ValidationError({"note": _("This note belongs to another case.")})
        category = note.category
    if category not in ATTACHMENT_CATEGORIES:
        raise ValidationError({"category": _("Choose care content or school data.")})
    decision = case_enforce_change(
        actor, case, policy.may_add_attachment(actor, case, category),
        event_code=EventCode.CASE_ATTACHMENT, action=Action.CREATE)
    try:
        clean = clean_name(name)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from error
    data = _read_limited(content, int(settings.SCHAKEL_ATTACHMENT_MAX_BYTES))
    kind = _check_content(data)
    _scan(data, actor=actor, case=case)
    storage = attachments_storage()
    stored = ""
    try:
        with service_transaction():
            case = case_lock_open(case)
            if note is not None and ConversationNote.objects.filter(replaces=note).exists():
                raise ValidationError({"note": _(
                    "This note has been corrected; attach the file to the latest version.")})
            stored = storage.save(f"{case.pk}/{uuid.uuid4().hex}", ContentFile(data))
            attachment = Attachment.objects.create(
                case=case, note=note, name=clean, content_type=kind, size=len(data),
                sha256=hashlib.sha256(data).hexdigest(), stored_name=stored,
                category=category, uploaded_by=actor.require_professional())
            case_log_event(actor, case, event_code=EventCode.CASE_ATTACHMENT,
                           action=Action.CREATE, ground=decision.log_ground)
    except BaseException:
        if stored:
            storage.delete(stored)
        raise
    return attachment
