"""What parents and young people add to their file through the portal, and the two switches
that decide what parents see: an entry withheld by the coordinator, and a case a young person
of 16 or over shares with their parents. Who sees what is decided in `access.policy.portal`.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from schakel.consent.models import InformationCategory


class EntryType(models.TextChoices):
    """The entries of a case that the portal shows and that can be withheld, answered with
    an own view (zienswijze) or asked to be corrected."""

    PLAN_STEP = "plan_step", _("Plan step")
    AGREEMENT = "agreement", _("Agreement")
    INTERVENTION = "intervention", _("Help given")


class PortalAuthored(models.Model):
    """Written by a parent (`by_guardian`) or by the young person themself
    (`by_young_person`), never both."""

    by_guardian = models.ForeignKey(
        "children.Guardian", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("parent"))
    by_young_person = models.ForeignKey(
        "children.Child", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("young person"))

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(by_guardian__isnull=False)
                           & models.Q(by_young_person__isnull=True))
                | (models.Q(by_guardian__isnull=True) & models.Q(by_young_person__isnull=False)),
                name="%(app_label)s_%(class)s_one_author",
            ),
        ]

    @property
    def author_name(self) -> str:
        if self.by_guardian is not None:
            return self.by_guardian.full_name
        return self.by_young_person.full_name if self.by_young_person is not None else ""


class WithheldEntry(models.Model):
    """An entry the coordinator (regiehouder) keeps from the parents in the child's interest,
    with the reason (Jeugdwet 7.3.10; BW 7:465 lid 4). The young person still sees it.
    Releasing it keeps the row as history."""

    case = models.ForeignKey(
        "cases.Case", on_delete=models.CASCADE, related_name="withheld_entries")
    object_type = models.CharField(_("entry"), max_length=20, choices=EntryType.choices)
    object_id = models.PositiveBigIntegerField(_("entry id"))
    reason = models.TextField(_("reason"))
    withheld_by = models.ForeignKey(
        "organisations.Professional", on_delete=models.PROTECT, related_name="+",
        verbose_name=_("withheld by"))
    withheld_at = models.DateTimeField(_("withheld at"))
    released_by = models.ForeignKey(
        "organisations.Professional", on_delete=models.PROTECT, null=True, blank=True,
        related_name="+", verbose_name=_("released by"))
    released_at = models.DateTimeField(_("released at"), null=True, blank=True)

    class Meta:
        ordering = ["-withheld_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "object_type", "object_id"],
                condition=models.Q(released_at__isnull=True), name="one_active_withholding"),
        ]


class SharedWithParents(models.Model):
    """A young person of 16 or over lets their parents with custody see one case. Ending the
    sharing (`ended_at`) takes effect at once; the row stays as history."""

    case = models.ForeignKey(
        "cases.Case", on_delete=models.CASCADE, related_name="shared_with_parents")
    young_person = models.ForeignKey(
        "children.Child", on_delete=models.PROTECT, related_name="+")
    shared_at = models.DateTimeField(_("shared at"))
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)

    class Meta:
        ordering = ["-shared_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["case"], condition=models.Q(ended_at__isnull=True),
                name="one_active_sharing_per_case"),
        ]


class PortalContribution(PortalAuthored):
    """The parents' or young person's own perspective and wishes for a plan step (step 3,
    gewenste situatie, by default). Kept beside the professionals' entry, never over it."""

    case = models.ForeignKey(
        "cases.Case", on_delete=models.CASCADE, related_name="portal_contributions")
    step = models.PositiveSmallIntegerField(_("step"), default=3)
    content = models.TextField(_("my perspective and wishes"))
    created_at = models.DateTimeField(_("added at"))

    class Meta(PortalAuthored.Meta):
        ordering = ["step", "-created_at", "-id"]


class PlanSignature(PortalAuthored):
    """A parent or young person co-signs the plan as it stood: the version of every step
    they saw (`step_versions`: {"3": 2, ...})."""

    case = models.ForeignKey(
        "cases.Case", on_delete=models.CASCADE, related_name="plan_signatures")
    step_versions = models.JSONField(_("versions signed"))
    signed_at = models.DateTimeField(_("signed at"))

    class Meta(PortalAuthored.Meta):
        ordering = ["-signed_at", "-id"]


class OwnView(PortalAuthored):
    """A zienswijze: the parent's or young person's own view on one entry, added to the file
    beside it (BW 7:454 lid 2)."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="own_views")
    object_type = models.CharField(_("entry"), max_length=20, choices=EntryType.choices)
    object_id = models.PositiveBigIntegerField(_("entry id"))
    text = models.TextField(_("my view"))
    created_at = models.DateTimeField(_("added at"))

    class Meta(PortalAuthored.Meta):
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["case", "object_type", "object_id"])]


class CorrectionStatus(models.TextChoices):
    OPEN = "open", _("Waiting for an answer")
    CORRECTED = "corrected", _("Corrected")
    DECLINED = "declined", _("Not corrected")


class CorrectionRequest(PortalAuthored):
    """A request to correct an entry (AVG art. 16), answered by the coordinator with a
    recorded answer, within a month (AVG art. 12(3))."""

    case = models.ForeignKey(
        "cases.Case", on_delete=models.CASCADE, related_name="correction_requests")
    object_type = models.CharField(_("entry"), max_length=20, choices=EntryType.choices)
    object_id = models.PositiveBigIntegerField(_("entry id"))
    request_text = models.TextField(_("what should be corrected"))
    requested_at = models.DateTimeField(_("requested at"))
    status = models.CharField(
        _("status"), max_length=10, choices=CorrectionStatus.choices,
        default=CorrectionStatus.OPEN)
    answer = models.TextField(_("answer"), blank=True)
    answered_by = models.ForeignKey(
        "organisations.Professional", on_delete=models.PROTECT, null=True, blank=True,
        related_name="+", verbose_name=_("answered by"))
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta(PortalAuthored.Meta):
        ordering = ["-requested_at", "-id"]
        indexes = [models.Index(fields=["case", "status"])]


class PendingConsentStatus(models.TextChoices):
    OPEN = "open", _("Waiting for a signature")
    RECORDED = "recorded", _("Recorded")
    CANCELLED = "cancelled", _("Cancelled")


class PendingConsent(models.Model):
    """Consent given in the portal that needs one more person before it counts: from 12 to
    15 the young person and a parent with custody both consent (Jeugdwet 7.3.4). Once the
    signatures satisfy the age rule, the consent is recorded through `consent_record`."""

    child = models.ForeignKey(
        "children.Child", on_delete=models.PROTECT, related_name="pending_consents")
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="+",
        verbose_name=_("receiving organisation"))
    category = models.CharField(
        _("information category"), max_length=20, choices=InformationCategory.choices)
    purpose = models.TextField(_("purpose"))
    created_at = models.DateTimeField(_("started at"))
    status = models.CharField(
        _("status"), max_length=10, choices=PendingConsentStatus.choices,
        default=PendingConsentStatus.OPEN)
    consent = models.OneToOneField(
        "consent.Consent", on_delete=models.PROTECT, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["child", "organisation", "category"],
                condition=models.Q(status="open"), name="one_open_pending_consent"),
        ]


class PendingConsentSignature(PortalAuthored):
    pending = models.ForeignKey(
        PendingConsent, on_delete=models.CASCADE, related_name="signatures")
    signed_at = models.DateTimeField(_("signed at"))

    class Meta(PortalAuthored.Meta):
        ordering = ["signed_at", "id"]
        constraints = [
            *PortalAuthored.Meta.constraints,
            models.UniqueConstraint(
                fields=["pending", "by_guardian"], name="one_pending_signature_per_guardian"),
            models.UniqueConstraint(
                fields=["pending", "by_young_person"],
                name="one_pending_signature_per_young_person"),
        ]


class InformationRequestStatus(models.TextChoices):
    OPEN = "open", _("Waiting for an answer")
    GRANTED = "granted", _("Answered")
    REFUSED = "refused", _("Refused")


class InformationRequest(models.Model):
    """A parent without custody asks for the important facts about their child (BW 1:377c
    lid 1). The coordinator of the child's open case, or else the contact point of the
    child's school, answers: what is shared is copied onto the request when it is granted
    (what was given, on that day), or it is refused in the child's interest with a recorded
    reason the parent does not see (lid 2). Nothing is shown to the parent before the
    answer."""

    child = models.ForeignKey(
        "children.Child", on_delete=models.PROTECT, related_name="information_requests")
    guardian = models.ForeignKey(
        "children.Guardian", on_delete=models.PROTECT, related_name="information_requests",
        verbose_name=_("parent"))
    question = models.TextField(_("what is asked"))
    asked_at = models.DateTimeField(_("asked at"))
    status = models.CharField(
        _("status"), max_length=10, choices=InformationRequestStatus.choices,
        default=InformationRequestStatus.OPEN)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    answered_by = models.ForeignKey(
        "organisations.Professional", on_delete=models.PROTECT, null=True, blank=True,
        related_name="+", verbose_name=_("answered by"))
    # What was shared (granted), as it was on the day of the answer.
    shared_school = models.CharField(_("school and class"), max_length=300, blank=True)
    shared_case = models.CharField(_("case and contact"), max_length=300, blank=True)
    message = models.TextField(_("message to the parent"), blank=True)
    # Why it was refused (refused): recorded, never shown to the parent.
    refusal_reason = models.TextField(_("reason for refusal"), blank=True)

    class Meta:
        ordering = ["-asked_at", "-id"]
        indexes = [models.Index(fields=["child", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="refused") | ~models.Q(refusal_reason=""),
                name="information_refusal_has_reason",
            ),
            models.CheckConstraint(
                condition=models.Q(status="open") | models.Q(answered_at__isnull=False),
                name="information_answer_has_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.guardian_id} → {self.child_id} ({self.status})"
