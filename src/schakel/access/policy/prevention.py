"""The preventiematrix of a school (seed 004 §3.3 e): the collective work of the kernteam with
the municipality.

- The members of the school's kernteam (core team) today and the policy officer of the
  school's municipality (a professional with the function *beleidsmedewerker* at a
  municipality whose name is the school's municipality) read and change it.
- The members of the school's steering group today read it.
- Nobody else sees it, not even that it exists (404).

The matrix holds no child's data."""

from __future__ import annotations

from django.db.models import Q

from schakel.access.actor import Actor
from schakel.access.policy.core import (
    DENY,
    Decision,
    Ground,
    core_team_school_ids,
    policy_officer_municipality,
    same_municipality,
    steering_school_ids,
)
from schakel.organisations.models import School


def may_change_prevention_matrix(actor: Actor, school: School) -> Decision:
    if actor.professional is None:
        return DENY
    if school.pk in core_team_school_ids(actor):
        return Decision(True, Ground.CORE_TEAM)
    if same_municipality(policy_officer_municipality(actor), school):
        return Decision(True, Ground.POLICY_OFFICER)
    return DENY


def may_read_prevention_matrix(actor: Actor, school: School) -> Decision:
    decision = may_change_prevention_matrix(actor, school)
    if decision or actor.professional is None:
        return decision
    if school.pk in steering_school_ids(actor):
        return Decision(True, Ground.STEERING_GROUP)
    return DENY


def prevention_schools_q(actor: Actor) -> Q:
    """The schools whose matrix `may_read_prevention_matrix` lets the actor read, as a filter
    on `School`."""
    if actor.professional is None:
        return Q(pk__in=[])
    visible = Q(pk__in=core_team_school_ids(actor) | steering_school_ids(actor))
    municipality = policy_officer_municipality(actor)
    if municipality:
        visible |= Q(municipality__iexact=municipality)
    return visible
