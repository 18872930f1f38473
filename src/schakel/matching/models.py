from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class InvolvementMatch(models.Model):
    """That `professional` was told that `other` is involved with `child` (the same child
    as theirs, or a sibling), so that nobody is told twice. Holds no content."""

    professional = models.ForeignKey(
        "organisations.Professional", on_delete=models.CASCADE, related_name="+")
    other = models.ForeignKey(
        "organisations.Professional", on_delete=models.CASCADE, related_name="+")
    child = models.ForeignKey("children.Child", on_delete=models.CASCADE, related_name="+")
    matched_at = models.DateTimeField(_("told at"), auto_now_add=True)

    class Meta:
        db_table = "cases_involvementmatch"  # created by the cases app before the move
        constraints = [
            models.UniqueConstraint(
                fields=["professional", "other", "child"], name="unique_involvement_match"),
        ]
