"""Consent (toestemming) and the other legal grounds (wettelijke grondslagen) for sharing a
child's information with an organisation, per information category."""

from __future__ import annotations

import datetime as dt
from typing import Self

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class InformationCategory(models.TextChoices):
    CARE = "care", _("Care content")
    SCHOOL = "school", _("School data")
    ATTENDANCE = "attendance", _("Attendance")
    CONTACT = "contact", _("Contact details")


class ConsentMethod(models.TextChoices):
    VERBAL = "verbal", _("Verbally")
    WRITTEN = "written", _("In writing")
    PORTAL = "portal", _("Through the portal")


class ConsentQuerySet(models.QuerySet["Consent"]):
    def active_on(self, day: dt.date) -> Self:
        """The date part of being in force; whether the right people signed is
        `policy.consent_in_force`."""
        return self.filter(Consent.active_q(day))


class Consent(models.Model):
    """Consent to share one category of a child's information with one organisation for one
    purpose. Who consented is on its `ConsentSignature` rows; whether it is in force on a day
    also depends on the child's age that day (`policy.consenters`). A withdrawal ends it at once;
    the record stays as history."""

    child = models.ForeignKey(
        "children.Child", on_delete=models.PROTECT, related_name="consents")
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="consents",
        verbose_name=_("receiving organisation"))
    category = models.CharField(
        _("information category"), max_length=20, choices=InformationCategory.choices)
    purpose = models.TextField(_("purpose"))
    method = models.CharField(_("given"), max_length=10, choices=ConsentMethod.choices)
    given_at = models.DateField(_("given on"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        "organisations.Professional", on_delete=models.PROTECT, null=True, blank=True,
        related_name="+", verbose_name=_("recorded by"))
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawn_by_guardian = models.ForeignKey(
        "children.Guardian", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("withdrawn by"))
    withdrawn_by_young_person = models.BooleanField(
        _("withdrawn by the young person"), default=False)
    withdrawn_by_voogd = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, null=True, blank=True,
        related_name="+", verbose_name=_("withdrawn by the voogd"))
    withdrawal_recorded_by = models.ForeignKey(
        "organisations.Professional", on_delete=models.PROTECT, null=True, blank=True,
        related_name="+", verbose_name=_("withdrawal recorded by"))

    objects = ConsentQuerySet.as_manager()

    class Meta:
        ordering = ["-given_at", "-id"]
        indexes = [models.Index(fields=["child", "organisation", "category"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_until__isnull=True)
                | models.Q(valid_until__gte=models.F("given_at")),
                name="consent_valid_after_given",
            ),
            models.CheckConstraint(
                condition=models.Q(withdrawn_at__isnull=False)
                | (models.Q(withdrawn_by_guardian__isnull=True)
                   & models.Q(withdrawn_by_young_person=False)
                   & models.Q(withdrawn_by_voogd__isnull=True)),
                name="consent_withdrawer_only_when_withdrawn",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.child_id} → {self.organisation_id} ({self.category})"

    @classmethod
    def active_q(cls, day: dt.date, prefix: str = "") -> models.Q:
        """Given on or before `day`, `valid_until` (its last day) not passed, and not withdrawn
        on or before `day`: a withdrawal takes effect at once (AVG art. 7(3)) and counts for
        the whole local day it was made (`withdrawn_at__date` is the local date)."""
        return (
            models.Q(**{f"{prefix}given_at__lte": day})
            & (models.Q(**{f"{prefix}valid_until__isnull": True})
               | models.Q(**{f"{prefix}valid_until__gte": day}))
            & (models.Q(**{f"{prefix}withdrawn_at__isnull": True})
               | models.Q(**{f"{prefix}withdrawn_at__date__gt": day})))

    def is_active_on(self, day: dt.date) -> bool:
        return self.is_within_validity(day) and not self.is_withdrawn_on(day)

    def is_withdrawn_on(self, day: dt.date) -> bool:
        """Withdrawn on or before `day` (a withdrawal counts for the whole day it was made)."""
        return (self.withdrawn_at is not None
                and timezone.localdate(self.withdrawn_at) <= day)

    def is_within_validity(self, day: dt.date) -> bool:
        return self.given_at <= day and (self.valid_until is None or day <= self.valid_until)


class ConsentSignature(models.Model):
    """One who consented: a guardian, the young person themself, or the certified
    institution (GI) as voogd (BW 1:302 lid 2), signed on its behalf by one of its
    professionals (`voogd_professional`)."""

    consent = models.ForeignKey(Consent, on_delete=models.CASCADE, related_name="signatures")
    guardian = models.ForeignKey(
        "children.Guardian", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    is_young_person = models.BooleanField(_("the young person"), default=False)
    voogd = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, null=True, blank=True,
        related_name="+", verbose_name=_("voogd (certified institution)"))
    voogd_professional = models.ForeignKey(
        "organisations.Professional", on_delete=models.PROTECT, null=True, blank=True,
        related_name="+", verbose_name=_("signed for the voogd by"))

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(guardian__isnull=False) & models.Q(is_young_person=False)
                           & models.Q(voogd__isnull=True))
                | (models.Q(guardian__isnull=True) & models.Q(is_young_person=True)
                   & models.Q(voogd__isnull=True))
                | (models.Q(guardian__isnull=True) & models.Q(is_young_person=False)
                   & models.Q(voogd__isnull=False)),
                name="signature_guardian_young_person_or_voogd",
            ),
            models.UniqueConstraint(
                fields=["consent", "voogd"], name="unique_voogd_signature"),
            models.UniqueConstraint(
                fields=["consent", "guardian"], name="unique_guardian_signature"),
            models.UniqueConstraint(
                fields=["consent"], condition=models.Q(is_young_person=True),
                name="unique_young_person_signature"),
        ]


class LegalGroundKind(models.TextChoices):
    OTS_DUTY_TO_INFORM = "ots_duty_to_inform", _(
        "Duty to inform the child-protection worker during a supervision order (OTS)")
    TRUANCY_REPORTING = "truancy_reporting", _(
        "Truancy reporting (Leerplichtwet 1969, art. 21a)")
    MELDCODE = "meldcode", _(
        "Reporting code for domestic violence and child abuse (Wet verplichte meldcode)")


class LegalGroundQuerySet(models.QuerySet["LegalGround"]):
    def active_on(self, day: dt.date) -> Self:
        return self.filter(LegalGround.active_q(day))


class LegalGround(models.Model):
    """A ground other than consent on which an organisation receives a category of a child's
    information, with its legal reference and period."""

    child = models.ForeignKey(
        "children.Child", on_delete=models.PROTECT, related_name="legal_grounds")
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="legal_grounds",
        verbose_name=_("receiving organisation"))
    category = models.CharField(
        _("information category"), max_length=20, choices=InformationCategory.choices)
    kind = models.CharField(_("ground"), max_length=30, choices=LegalGroundKind.choices)
    reference = models.TextField(_("reference"))
    valid_from = models.DateField(_("from"))
    valid_until = models.DateField(_("until"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        "organisations.Professional", on_delete=models.PROTECT, related_name="+",
        verbose_name=_("recorded by"))
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    ended_by = models.ForeignKey(
        "organisations.Professional", on_delete=models.PROTECT, null=True, blank=True,
        related_name="+", verbose_name=_("ended by"))

    objects = LegalGroundQuerySet.as_manager()

    class Meta:
        ordering = ["-valid_from", "-id"]
        indexes = [models.Index(fields=["child", "organisation", "category"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_until__isnull=True)
                | models.Q(valid_until__gte=models.F("valid_from")),
                name="legal_ground_until_after_from",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind}: {self.child_id} → {self.organisation_id} ({self.category})"

    @classmethod
    def active_q(cls, day: dt.date, prefix: str = "") -> models.Q:
        """In force from `valid_from` up to and including `valid_until`."""
        return models.Q(**{f"{prefix}valid_from__lte": day}) & (
            models.Q(**{f"{prefix}valid_until__isnull": True})
            | models.Q(**{f"{prefix}valid_until__gte": day}))

    def is_active_on(self, day: dt.date) -> bool:
        return self.valid_from <= day and not self.has_ended_before(day)

    def has_ended_before(self, day: dt.date) -> bool:
        return self.valid_until is not None and self.valid_until < day
