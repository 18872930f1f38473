"""Rode draad (seed 004, Bijlage D, voorbeeld 3): the school's kernteam sees and handles the
patterns of its school; the school's management — its steering group (stuurgroep) and the
school leaders in one of its teams — sees a pattern once the kernteam escalated it, as counts
and theme only (DESIGN §1: managers see aggregates, never individual children). The signals a
pattern counted are shown to the kernteam, each only where `signals_readable_q` lets the
reader read it."""

from __future__ import annotations

from django.db.models import Q
from django.utils import timezone

from schakel.access.actor import Actor
from schakel.access.policy.core import DENY, Decision, Ground, core_team_school_ids
from schakel.organisations.models import Function
from schakel.patterns.models import Pattern
from schakel.teams.models import TeamLayer, TeamMembership


def school_management_q(school_id: int, prefix: str = "") -> Q:
    """Professionals who are the school's management today, as a filter on `Professional`
    (`prefix` for joins): the active members of its steering group, and its school leaders
    in any of its teams."""
    members = TeamMembership.objects.active_on(timezone.localdate()).filter(
        team__school_id=school_id)
    steering = members.filter(team__layer=TeamLayer.STEERING).values("professional_id")
    leaders = members.filter(professional__function=Function.SCHOOL_MANAGER).values(
        "professional_id")
    return Q(**{f"{prefix}pk__in": steering}) | Q(**{f"{prefix}pk__in": leaders})


def management_school_ids(actor: Actor) -> frozenset[int]:
    """The schools whose management the actor is part of today. Cached per actor."""
    if actor.professional is None:
        return frozenset()
    cache: dict[int, frozenset[int]] = actor.__dict__.setdefault("_management_schools", {})
    key = actor.professional.pk
    if key not in cache:
        members = TeamMembership.objects.active_on(timezone.localdate()).filter(
            professional=actor.professional)
        cache[key] = frozenset(members.filter(
            Q(team__layer=TeamLayer.STEERING)
            | Q(professional__function=Function.SCHOOL_MANAGER),
        ).values_list("team__school_id", flat=True))
    return cache[key]


def may_list_patterns(actor: Actor) -> Decision:
    if core_team_school_ids(actor):
        return Decision(True, Ground.CORE_TEAM)
    if management_school_ids(actor):
        return Decision(True, Ground.MANAGEMENT)
    return DENY


def patterns_visible_q(actor: Actor) -> Q:
    """The patterns a reader sees in a list: all of their kernteam's schools, and the
    escalated ones (also when closed afterwards) of the schools they manage."""
    return Q(school_id__in=sorted(core_team_school_ids(actor))) | Q(
        school_id__in=sorted(management_school_ids(actor)), escalated_at__isnull=False)


def may_read_pattern(actor: Actor, pattern: Pattern) -> Decision:
    if pattern.school_id in core_team_school_ids(actor):
        return Decision(True, Ground.CORE_TEAM)
    if pattern.escalated_at is not None and pattern.school_id in management_school_ids(actor):
        return Decision(True, Ground.MANAGEMENT)
    return DENY


def may_see_pattern_signals(actor: Actor, pattern: Pattern) -> Decision:
    """The signals counted (each still as `signals_readable_q` allows): the kernteam only;
    management sees counts and theme."""
    if pattern.school_id in core_team_school_ids(actor):
        return Decision(True, Ground.CORE_TEAM)
    return DENY


def may_change_pattern(actor: Actor, pattern: Pattern) -> Decision:
    """Mark discussed, escalate, close: the school's kernteam."""
    if pattern.school_id in core_team_school_ids(actor):
        return Decision(True, Ground.CORE_TEAM)
    return DENY
