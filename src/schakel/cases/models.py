from __future__ import annotations

import datetime as dt
from typing import Self

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PlanTemplate(models.Model):
    """The structure of the shared plan. The default is 'Regie in 7 samenwerkingsstappen'
    (seed 004, Bijlage E); regions may choose another, such as 1Gezin1Plan.

    `steps` is a list of {"number": int, "title": str, "questions": [str],
    "records_consensus": bool}."""

    code = models.SlugField(_("code"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=200)
    steps = models.JSONField(_("steps"))
    is_default = models.BooleanField(_("default"), default=False)

    def __str__(self) -> str:
        return self.name

    def step(self, number: int) -> dict[str, object] | None:
        return next((s for s in self.steps if s["number"] == number), None)


class CaseStatus(models.TextChoices):
    OPEN = "open", _("Open")
    ESCALATED = "escalated", _("Escalated")
    CLOSED = "closed", _("Closed")


class Case(models.Model):
    """A casus about one child or a whole family, with one regiehouder (coordinator)."""

    reference = models.CharField(_("reference"), max_length=20, unique=True)
    title = models.CharField(_("title"), max_length=200)
    child = models.ForeignKey(
        "children.Child", on_delete=models.PROTECT, null=True, blank=True, related_name="cases")
    family = models.ForeignKey(
        "children.Family", on_delete=models.PROTECT, null=True, blank=True, related_name="cases")
    school = models.ForeignKey(
        "organisations.School", on_delete=models.PROTECT, related_name="cases",
        help_text=_("The school whose contact point is kept informed."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=CaseStatus.choices, default=CaseStatus.OPEN)
    coordinator = models.ForeignKey(
        "organisations.Professional", on_delete=models.PROTECT, null=True, blank=True,
        related_name="coordinated_cases", verbose_name=_("coordinator (regiehouder)"),
    )
    plan_template = models.ForeignKey(PlanTemplate, on_delete=models.PROTECT, related_name="+")
    opened_by = models.ForeignKey(
        "organisations.Professional", on_delete=models.PROTECT, related_name="+")
    opened_at = models.DateTimeField(_("opened at"))
    last_evaluated_at = models.DateTimeField(_("last evaluation"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    closure_reason = models.TextField(_("reason for closure"), blank=True)

    class Meta:
        ordering = ["-opened_at"]
        indexes = [models.Index(fields=["school", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(child__isnull=False) | models.Q(family__isnull=False),
                name="case_has_subject",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    @property
    def is_closed(self) -> bool:
        return self.status == CaseStatus.CLOSED


class InvolvementQuerySet(models.QuerySet["Involvement"]):
    def active_on(self, day: dt.date) -> Self:
        return self.filter(Involvement.active_q(day))


class Involvement(models.Model):
    """Betrokkenheid: who works on the case, in which part, from when until when."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="involvements")
    professional = models.ForeignKey(
        "organisations.Professional", on_delete=models.PROTECT, related_name="involvements")
    part = models.CharField(_("part"), max_length=300)
    start_date = models.DateField(_("from"))
    end_date = models.DateField(_("until"), null=True, blank=True)
    added_by = models.ForeignKey(
        "organisations.Professional", on_delete=models.PROTECT, related_name="+")

    objects = InvolvementQuerySet.as_manager()

    class Meta:
        ordering = ["start_date", "id"]
        indexes = [models.Index(fields=["professional", "end_date"])]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "professional"], condition=models.Q(end_date__isnull=True),
                name="one_active_involvement_per_professional",
            ),
        ]

    @classmethod
    def active_q(cls, day: dt.date, prefix: str = "") -> models.Q:
        """Not ended before `day` (`until` is the last day). The start date is not looked at:
        an involvement counts from the moment it is recorded, also one dated to start later."""
        return (models.Q(**{f"{prefix}end_date__isnull": True})
                | models.Q(**{f"{prefix}end_date__gte": day}))

    def is_active_on(self, day: dt.date) -> bool:
        return self.end_date is None or day <= self.end_date


class Consultation(models.Model):
    """The four questions of the core team (seed 004, Bijlage D)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="consultations")
    signals_seen = models.TextField(_("which signals are there (in and outside school)?"))
    already_started = models.TextField(
        _("what has been started already, with what result?"), blank=True)
    wisdom = models.TextField(_("what is wise (pooling expertise)?"), blank=True)
    who_takes_role = models.TextField(_("who in the core team takes an active role?"), blank=True)
    recorded_by = models.ForeignKey(
        "organisations.Professional", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-recorded_at"]


class PlanStepEntry(models.Model):
    """One version of one step of the shared plan. The newest version per step is current;
    earlier versions stay as history."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="plan_entries")
    step = models.PositiveSmallIntegerField(_("step"))
    version = models.PositiveIntegerField(_("version"))
    content = models.TextField(_("content"))
    is_provisional = models.BooleanField(_("provisional"), default=False)
    consensus = models.BooleanField(_("consensus"), null=True, blank=True)
    dissent = models.TextField(_("dissenting views"), blank=True)
    filled_in_by = models.ForeignKey(
        "organisations.Professional", on_delete=models.PROTECT, related_name="+")
    filled_in_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["step", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["case", "step", "version"], name="unique_step_version"),
        ]


class AgreementStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


class Agreement(models.Model):
    """Afspraak: who does what by when. Overdue is derived (open and past its due date)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="agreements")
    description = models.TextField(_("what"))
    owner = models.ForeignKey(
        "organisations.Professional", on_delete=models.PROTECT, related_name="agreements",
        verbose_name=_("who"),
    )
    due_date = models.DateField(_("by when"))
    status = models.CharField(
        _("status"), max_length=10, choices=AgreementStatus.choices, default=AgreementStatus.OPEN)
    is_provisional = models.BooleanField(_("provisional"), default=False)
    created_by = models.ForeignKey(
        "organisations.Professional", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_date", "id"]
        indexes = [models.Index(fields=["owner", "status"])]

    def is_overdue_on(self, day: dt.date) -> bool:
        return self.status == AgreementStatus.OPEN and self.due_date < day

    @property
    def is_overdue(self) -> bool:
        return self.is_overdue_on(timezone.localdate())


class Intervention(models.Model):
    """Help that was or is given (ingezette hulp), shown as the case's timeline."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="interventions")
    description = models.CharField(_("intervention"), max_length=300)
    provider = models.CharField(_("provider"), max_length=200)
    start_date = models.DateField(_("from"))
    end_date = models.DateField(_("until"), null=True, blank=True)
    effect = models.TextField(_("effect"), blank=True)
    recorded_by = models.ForeignKey(
        "organisations.Professional", on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["start_date", "id"]


class ClassroomAdvice(models.Model):
    """Handelingsadvies: advice from care to school for the classroom."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="classroom_advice")
    advice = models.TextField(_("advice for the classroom"))
    given_by = models.ForeignKey(
        "organisations.Professional", on_delete=models.PROTECT, related_name="+")
    given_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-given_at"]


class EscalationLevel(models.TextChoices):
    SOT = "sot", _("SOT")
    SOT_PLUS = "sot_plus", _("SOT+")
    MANAGEMENT = "management", _("Management")


class Escalation(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="escalations")
    level = models.CharField(_("to"), max_length=20, choices=EscalationLevel.choices)
    reason = models.TextField(_("reason"))
    escalated_by = models.ForeignKey(
        "organisations.Professional", on_delete=models.PROTECT, related_name="+")
    escalated_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-escalated_at"]


class EmergencyAccessQuerySet(models.QuerySet["EmergencyAccess"]):
    def in_force_at(self, moment: dt.datetime) -> Self:
        """Claimed at or before `moment` and not yet expired."""
        return self.filter(EmergencyAccess.in_force_q(moment))


class EmergencyAccess(models.Model):
    """A professional broke the glass: claimed access to a case's content they may not read
    otherwise, with a reason, for a limited time (`policy.emergency`). It expires by its date;
    nothing needs to run. The claim is logged with basis "emergency" and the privacy officers
    and the coordinator are told (NEN 7513)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="emergency_accesses")
    professional = models.ForeignKey(
        "organisations.Professional", on_delete=models.PROTECT, related_name="+")
    reason = models.TextField(_("reason"))
    claimed_at = models.DateTimeField(_("claimed at"))
    expires_at = models.DateTimeField(_("expires at"))

    objects = EmergencyAccessQuerySet.as_manager()

    class Meta:
        ordering = ["-claimed_at"]
        indexes = [models.Index(fields=["professional", "case", "expires_at"])]
        constraints = [
            models.CheckConstraint(condition=models.Q(expires_at__gt=models.F("claimed_at")),
                                   name="emergency_access_expires_after_claim"),
        ]

    @staticmethod
    def in_force_q(moment: dt.datetime, prefix: str = "") -> models.Q:
        return models.Q(**{f"{prefix}claimed_at__lte": moment, f"{prefix}expires_at__gt": moment})

    def is_in_force_at(self, moment: dt.datetime) -> bool:
        return self.claimed_at <= moment < self.expires_at


class ReminderKind(models.TextChoices):
    DUE_SOON = "due_soon", _("Due soon")
    OVERDUE = "overdue", _("Overdue")


class AgreementReminder(models.Model):
    """That the owner of an agreement was reminded of it, once per kind and due date
    (`cases.services.reminders`). The unique triple makes the reminder job idempotent, also
    when two runs meet; a due date that moves re-arms both reminders."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=10, choices=ReminderKind.choices)
    due_date = models.DateField()
    # The day the job ran as (its period), and when it did.
    sent_on = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["agreement", "due_date", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "kind", "due_date"],
                                    name="cases_agreementreminder_once"),
        ]

    def __str__(self) -> str:
        return f"{self.agreement_id} {self.kind} {self.due_date}"
