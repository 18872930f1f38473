from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class HandoverKind(models.TextChoices):
    PROFESSIONALS = "professionals", _("Between professionals")
    SCHOOLS = "schools", _("Between schools")


class HandoverStatus(models.TextChoices):
    OFFERED = "offered", _("Awaiting acceptance")
    ACCEPTED = "accepted", _("Accepted")
    RETURNED = "returned", _("Returned")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Handover(models.Model):
    """Warme overdracht: a package (summary, plan, agreements, classroom advice) that a
    professional offers to another professional, or to another school (PO → VO → MBO) whose
    contact point receives it. The receiver reads `snapshot`, the package as it was when
    offered, not the live case, and accepts or returns it. A returned or withdrawn package is
    emptied: only its status stays."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="handovers")
    kind = models.CharField(_("kind"), max_length=15, choices=HandoverKind.choices)
    from_professional = models.ForeignKey(
        "organisations.Professional", on_delete=models.PROTECT, related_name="handovers_sent",
        verbose_name=_("from"))
    to_professional = models.ForeignKey(
        "organisations.Professional", on_delete=models.PROTECT, null=True, blank=True,
        related_name="handovers_received", verbose_name=_("to professional"))
    to_school = models.ForeignKey(
        "organisations.School", on_delete=models.PROTECT, null=True, blank=True,
        related_name="handovers_received", verbose_name=_("to school"))
    summary = models.TextField(_("summary"), blank=True)
    include_plan = models.BooleanField(_("the plan"), default=True)
    include_agreements = models.BooleanField(_("the open agreements"), default=True)
    include_advice = models.BooleanField(_("the classroom advice"), default=True)
    sender_stays_involved = models.BooleanField(_("I stay involved"), default=False)
    snapshot = models.JSONField(_("package"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=HandoverStatus.choices,
        default=HandoverStatus.OFFERED)
    return_reason = models.TextField(_("reason for returning"), blank=True)
    offered_at = models.DateTimeField(_("offered at"))
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        "organisations.Professional", on_delete=models.PROTECT, null=True, blank=True,
        related_name="+", verbose_name=_("decided by"))

    class Meta:
        db_table = "cases_handover"  # created by the cases app before the move
        ordering = ["-offered_at", "-id"]
        indexes = [
            models.Index(fields=["to_professional", "status"]),
            models.Index(fields=["to_school", "status"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(kind="professionals") & models.Q(to_professional__isnull=False)
                           & models.Q(to_school__isnull=True))
                | (models.Q(kind="schools") & models.Q(to_school__isnull=False)
                   & models.Q(to_professional__isnull=True)),
                name="handover_has_one_receiver",
            ),
            models.UniqueConstraint(
                fields=["case", "kind"], condition=models.Q(status="offered"),
                name="one_open_handover_per_case_and_kind",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.case_id} ({self.status})"

    @property
    def is_open(self) -> bool:
        return self.status == HandoverStatus.OFFERED
