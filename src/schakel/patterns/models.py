"""A rode draad (seed 004, Bijlage D, voorbeeld 3): several signals of one theme in one class or
in one school within a period, found by the detection job (`patterns.detection`), proposed to
the school's kernteam as an agenda item and, when the team decides so, escalated to management
with a note. The pattern holds counts and the signals it counted; who sees which of them is
`policy.patterns`."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class PatternStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    DISCUSSED = "discussed", _("Discussed")
    ESCALATED = "escalated", _("Escalated to management")
    CLOSED = "closed", _("Closed")


class Pattern(models.Model):
    school = models.ForeignKey(
        "organisations.School", on_delete=models.CASCADE, related_name="patterns")
    # None: a pattern of the whole school.
    school_class = models.ForeignKey(
        "organisations.SchoolClass", on_delete=models.CASCADE, null=True, blank=True,
        related_name="patterns", verbose_name=_("class"))
    theme = models.ForeignKey(
        "signals.Theme", on_delete=models.PROTECT, related_name="patterns",
        verbose_name=_("theme"))
    # The moments the first and the last signal counted were raised.
    period_start = models.DateTimeField(_("from"))
    period_end = models.DateTimeField(_("until"))
    signal_count = models.PositiveIntegerField(_("signals"))
    signals = models.ManyToManyField("signals.Signal", related_name="+")
    status = models.CharField(
        _("status"), max_length=12, choices=PatternStatus.choices,
        default=PatternStatus.PROPOSED)
    detected_at = models.DateTimeField(_("detected at"))
    changed_at = models.DateTimeField(null=True, blank=True)
    changed_by = models.ForeignKey(
        "organisations.Professional", on_delete=models.PROTECT, null=True, blank=True,
        related_name="+")
    # Escalation to management (opschaling): what the kernteam asks of it.
    escalation_note = models.TextField(_("note for management"), blank=True)
    escalated_at = models.DateTimeField(_("escalated at"), null=True, blank=True)
    escalated_by = models.ForeignKey(
        "organisations.Professional", on_delete=models.PROTECT, null=True, blank=True,
        related_name="+")

    class Meta:
        ordering = ["-period_end", "pk"]
        indexes = [models.Index(fields=["school", "status"])]
        constraints = [
            # One pattern per episode: detection never stores the same window twice.
            models.UniqueConstraint(
                fields=["school", "school_class", "theme", "period_start"],
                condition=models.Q(school_class__isnull=False), name="one_class_pattern"),
            models.UniqueConstraint(
                fields=["school", "theme", "period_start"],
                condition=models.Q(school_class__isnull=True), name="one_school_pattern"),
        ]

    def __str__(self) -> str:
        return f"{self.theme} ({self.school_class or self.school})"

    @property
    def is_class_pattern(self) -> bool:
        return self.school_class_id is not None
