"""The school profile (schoolprofiel, seed 004 §3.3: school - klas - kind): who sees a school's
aggregates and who imports the regional monitor's figures.

Aggregates only, always suppressed (`schakel.aggregates`): the school's core team, its
steering group, the school leaders of the school's board and the policy officers of the
school's municipality. Managers and policy officers see no child (DESIGN §4); the page shows
them nothing else. The monitor's CSV is imported by the school's core team or a policy
officer of its municipality, who receives the regional monitor."""

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
from schakel.organisations.models import Function, School


def _policy_officer_q(actor: Actor) -> Q | None:
    municipality = policy_officer_municipality(actor)
    return Q(municipality__iexact=municipality) if municipality else None


def _manager_q(actor: Actor) -> Q | None:
    professional = actor.professional
    if professional is None or professional.function != Function.SCHOOL_MANAGER:
        return None
    return Q(organisation_id=professional.organisation_id)


def _is_manager_of(actor: Actor, school: School) -> bool:
    professional = actor.professional
    return (professional is not None and professional.function == Function.SCHOOL_MANAGER
            and professional.organisation_id == school.organisation_id)


def _is_policy_officer_for(actor: Actor, school: School) -> bool:
    return same_municipality(policy_officer_municipality(actor), school)


def may_view_school_profile(actor: Actor, school: School) -> Decision:
    if school.pk in core_team_school_ids(actor):
        return Decision(True, Ground.CORE_TEAM)
    if _is_manager_of(actor, school):
        return Decision(True, Ground.SCHOOL_MANAGER)
    if _is_policy_officer_for(actor, school):
        return Decision(True, Ground.POLICY_OFFICER)
    if school.pk in steering_school_ids(actor):
        return Decision(True, Ground.STEERING_GROUP)
    return DENY


def may_list_school_profiles(actor: Actor) -> Decision:
    """The menu item, without a query of its own: the core team (cached), school leaders and
    policy officers; a steering-group member opens the list from the address."""
    if core_team_school_ids(actor):
        return Decision(True, Ground.CORE_TEAM)
    if _manager_q(actor) is not None:
        return Decision(True, Ground.SCHOOL_MANAGER)
    if _policy_officer_q(actor) is not None:
        return Decision(True, Ground.POLICY_OFFICER)
    return DENY


def school_profiles_visible_q(actor: Actor) -> Q:
    """The schools whose profile the actor sees (the list page, the menu)."""
    visible = Q(pk__in=core_team_school_ids(actor) | steering_school_ids(actor))
    for extra in (_manager_q(actor), _policy_officer_q(actor)):
        if extra is not None:
            visible |= extra
    return visible


def may_import_school_monitor(actor: Actor, school: School) -> Decision:
    if school.pk in core_team_school_ids(actor):
        return Decision(True, Ground.CORE_TEAM)
    if _is_policy_officer_for(actor, school):
        return Decision(True, Ground.POLICY_OFFICER)
    return DENY


def school_monitor_import_q(actor: Actor) -> Q:
    """The schools for which the actor imports the monitor's figures."""
    visible = Q(pk__in=core_team_school_ids(actor))
    officer = _policy_officer_q(actor)
    return visible | officer if officer is not None else visible


def may_import_school_monitor_somewhere(actor: Actor) -> Decision:
    """The upload page: a core-team member or a municipality's policy officer (each row of
    the file asks again for its own school)."""
    if core_team_school_ids(actor):
        return Decision(True, Ground.CORE_TEAM)
    if _policy_officer_q(actor) is not None:
        return Decision(True, Ground.POLICY_OFFICER)
    return DENY
