"""The access policy: every decision about who may see or change what is made here.

Views, the API, exports and commands never decide access themselves; they call the `access_*`
selectors of their app, which ask this module. A refusal is always indistinguishable from
"does not exist" (404) to the user, and is written to the access log.

Need to know (DESIGN §4):
- the coordinator (regiehouder) and the professionals actively involved in a case see it;
- the school's core team sees the signals of its school and, for its pupils, that a case
  exists and who coordinates it, not the case content;
- the one who raised a signal sees that signal;
- a log administrator reads the access log; nobody else does;
- everyone else sees nothing of a child.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from schakel.access.actor import Actor
from schakel.cases.models import Case, CaseStatus, Involvement
from schakel.children.models import Child, Enrolment
from schakel.signals.models import Signal
from schakel.teams.models import TeamLayer, TeamMembership


class Ground(StrEnum):
    """The treatment relationship on which access was granted, as logged."""

    COORDINATOR = "coordinator"
    INVOLVED = "involved"
    CORE_TEAM = "core_team"
    RAISED_BY = "raised_by"
    LOG_ADMINISTRATOR = "log_administrator"
    NONE = ""


@dataclass(frozen=True)
class Decision:
    allowed: bool
    ground: Ground = Ground.NONE

    def __bool__(self) -> bool:
        return self.allowed


DENY = Decision(allowed=False)


def _today() -> dt.date:
    return timezone.localdate()


def core_team_school_ids(actor: Actor) -> frozenset[int]:
    """Schools whose core team (kernteam) the actor belongs to. Cached per actor."""
    if actor.professional is None:
        return frozenset()
    cache: dict[int, frozenset[int]] = actor.__dict__.setdefault("_core_schools", {})
    key = actor.professional.pk
    if key not in cache:
        cache[key] = frozenset(
            TeamMembership.objects.filter(
                professional=actor.professional, team__layer=TeamLayer.CORE
            ).values_list("team__school_id", flat=True)
        )
    return cache[key]


def _active_involvement_q(actor: Actor, prefix: str = "") -> Q:
    today = _today()
    return Q(**{f"{prefix}professional": actor.professional}) & (
        Q(**{f"{prefix}end_date__isnull": True}) | Q(**{f"{prefix}end_date__gte": today})
    )


def _is_involved(actor: Actor, case: Case) -> bool:
    return Involvement.objects.filter(_active_involvement_q(actor), case=case).exists()


# --- cases -------------------------------------------------------------------------------


def case_content_visible_q(actor: Actor) -> Q:
    """Cases whose content the actor may read, as a filter on `Case`."""
    if actor.professional is None:
        return Q(pk__in=[])
    involved = Involvement.objects.filter(_active_involvement_q(actor), case=OuterRef("pk"))
    return Q(coordinator=actor.professional) | Q(Exists(involved))


def case_read(actor: Actor, case: Case) -> Decision:
    if actor.professional is None:
        return DENY
    if case.coordinator_id == actor.professional.pk:
        return Decision(True, Ground.COORDINATOR)
    if _is_involved(actor, case):
        return Decision(True, Ground.INVOLVED)
    return DENY


def case_contribute(actor: Actor, case: Case) -> Decision:
    """Add to the plan, agreements, interventions, advice; involve others; escalate."""
    if case.status == CaseStatus.CLOSED:
        return DENY
    return case_read(actor, case)


def case_steer(actor: Actor, case: Case) -> Decision:
    """Close the case. The coordinator steers; while nobody coordinates, any involved
    professional may."""
    decision = case_contribute(actor, case)
    if not decision:
        return DENY
    if case.coordinator_id is None or decision.ground == Ground.COORDINATOR:
        return decision
    return DENY


def case_existence_visible_q(actor: Actor) -> Q:
    """Cases whose existence and coordinator (not content) the actor may see: their own, and
    those of pupils currently enrolled at a school whose core team the actor is in."""
    schools = core_team_school_ids(actor)
    q = case_content_visible_q(actor)
    if schools:
        q |= Q(Exists(_current_enrolments_at(schools).filter(child_id=OuterRef("child_id"))))
        q |= Q(school_id__in=schools, child__isnull=True)
    return q


# --- children ----------------------------------------------------------------------------


def _current_enrolments_at(school_ids: frozenset[int]) -> models.QuerySet[Enrolment]:
    today = _today()
    return Enrolment.objects.filter(school_id__in=school_ids, start_date__lte=today).filter(
        Q(end_date__isnull=True) | Q(end_date__gte=today)
    )


def child_read(actor: Actor, child: Child) -> Decision:
    """The child's overview page: core team of a current school, or involved in a case."""
    if actor.professional is None:
        return DENY
    schools = core_team_school_ids(actor)
    if schools and _current_enrolments_at(schools).filter(child=child).exists():
        return Decision(True, Ground.CORE_TEAM)
    own_cases = Case.objects.filter(case_content_visible_q(actor)).filter(
        Q(child=child) | Q(family_id=child.family_id, family__isnull=False)
    )
    for case in own_cases.only("coordinator_id")[:1]:
        ground = Ground.COORDINATOR if case.coordinator_id == actor.professional.pk else (
            Ground.INVOLVED)
        return Decision(True, ground)
    return DENY


def children_visible_q(actor: Actor) -> Q:
    schools = core_team_school_ids(actor)
    q = Q(Exists(Case.objects.filter(case_content_visible_q(actor), child=OuterRef("pk"))))
    if schools:
        q |= Q(Exists(_current_enrolments_at(schools).filter(child=OuterRef("pk"))))
    return q


# --- signals -----------------------------------------------------------------------------


def signals_visible_q(actor: Actor) -> Q:
    if actor.professional is None:
        return Q(pk__in=[])
    schools = core_team_school_ids(actor)
    q = Q(raised_by=actor.professional)
    if schools:
        q |= Q(school_id__in=schools)
    q |= Q(case__in=Case.objects.filter(case_content_visible_q(actor)))
    return q


def signal_read(actor: Actor, signal: Signal) -> Decision:
    if actor.professional is None:
        return DENY
    if signal.school_id in core_team_school_ids(actor):
        return Decision(True, Ground.CORE_TEAM)
    if signal.raised_by_id == actor.professional.pk:
        return Decision(True, Ground.RAISED_BY)
    if signal.case is not None:
        return case_read(actor, signal.case)
    return DENY


def signal_triage(actor: Actor, signal: Signal) -> Decision:
    """Change a signal's status or open a case from it: the school's core team."""
    if signal.school_id in core_team_school_ids(actor):
        return Decision(True, Ground.CORE_TEAM)
    return DENY


def signal_raise(actor: Actor, school_id: int) -> Decision:
    """Anyone on the team, in or outside school, may raise a signal about a pupil of a school
    they work with: its staff, its core team, or those involved with its pupils."""
    if actor.professional is None:
        return DENY
    if school_id in core_team_school_ids(actor):
        return Decision(True, Ground.CORE_TEAM)
    if actor.professional.organisation.schools.filter(pk=school_id).exists():
        return Decision(True, Ground.INVOLVED)
    return DENY


def schools_for_raising(actor: Actor) -> Q:
    """Schools the actor may raise a signal for, as a filter on `School`."""
    if actor.professional is None:
        return Q(pk__in=[])
    return Q(pk__in=core_team_school_ids(actor)) | Q(organisation=actor.professional.organisation)


def case_open_from_school(actor: Actor, school_id: int) -> Decision:
    return signal_triage_school(actor, school_id)


def signal_triage_school(actor: Actor, school_id: int) -> Decision:
    if school_id in core_team_school_ids(actor):
        return Decision(True, Ground.CORE_TEAM)
    return DENY


# --- the access log ----------------------------------------------------------------------


def audit_log_read(actor: Actor) -> Decision:
    if actor.professional is not None and actor.professional.is_log_administrator:
        return Decision(True, Ground.LOG_ADMINISTRATOR)
    return DENY
