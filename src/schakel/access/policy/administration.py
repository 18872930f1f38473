"""The access log, accounts and retention: the privacy officer's and administrators' rules."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q

from schakel.access.actor import Actor
from schakel.access.policy.core import (
    DENY,
    Decision,
    Ground,
)
from schakel.cases.models import Case
from schakel.children.models import Child

# --- the access log ----------------------------------------------------------------------


def may_read_access_log(actor: Actor) -> Decision:
    if actor.professional is not None and actor.professional.is_log_administrator:
        return Decision(True, Ground.LOG_ADMINISTRATOR)
    return DENY


# --- accounts ----------------------------------------------------------------------------


def may_manage_account(actor: Actor) -> Decision:
    """Deactivate an account or reset its second factor: the operators (Django superusers),
    who act for the functional administrator of an organisation."""
    if actor.user.is_superuser:
        return Decision(True, Ground.ACCOUNT_ADMINISTRATOR)
    return DENY




# --- retention ---------------------------------------------------------------------------
#
# Retention rules and runs are the privacy officer's: the log administrator, who also reads
# the access log. A request to destroy a child's file (Jeugdwet 7.3.9) is registered, decided
# and carried out by the privacy officer or by the coordinator of a case of the child or of
# its family, closed cases included (requests usually come after the help has ended).


def may_manage_retention(actor: Actor) -> Decision:
    """See and change the retention rules, see the retention runs: the privacy officer."""
    if actor.professional is not None and actor.professional.is_log_administrator:
        return Decision(True, Ground.LOG_ADMINISTRATOR)
    return DENY


def may_handle_destruction_request(actor: Actor, child: Child) -> Decision:
    """Handle a destruction request about `child`: the privacy officer, or the coordinator of
    a case of the child or of its family."""
    if actor.professional is None:
        return DENY
    if actor.professional.is_log_administrator:
        return Decision(True, Ground.LOG_ADMINISTRATOR)
    coordinated = Case.objects.filter(coordinator=actor.professional).filter(
        Q(child=child) | Q(family_id=child.family_id, family__isnull=False))
    if coordinated.exists():
        return Decision(True, Ground.COORDINATOR)
    return DENY


def may_list_destruction_requests(actor: Actor) -> Decision:
    """Open the list of destruction requests: the privacy officer (all requests) or anyone who
    coordinates a case (the requests about their children, `destruction_requests_visible_q`)."""
    if actor.professional is None:
        return DENY
    if actor.professional.is_log_administrator:
        return Decision(True, Ground.LOG_ADMINISTRATOR)
    if Case.objects.filter(coordinator=actor.professional).exists():
        return Decision(True, Ground.COORDINATOR)
    return DENY


def destruction_requests_visible_q(actor: Actor) -> Q:
    """Destruction requests the actor may see and handle, as a filter on
    `retention.DestructionRequest`: the same people as `may_handle_destruction_request`."""
    if actor.professional is None:
        return Q(pk__in=[])
    if actor.professional.is_log_administrator:
        return Q()
    coordinated = Case.objects.filter(coordinator=actor.professional)
    return Q(Exists(coordinated.filter(child_id=OuterRef("child_id")))) | Q(
        Exists(coordinated.filter(family_id=OuterRef("child__family_id"))))
