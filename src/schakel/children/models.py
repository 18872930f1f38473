from __future__ import annotations

import datetime as dt
from typing import Self

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from schakel.dates import DatedPeriod


class Family(models.Model):
    """A household (gezin). Siblings may attend different schools."""

    name = models.CharField(_("family name"), max_length=200)

    class Meta:
        verbose_name_plural = "families"

    def __str__(self) -> str:
        return self.name


class Child(models.Model):
    """A child, pupil or young person. Identified by the onderwijsnummer and, per school,
    the pupil number on the enrolment; never by the BSN."""

    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    birth_date = models.DateField(_("date of birth"))
    education_number = models.CharField(
        _("education number (onderwijsnummer)"), max_length=9, unique=True, null=True, blank=True)
    family = models.ForeignKey(
        Family, on_delete=models.PROTECT, null=True, blank=True, related_name="children")
    # The young person's own sign-in for the portal (from 12), if they have one.
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="young_person", verbose_name=_("portal account"))
    # A safety note (veiligheidsnotitie): the child's safety asks that nothing about the child
    # is given to a parent without custody without a professional's check; it blocks granting
    # an information request (BW 1:377c lid 2, `policy.information_request_block`).
    safety_note = models.TextField(_("safety note"), blank=True)

    class Meta:
        ordering = ["last_name", "first_name"]
        # The search box finds a child by date of birth (`children_search`).
        indexes = [models.Index(fields=["birth_date"])]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    def age_on(self, day: dt.date) -> int:
        before_birthday = (day.month, day.day) < (self.birth_date.month, self.birth_date.day)
        return day.year - self.birth_date.year - int(before_birthday)


class Guardian(models.Model):
    """A parent or carer (ouder/verzorger). Custody (gezag) is per child, on `Guardianship`."""

    full_name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    # The parent's own sign-in for the portal, if they have one.
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="guardian", verbose_name=_("portal account"))
    children: models.ManyToManyField[Child, Guardianship] = models.ManyToManyField(
        Child, through="Guardianship", related_name="guardians")

    def __str__(self) -> str:
        return self.full_name


class Guardianship(models.Model):
    """A parent or carer recorded with a child. Whether they have custody (gezag) on a day is
    their dated `Custody` history, read through `access.policy.custody`; a guardianship
    without custody on a day is a parent without custody (BW 1:377c) that day."""

    guardian = models.ForeignKey(Guardian, on_delete=models.CASCADE, related_name="guardianships")
    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="guardianships")
    relation = models.CharField(_("relation"), max_length=50, default="ouder")
    # A contact ban (contactverbod, omgangsverbod) for this parent: blocks granting their
    # information requests (BW 1:377c lid 2; 1:377a lid 3).
    contact_ban = models.BooleanField(_("contact ban"), default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["guardian", "child"], name="unique_guardianship"),
        ]

    def __str__(self) -> str:
        return f"{self.guardian_id} - {self.child_id} ({self.relation})"


class EnrolmentQuerySet(models.QuerySet["Enrolment"]):
    def active_on(self, day: dt.date) -> Self:
        return self.filter(Enrolment.active_q(day))

    def not_ended_before(self, day: dt.date) -> Self:
        """Current on `day` or still to come."""
        return self.filter(Enrolment.not_ended_before_q(day))


class Enrolment(DatedPeriod, models.Model):
    """Inschrijving: a child at a school (and class) from a date, until a date."""

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="enrolments")
    school = models.ForeignKey(
        "organisations.School", on_delete=models.PROTECT, related_name="enrolments")
    school_class = models.ForeignKey(
        "organisations.SchoolClass", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="enrolments",
    )
    pupil_number = models.CharField(_("pupil number"), max_length=20)
    start_date = models.DateField(_("from"))
    end_date = models.DateField(_("until"), null=True, blank=True)

    objects = EnrolmentQuerySet.as_manager()

    class Meta:
        ordering = ["child", "-start_date"]
        # The search box finds a child by pupil number, at any school (`children_search`).
        indexes = [models.Index(fields=["school", "end_date"]),
                   models.Index(fields=["pupil_number"])]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "pupil_number"], name="unique_pupil_number_per_school"),
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="enrolment_end_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.child} @ {self.school}"


class CustodySource(models.TextChoices):
    """Where a period of custody (gezag) comes from (BW 1:245 and further)."""

    BIRTH = "birth", _("By law at birth (BW 1:251, 1:253b)")
    MARRIAGE = "marriage", _("By marriage or registered partnership (BW 1:251)")
    RECOGNITION = "recognition", _("Recognition with registration of joint custody (BW 1:252)")
    REGISTER = "register", _("Entry in the custody register (BW 1:244, 1:252)")
    COURT_ORDER = "court_order", _("Court order (BW 1:251a, 1:253c, 1:277)")
    UNKNOWN = "unknown", _("Recorded before custody had dates (source not recorded)")


class CustodyQuerySet(models.QuerySet["Custody"]):
    def active_on(self, day: dt.date) -> Self:
        return self.filter(Custody.active_q(day))


class Custody(DatedPeriod, models.Model):
    """A period in which a parent or carer has custody (gezag) of a child, from `start_date`
    to `end_date` (the last day; None: open-ended), with its source. History is kept: a
    change ends a period and starts another (`children.services.custody_record`,
    `custody_end`). Under an active voogdij the parents' custody does not count whatever is
    recorded here (`access.policy.custody`)."""

    guardianship = models.ForeignKey(
        Guardianship, on_delete=models.CASCADE, related_name="custody_periods")
    start_date = models.DateField(_("from"))
    end_date = models.DateField(_("until"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=20, choices=CustodySource.choices)
    reference = models.CharField(_("reference (e.g. the court order)"), max_length=200,
                                 blank=True)
    recorded_by = models.ForeignKey(
        "organisations.Professional", on_delete=models.PROTECT, null=True, blank=True,
        related_name="+")
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    ended_by = models.ForeignKey(
        "organisations.Professional", on_delete=models.PROTECT, null=True, blank=True,
        related_name="+")

    objects = CustodyQuerySet.as_manager()

    class Meta:
        ordering = ["guardianship", "-start_date"]
        verbose_name_plural = "custody periods"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="custody_end_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.guardianship_id}: {self.start_date} - {self.end_date or ''}"


class MeasureKind(models.TextChoices):
    OTS = "ots", _("Supervision order (OTS)")
    PROVISIONAL_OTS = "provisional_ots", _("Provisional supervision order (voorlopige OTS)")
    GUARDIANSHIP = "voogdij", _("Guardianship (voogdij)")
    YOUTH_PROBATION = "jeugdreclassering", _("Youth probation (jeugdreclassering)")


class MeasureQuerySet(models.QuerySet["Measure"]):
    def active_on(self, day: dt.date) -> Self:
        return self.filter(Measure.active_q(day))

    def overlapping(self, start: dt.date, end: dt.date | None) -> Self:
        """Active on some day from `start` to `end` (inclusive; open-ended when None)."""
        overlap = self.filter(Measure.not_ended_before_q(start))
        return overlap if end is None else overlap.filter(start_date__lte=end)


class Measure(DatedPeriod, models.Model):
    """A child-protection or youth-justice measure (maatregel) carried out by a certified
    institution (GI), with its worker and period. An OTS is ordered for at most a year and is
    extended by a new period (a new row); a provisional OTS lasts at most 3 months
    (BW 1:255-265). Under voogdij (BW 1:302 lid 2, 1:275) the GI is the voogd: for the
    measure's period the parents' custody does not count and the GI consents in their place
    (`access.policy.custody`, `access.policy.consenters`)."""

    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="measures")
    kind = models.CharField(_("measure"), max_length=20, choices=MeasureKind.choices)
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="measures",
        verbose_name=_("certified institution (GI)"))
    worker = models.ForeignKey(
        "organisations.Professional", on_delete=models.PROTECT, related_name="measures",
        verbose_name=_("worker"))
    start_date = models.DateField(_("from"))
    end_date = models.DateField(_("until"), null=True, blank=True)
    started_by = models.ForeignKey(
        "organisations.Professional", on_delete=models.PROTECT, related_name="+")
    ended_at = models.DateTimeField(_("end recorded at"), null=True, blank=True)
    ended_by = models.ForeignKey(
        "organisations.Professional", on_delete=models.PROTECT, null=True, blank=True,
        related_name="+")

    objects = MeasureQuerySet.as_manager()

    class Meta:
        ordering = ["child", "-start_date"]
        indexes = [models.Index(fields=["child", "kind"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="measure_end_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.child}"
