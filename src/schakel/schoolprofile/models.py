"""The regional monitor's figures of a school (pupils, municipalities of origin, pupils with a
youth-care indication, providers, referrers), one snapshot per school and reference date
(peildatum), as the CSV of docs/schoolprofile.md gives them. Aggregates, no child."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class MonitorSection(models.TextChoices):
    PUPILS = "leerlingen", _("Pupils")
    MUNICIPALITY = "herkomstgemeente", _("Municipality of origin")
    YOUTH_CARE = "jeugdhulp", _("Pupils with a youth-care indication")
    PROVIDER = "aanbieder", _("Youth-care provider")
    REFERRER = "verwijzer", _("Referred by")


# The sections that split another one: their categories add up to its total.
PARTS_OF: dict[str, str] = {
    MonitorSection.MUNICIPALITY: MonitorSection.PUPILS,
    MonitorSection.PROVIDER: MonitorSection.YOUTH_CARE,
    MonitorSection.REFERRER: MonitorSection.YOUTH_CARE,
}
TOTAL_CATEGORY = "totaal"


class Referrer(models.TextChoices):
    """Who may refer to youth care (Jeugdwet art. 2.6 and 2.7)."""

    MUNICIPALITY = "gemeente", _("Municipality (youth-care access)")
    GP = "huisarts", _("General practitioner")
    YOUTH_DOCTOR = "jeugdarts", _("Youth doctor")
    MEDICAL_SPECIALIST = "medisch_specialist", _("Medical specialist")
    CERTIFIED_INSTITUTION = "gecertificeerde_instelling", _("Certified institution")
    COURT = "rechter", _("Court or public prosecutor")
    OTHER = "overig", _("Other or unknown")


class MonitorSnapshot(models.Model):
    school = models.ForeignKey(
        "organisations.School", on_delete=models.CASCADE, related_name="monitor_snapshots")
    reference_date = models.DateField(_("reference date"))
    imported_by = models.ForeignKey(
        "organisations.Professional", on_delete=models.PROTECT, related_name="+",
        verbose_name=_("imported by"))
    imported_at = models.DateTimeField(_("imported at"))
    file_name = models.CharField(_("file name"), max_length=255)

    class Meta:
        ordering = ["school", "-reference_date"]
        constraints = [models.UniqueConstraint(
            fields=["school", "reference_date"], name="one_monitor_snapshot_per_date")]

    def __str__(self) -> str:
        return f"{self.school} {self.reference_date}"


class MonitorFigure(models.Model):
    snapshot = models.ForeignKey(MonitorSnapshot, on_delete=models.CASCADE,
                                 related_name="figures")
    section = models.CharField(_("section"), max_length=20, choices=MonitorSection.choices)
    category = models.CharField(_("category"), max_length=100)
    count = models.PositiveIntegerField(_("count"))

    class Meta:
        ordering = ["snapshot", "section", "category"]
        constraints = [models.UniqueConstraint(
            fields=["snapshot", "section", "category"], name="one_monitor_figure")]
