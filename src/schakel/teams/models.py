from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.utils.translation import gettext_lazy as _

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
        "organisations.Professional", through="TeamMembership", related_name="teams")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["school", "layer"], name="one_team_per_layer"),
        ]

    def __str__(self) -> str:
        return self.name


class TeamMembership(models.Model):
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="memberships")
    professional = models.ForeignKey(
        "organisations.Professional", on_delete=models.CASCADE, related_name="team_memberships")
    role = models.CharField(_("role in the team"), max_length=100, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["team", "professional"], name="unique_team_member"),
        ]
