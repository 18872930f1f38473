"""Retention rules and runs, destruction requests (Jeugdwet 7.3.9) and the Verwijsindex
question. The rules are data (seeded by migration 0002, editable by the privacy officer); what
each category means in the database is code, in `categories`."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# What anonymised free text becomes (stored data, not interface text).
ANONYMISED = "[geanonimiseerd]"


class RetentionCategory(models.TextChoices):
    CASE_CONTENT = "case_content", _("Care content of a case")
    SCHOOL_SIGNAL = "school_signal", _("Signals about a child (school support file)")
    NOTIFICATION = "notification", _("Notifications")
    ACCESS_LOG = "access_log", _("Access log")


class StartEvent(models.TextChoices):
    LAST_CHANGE = "last_change", _("Last change")
    CASE_CLOSED = "case_closed", _("Case closed")
    LEFT_SCHOOL = "left_school", _("Pupil left the school")
    CREATED = "created", _("Created")


class RuleAction(models.TextChoices):
    DELETE = "delete", _("Delete")
    ANONYMISE = "anonymise", _("Anonymise")
    REPORT = "report", _("Report only")


class RetentionRule(models.Model):
    """How long one category of records is kept, counted from which event, and what happens
    when the period has run out. A period is `period_years` plus `period_days`."""

    category = models.CharField(
        _("category"), max_length=30, choices=RetentionCategory.choices, unique=True)
    period_years = models.PositiveSmallIntegerField(_("years"), default=0)
    period_days = models.PositiveIntegerField(_("days"), default=0)
    start_event = models.CharField(_("counted from"), max_length=20, choices=StartEvent.choices)
    action = models.CharField(_("then"), max_length=10, choices=RuleAction.choices)
    legal_source = models.TextField(_("legal source"))
    notes = models.TextField(_("notes"), blank=True)
    needs_verification = models.BooleanField(_("to be verified"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)
    updated_by = models.ForeignKey(
        "organisations.Professional", on_delete=models.PROTECT, null=True, blank=True,
        related_name="+", verbose_name=_("changed by"))

    class Meta:
        ordering = ["category"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_years__gt=0) | models.Q(period_days__gt=0),
                name="retention_rule_period_positive",
            ),
        ]

    def __str__(self) -> str:
        return self.get_category_display()


class RetentionRun(models.Model):
    """One execution of `retention_run` (dry runs are not stored)."""

    run_on = models.DateField(_("run for the day"))
    started_at = models.DateTimeField(_("started at"))
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")

    class Meta:
        ordering = ["-started_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.run_on} #{self.pk}"


class ActionOutcome(models.TextChoices):
    DONE = "done", _("Done")
    REPORTED = "reported", _("Reported only")
    FAILED = "failed", _("Failed")


class RetentionAction(models.Model):
    """What a run did with one category: how many records, which ids. Never names or content:
    the ids let a privacy officer answer "what happened to record N" without keeping it."""

    run = models.ForeignKey(RetentionRun, on_delete=models.CASCADE, related_name="actions")
    category = models.CharField(_("category"), max_length=30, choices=RetentionCategory.choices)
    rule = models.ForeignKey(
        RetentionRule, on_delete=models.SET_NULL, null=True, related_name="actions")
    action = models.CharField(_("action"), max_length=10, choices=RuleAction.choices)
    outcome = models.CharField(_("outcome"), max_length=10, choices=ActionOutcome.choices)
    cutoff = models.DateField(_("started on or before"))
    count = models.PositiveIntegerField(_("records"), default=0)
    first_id = models.BigIntegerField(_("lowest id"), null=True, blank=True)
    last_id = models.BigIntegerField(_("highest id"), null=True, blank=True)
    ids = models.JSONField(_("ids"), default=list, blank=True)
    ids_truncated = models.BooleanField(_("more ids than listed"), default=False)
    children_count = models.PositiveIntegerField(_("children affected"), default=0)
    error = models.CharField(_("error"), max_length=300, blank=True)

    class Meta:
        ordering = ["run", "category"]

    def __str__(self) -> str:
        return f"{self.category}: {self.count} ({self.action})"


class RequesterRelation(models.TextChoices):
    YOUNG_PERSON = "young_person", _("The young person")
    PARENT = "parent", _("Parent with custody")
    GUARDIAN = "guardian", _("Guardian (voogd)")
    OTHER_REPRESENTATIVE = "representative", _("Other legal representative")


class DestructionStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    ASSESSED = "assessed", _("Assessed, to be carried out")
    CARRIED_OUT = "carried_out", _("Carried out")
    REFUSED = "refused", _("Refused")


class RefusalGround(models.TextChoices):
    """Why a request to destroy is refused: the exceptions of Jeugdwet 7.3.9, the requester's
    standing, and help still in progress. `REFUSAL_GROUND_SOURCES` names each one's article."""

    OTHER_PERSON_INTEREST = "other_interest", _(
        "Keeping the data is of substantial importance to someone other than the young person")
    STATUTORY_DUTY = "statutory", _("Another statutory provision requires keeping the data")
    PROTECTION_MEASURE = "protection_measure", _(
        "A child-protection or youth-justice measure is in force, or the file is that of one")
    OPEN_CASE = "open_case", _("The help is still in progress: a case of the child is open")
    NOT_ENTITLED = "not_entitled", _("The requester may not make this request for this child")


REFUSAL_GROUND_SOURCES: dict[str, str] = {
    RefusalGround.OTHER_PERSON_INTEREST: "Jeugdwet art. 7.3.9 lid 2",
    RefusalGround.STATUTORY_DUTY: "Jeugdwet art. 7.3.9 lid 2",
    RefusalGround.PROTECTION_MEASURE: "Jeugdwet art. 7.3.9 lid 2 met art. 7.3.8 (verify)",
    RefusalGround.OPEN_CASE: "BW art. 7:454 lid 1 (dossierplicht) (verify)",
    RefusalGround.NOT_ENTITLED: "Jeugdwet art. 7.3.9 lid 1",
}


class DestructionRequest(models.Model):
    """A request to destroy a child's file (Jeugdwet 7.3.9): carried out within three months
    of receipt unless an exception applies. Records what was destroyed as categories and
    counts, never content."""

    child = models.ForeignKey(
        "children.Child", on_delete=models.PROTECT, related_name="destruction_requests")
    requested_by = models.CharField(_("requested by"), max_length=200)
    requester_relation = models.CharField(
        _("relation to the child"), max_length=20, choices=RequesterRelation.choices)
    received_on = models.DateField(_("received on"))
    due_on = models.DateField(_("to be carried out by"))
    status = models.CharField(
        _("status"), max_length=12, choices=DestructionStatus.choices,
        default=DestructionStatus.RECEIVED)
    refusal_ground = models.CharField(
        _("ground for refusal"), max_length=20, choices=RefusalGround.choices, blank=True)
    decision_reason = models.TextField(_("reason for the decision"), blank=True)
    registered_by = models.ForeignKey(
        "organisations.Professional", on_delete=models.PROTECT, related_name="+")
    registered_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    handled_by = models.ForeignKey(
        "organisations.Professional", on_delete=models.PROTECT, null=True, blank=True,
        related_name="+", verbose_name=_("handled by"))
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    carried_out_on = models.DateField(_("carried out on"), null=True, blank=True)
    destroyed = models.JSONField(_("destroyed (categories and counts)"), default=dict, blank=True)

    class Meta:
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["status", "due_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(due_on__gt=models.F("received_on")),
                name="destruction_due_after_receipt",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="refused") | ~models.Q(decision_reason=""),
                name="destruction_refusal_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} ({self.get_status_display()})"

    @property
    def refusal_ground_source(self) -> str:
        return REFUSAL_GROUND_SOURCES.get(self.refusal_ground, "")

    @property
    def is_open(self) -> bool:
        return self.status in (DestructionStatus.RECEIVED, DestructionStatus.ASSESSED)


class VerwijsindexReport(models.Model):
    """The answer to "has this child also been reported in the Verwijsindex risicojongeren?"
    for a case. Schakel informs and does not replace the index: no BSN is stored here. The
    newest row per case is the current answer; older rows are history."""

    case = models.ForeignKey(
        "cases.Case", on_delete=models.CASCADE, related_name="verwijsindex_reports")
    reported = models.BooleanField(_("reported in the Verwijsindex"))
    reported_on = models.DateField(_("reported on"), null=True, blank=True)
    reported_by = models.CharField(
        _("reported by (professional and organisation)"), max_length=200, blank=True)
    checked_by = models.ForeignKey(
        "organisations.Professional", on_delete=models.PROTECT, related_name="+")
    checked_at = models.DateTimeField(_("checked at"))

    class Meta:
        ordering = ["case", "-checked_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(reported=False, reported_on__isnull=True)
                | models.Q(reported=True, reported_on__isnull=False),
                name="verwijsindex_reported_has_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.reported}"
