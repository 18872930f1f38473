"""The interprofessional team (IPT) of a school location in its layers (seed 004 §3, Bijlage
D): the kernteam, the broader team (tweede schil) and the steering group; who is a member from
when to when, with their function in the team and their substitute, and the team's charter of
agreements (seed 004 §3.4)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Self

from django.db import models
from django.utils.translation import gettext_lazy as _

from schakel.dates import DatedPeriod

if TYPE_CHECKING:
    from schakel.organisations.models import Professional


class TeamLayer(models.TextChoices):
    CORE = "core", _("Core team")
    BROAD = "broad", _("Broader team (second ring)")
    STEERING = "steering", _("Steering group")


class Team(models.Model):
    """An interprofessional team (IPT) of a school location, in one of its layers."""

    school = models.ForeignKey(
        "organisations.School", on_delete=models.CASCADE, related_name="teams")
    layer = models.CharField(_("layer"), max_length=10, choices=TeamLayer.choices)
    name = models.CharField(_("name"), max_length=200)
    members: models.ManyToManyField[Professional, TeamMembership] = models.ManyToManyField(
        "organisations.Professional", through="TeamMembership",
        through_fields=("team", "professional"), related_name="teams")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["school", "layer"], name="one_team_per_layer"),
        ]

    def __str__(self) -> str:
        return self.name


class TeamMembershipQuerySet(models.QuerySet["TeamMembership"]):
    def active_on(self, day: dt.date) -> Self:
        return self.filter(TeamMembership.active_q(day))


class TeamMembership(DatedPeriod, models.Model):
    """A professional in a team from `start_date` to `end_date` (the last day; None: still a
    member). The policy's "core team of a school" is the active memberships of its core team."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="memberships")
    professional = models.ForeignKey(
        "organisations.Professional", on_delete=models.CASCADE, related_name="team_memberships")
    role = models.CharField(_("function in the team"), max_length=100, blank=True)
    # Who stands in when the member cannot come (seed 004 §3.4: "Hoe regelen we vervanging?"),
    # a colleague of the member's own organisation.
    substitute = models.ForeignKey(
        "organisations.Professional", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="substitute_for", verbose_name=_("substitute"))
    start_date = models.DateField(_("member from"))
    end_date = models.DateField(_("member until"), null=True, blank=True)

    objects = TeamMembershipQuerySet.as_manager()

    class Meta:
        ordering = ["team", "start_date", "id"]
        constraints = [
            # At most one current membership of a person in a team; past ones stay as history.
            models.UniqueConstraint(
                fields=["team", "professional"], condition=models.Q(end_date__isnull=True),
                name="one_current_membership"),
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="membership_ends_after_start"),
        ]


class MeetingFrequency(models.TextChoices):
    WEEKLY = "weekly", _("Every week")
    FORTNIGHTLY = "fortnightly", _("Every two weeks")
    MONTHLY = "monthly", _("Every month")
    SIX_WEEKS = "six_weeks", _("Every six weeks")
    QUARTERLY = "quarterly", _("Four times a school year")
    TWICE_A_YEAR = "twice_a_year", _("Twice a year")


class TeamCharter(models.Model):
    """The team's own agreements (seed 004 §3.4): chair, preparation, frequency, how it
    meets, fixed agenda items, attendance and substitution, minutes."""

    team = models.OneToOneField(Team, on_delete=models.CASCADE, related_name="charter")
    chair = models.ForeignKey(
        "organisations.Professional", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("chair"))
    minute_taker = models.ForeignKey(
        "organisations.Professional", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("takes the minutes"))
    frequency = models.CharField(
        _("frequency"), max_length=20, choices=MeetingFrequency.choices,
        default=MeetingFrequency.SIX_WEEKS)
    preparation = models.TextField(_("preparation"), blank=True)
    way_of_meeting = models.TextField(_("how we meet"), blank=True)
    fixed_agenda = models.TextField(_("fixed agenda items"), blank=True)
    substitution = models.TextField(_("attendance and substitution"), blank=True)
    minutes = models.TextField(_("how we keep minutes"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.team}: charter"
