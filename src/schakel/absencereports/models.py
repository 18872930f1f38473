"""The verzuimmelding: what a school reports to the leerplichtambtenaar (Leerplichtwet 1969
art. 21a; the fields of the Besluit verzuimmelding), from a draft Schakel proposes for each
reporting event and long-term absence the attendance engine found, to the municipality's
answer. The report keeps its own copy of the period and hours: a recompute may move or remove
the event, what the school reported stays as reported."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportKind(models.TextChoices):
    LUXURY = "luxe", _("Luxury absence (holiday outside the school holidays)")
    BEGINNING = "beginnend", _("Beginning absence")
    SIGNAL = "signaal", _("Signal absence")
    SIXTEEN_HOURS = "16_uur", _("16 hours within 4 school weeks")
    LONG_TERM = "langdurig", _("Longer than a month")


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    CONFIRMED = "confirmed", _("Confirmed by the school")
    SENT = "sent", _("Sent to DUO")
    ANSWERED = "answered", _("Answered by the municipality")


class MunicipalityAnswer(models.TextChoices):
    IN_PROGRESS = "in_behandeling", _("Being handled")
    CLOSED = "afgesloten", _("Closed")


class ClosingReason(models.TextChoices):
    NONE = "", _("—")
    BACK_AT_SCHOOL = "terug_op_school", _("Back at school, absence stopped")
    CARE = "zorg", _("Care arranged")
    WARNING = "waarschuwing", _("Warning (HALT or official warning)")
    PROCES_VERBAAL = "proces_verbaal", _("Official report (proces-verbaal)")
    EXEMPTION = "vrijstelling", _("Exemption")
    OTHER = "anders", _("Other")


class AbsenceReport(models.Model):
    child = models.ForeignKey(
        "children.Child", on_delete=models.CASCADE, related_name="absence_reports")
    school = models.ForeignKey(
        "organisations.School", on_delete=models.PROTECT, related_name="absence_reports")
    kind = models.CharField(_("kind"), max_length=12, choices=ReportKind.choices)
    reporting_event = models.OneToOneField(
        "attendance.ReportingEvent", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="absence_report")
    long_term_absence = models.OneToOneField(
        "attendance.LongTermAbsence", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="absence_report")
    start_date = models.DateField(_("absent from"))
    end_date = models.DateField(_("absent until"))
    absent_hours = models.DecimalField(_("hours absent"), max_digits=6, decimal_places=1)
    absent_days = models.PositiveIntegerField(_("days absent"))
    suspected_reason = models.TextField(_("suspected reason"), blank=True)
    school_action = models.TextField(_("what the school did"), blank=True)
    municipal_action_wanted = models.BooleanField(_("action by the municipality wanted"),
                                                  default=False)
    status = models.CharField(_("status"), max_length=10, choices=ReportStatus.choices,
                              default=ReportStatus.DRAFT)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    confirmed_by = models.ForeignKey(
        "organisations.Professional", on_delete=models.PROTECT, null=True, blank=True,
        related_name="+")
    sent_on = models.DateField(_("sent to DUO on"), null=True, blank=True)
    answer = models.CharField(_("answer of the municipality"), max_length=16,
                              choices=MunicipalityAnswer.choices, blank=True)
    answered_on = models.DateField(_("answered on"), null=True, blank=True)
    closing_reason = models.CharField(_("closing reason"), max_length=16,
                                      choices=ClosingReason.choices, blank=True)

    class Meta:
        ordering = ["-start_date", "pk"]
        indexes = [models.Index(fields=["school", "status"])]
        constraints = [models.CheckConstraint(
            condition=models.Q(end_date__gte=models.F("start_date")),
            name="absence_report_period")]
