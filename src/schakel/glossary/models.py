"""The shared language (DESIGN §2.12): terms and abbreviations with their meaning per domain.

School and care use the same words for different things ("MDO", seed 000), so a term has one
meaning per domain where they differ, and a general one where they do not."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Domain(models.TextChoices):
    GENERAL = "general", _("General")
    EDUCATION = "education", _("Education")
    CARE = "care", _("Care and youth health")
    MUNICIPALITY = "municipality", _("Municipality")
    PROTECTION = "protection", _("Child protection and safety")


class Term(models.Model):
    name = models.CharField(_("term or abbreviation"), max_length=40, unique=True)
    # What an abbreviation stands for ("multidisciplinair overleg"); empty for a plain term.
    expansion = models.CharField(_("written out"), max_length=200, blank=True)
    # Abbreviations are marked with <abbr> wherever a user's text contains them.
    is_abbreviation = models.BooleanField(_("abbreviation"), default=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("changed by"))

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Meaning(models.Model):
    term = models.ForeignKey(Term, on_delete=models.CASCADE, related_name="meanings")
    domain = models.CharField(_("domain"), max_length=20, choices=Domain.choices)
    text = models.TextField(_("meaning"))

    class Meta:
        ordering = ["term", "domain"]
        constraints = [
            models.UniqueConstraint(fields=["term", "domain"], name="one_meaning_per_domain"),
        ]

    def __str__(self) -> str:
        return f"{self.term}: {self.domain}"
