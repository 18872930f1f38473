"""The core team's triage of a new signal: who picks it up, how urgent it is, and whether it
goes onto the next kernteam meeting's agenda. One row per signal; the signal's status stays in
`signals` (its own status table)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Urgency(models.IntegerChoices):
    """The scale of docs/triage.md."""

    TODAY = 1, _("Today: act the same day")
    THIS_WEEK = 2, _("This week")
    NEXT_MEETING = 3, _("At the next core team meeting")
    NO_HURRY = 4, _("No hurry")


class SignalTriage(models.Model):
    signal = models.OneToOneField(
        "signals.Signal", on_delete=models.CASCADE, related_name="triage")
    assignee = models.ForeignKey(
        "organisations.Professional", on_delete=models.PROTECT, null=True, blank=True,
        related_name="triaged_signals")
    urgency = models.PositiveSmallIntegerField(
        _("urgency"), choices=Urgency.choices, null=True, blank=True)
    for_next_meeting = models.BooleanField(_("for the next core team meeting"), default=False)
    triaged_by = models.ForeignKey(
        "organisations.Professional", on_delete=models.PROTECT, related_name="+")
    triaged_at = models.DateTimeField(_("triaged at"))

    def __str__(self) -> str:
        return f"triage of signal {self.signal_id}"
