"""Reads for the demo tooling: who the demo sign-ins are and what they are part of. Counts
and team names only, never a child's data, so no access-log rows are written."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.utils import timezone

from schakel.cases.models import CaseStatus, Involvement
from schakel.demo.people import DEMO_SUFFIX, PEOPLE
from schakel.organisations.models import Professional
from schakel.teams.models import TeamLayer, TeamMembership


@dataclass
class DemoReach:
    """What a demo professional is part of."""

    professional: Professional
    core_teams: list[str] = field(default_factory=list)
    other_teams: list[str] = field(default_factory=list)
    coordinating: int = 0
    involved: int = 0


def demo_professionals_reach() -> list[DemoReach]:
    """The demo sign-ins in the order of `people.PEOPLE`, then any other `.demo` sign-in."""
    order = {spec.username: index for index, spec in enumerate(PEOPLE)}
    professionals = sorted(
        Professional.objects.select_related("user", "organisation")
        .filter(user__username__endswith=DEMO_SUFFIX),
        key=lambda p: (order.get(p.user.username, len(order)), p.user.username),
    )
    reach = {p.pk: DemoReach(p) for p in professionals}
    memberships = TeamMembership.objects.active_on(timezone.localdate()).filter(
        professional_id__in=reach).select_related(
        "team__school").order_by("team__school__name")
    for membership in memberships:
        item = reach[membership.professional_id]
        target = item.core_teams if membership.team.layer == TeamLayer.CORE else item.other_teams
        target.append(membership.team.school.name)
    today = timezone.localdate()
    active = (
        Involvement.objects.filter(professional_id__in=reach).active_on(today)
        .exclude(case__status=CaseStatus.CLOSED)
        .values_list("professional_id", "case__coordinator_id")
    )
    counts: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for professional_id, coordinator_id in active:
        counts[professional_id][0 if coordinator_id == professional_id else 1] += 1
    for pk, (coordinating, involved) in counts.items():
        reach[pk].coordinating, reach[pk].involved = coordinating, involved
    return list(reach.values())
