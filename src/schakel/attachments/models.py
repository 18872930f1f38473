"""Attachments (bijlagen) of a case or of one of its conversation notes: a report of the GGD,
a letter of the school. The file itself lives in the "attachments" storage (`STORAGES`: a
local folder, or S3-compatible object storage in production) under a random name; the row
keeps the sanitised original name, the type found in the content and its digest. A file is
stored only after the malware scanner found it clean (`attachments.scanner`).

Attachments go with their case under the retention rules: deleting a case deletes its rows by
cascade, and `attachment_files_delete_on_commit` removes the files once that is committed."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.files.storage import Storage, storages
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from schakel.consent.models import InformationCategory

# Like a conversation note, an attachment is care content or school data.
ATTACHMENT_CATEGORIES = (InformationCategory.CARE, InformationCategory.SCHOOL)


def attachments_storage() -> Storage:
    return storages["attachments"]


class Attachment(models.Model):
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="attachments")
    note = models.ForeignKey(
        "notes.ConversationNote", on_delete=models.CASCADE, null=True, blank=True,
        related_name="attachments")
    name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    stored_name = models.CharField(max_length=255, unique=True)
    category = models.CharField(
        _("information category"), max_length=20,
        choices=[(c.value, c.label) for c in ATTACHMENT_CATEGORIES])
    uploaded_by = models.ForeignKey(
        "organisations.Professional", on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(category__in=[c.value for c in ATTACHMENT_CATEGORIES]),
                name="attachment_category_care_or_school"),
        ]

    def __str__(self) -> str:
        return self.name


def attachment_files_delete_on_commit(stored_names: Iterable[str]) -> None:
    """Delete the files of attachments whose rows are deleted in the current transaction,
    once it commits (a rolled-back deletion keeps its files)."""
    names = list(stored_names)
    if not names:
        return

    def delete() -> None:
        storage = attachments_storage()
        for name in names:
            storage.delete(name)

    transaction.on_commit(delete)
