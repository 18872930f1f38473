"""Conversation notes (gespreksverslagen) of a case: a conversation with the parents or the
child, a phone call, a home visit, a consultation. Each note is a version: a correction after
the author's editing window is a new note that replaces the old one, with who and why; the old
one stays (retention removes notes with their case)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from schakel.consent.models import InformationCategory


class NoteKind(models.TextChoices):
    PARENTS = "parents", _("Conversation with the parents")
    CHILD = "child", _("Conversation with the child")
    PHONE = "phone", _("Phone call")
    HOME_VISIT = "home_visit", _("Home visit")
    CONSULTATION = "consultation", _("Consultation")
    OTHER = "other", _("Other")


# A note holds care content or school data; attendance and contact details are not written
# as conversation notes.
NOTE_CATEGORIES = (InformationCategory.CARE, InformationCategory.SCHOOL)


class ConversationNote(models.Model):
    case = models.ForeignKey(
        "cases.Case", on_delete=models.CASCADE, related_name="conversation_notes")
    kind = models.CharField(_("kind of conversation"), max_length=20, choices=NoteKind.choices)
    held_on = models.DateField(_("date of the conversation"))
    participants = models.CharField(_("who took part"), max_length=300)
    text = models.TextField(_("notes"))
    category = models.CharField(
        _("information category"), max_length=20,
        choices=[(c.value, c.label) for c in NOTE_CATEGORIES])
    shared_with_parents = models.BooleanField(_("shared with the parents in the portal"),
                                              default=False)
    author = models.ForeignKey(
        "organisations.Professional", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    replaces = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="replaced_by")
    correction_reason = models.TextField(_("reason for the correction"), blank=True)

    class Meta:
        ordering = ["-held_on", "-id"]
        indexes = [models.Index(fields=["case", "held_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(category__in=[c.value for c in NOTE_CATEGORIES]),
                name="note_category_care_or_school"),
            models.CheckConstraint(
                condition=models.Q(replaces__isnull=True) | ~models.Q(correction_reason=""),
                name="note_correction_has_a_reason"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.held_on:%d-%m-%Y}"
