"""The Meldcode route (Wet verplichte meldcode huiselijk geweld en kindermishandeling): who
starts one, who sees it, who records its steps.

A route is the professional's own weighing of a suspicion; it is shown to nobody by being
involved in the case. Three people see it:
- the professional who runs it (the runner);
- the aandachtsfunctionaris (`Professional.is_meldcode_officer`) of the runner's organisation
  or of the child's school (the case's school's board), who supports the runner;
- the privacy officer (`Professional.is_log_administrator`) of the runner's organisation.
  Unlike the access log (`administration.may_read_access_log`, the whole log), the content of
  a route is kept to the runner's own organisation's privacy officer.
The family never sees a route in the portal, and the other professionals of the case see
nothing of it, not even that it exists. Whoever may contribute to the case starts one
(`cases.may_contribute_to_case`); only the runner records its steps, until it is finished.
"""

from __future__ import annotations

from django.db.models import Q

from schakel.access.actor import Actor
from schakel.access.policy.cases import may_contribute_to_case
from schakel.access.policy.core import DENY, Decision, Ground
from schakel.cases.models import Case
from schakel.meldcode.models import MeldcodeRoute


def may_start_meldcode_route(actor: Actor, case: Case, *,
                             read: Decision | None = None) -> Decision:
    """Start a route on the case: whoever may contribute to it (not on an emergency access,
    not on a closed case)."""
    if actor.professional is None:
        return DENY
    decision = may_contribute_to_case(actor, case, read=read)
    return Decision(True, Ground.MELDCODE_RUNNER) if decision else DENY


def may_read_meldcode_route(actor: Actor, route: MeldcodeRoute) -> Decision:
    professional = actor.professional
    if professional is None:
        return DENY
    if route.runner_id == professional.pk:
        return Decision(True, Ground.MELDCODE_RUNNER)
    runner_organisation_id = route.runner.organisation_id
    if professional.is_meldcode_officer and professional.organisation_id in (
            runner_organisation_id, route.case.school.organisation_id):
        return Decision(True, Ground.MELDCODE_OFFICER)
    if professional.is_log_administrator and (
            professional.organisation_id == runner_organisation_id):
        return Decision(True, Ground.LOG_ADMINISTRATOR)
    return DENY


def may_record_meldcode_step(actor: Actor, route: MeldcodeRoute) -> Decision:
    """Record the next step: the runner, while the route is not finished."""
    professional = actor.professional
    if professional is None or route.is_finished or route.runner_id != professional.pk:
        return DENY
    return Decision(True, Ground.MELDCODE_RUNNER)


def meldcode_routes_visible_q(actor: Actor) -> Q:
    """The routes `may_read_meldcode_route` allows, as a filter on `MeldcodeRoute`."""
    professional = actor.professional
    if professional is None:
        return Q(pk__in=[])
    visible = Q(runner=professional)
    if professional.is_meldcode_officer:
        visible |= Q(runner__organisation_id=professional.organisation_id) | Q(
            case__school__organisation_id=professional.organisation_id)
    if professional.is_log_administrator:
        visible |= Q(runner__organisation_id=professional.organisation_id)
    return visible


MELDCODE_ROUTE_OBJECT = "meldcode.meldcoderoute"


def meldcode_log_rows_hidden_from_family_q(child_id: int) -> Q:
    """The rows of a child's access log that the family does not see in the portal: those
    about a route still running (the runner's weighing is not shown to the family while it
    runs; once finished, its rows are in the family's log like any other read)."""
    running = [str(pk) for pk in MeldcodeRoute.objects.filter(
        case__child_id=child_id, finished_at__isnull=True).values_list("pk", flat=True)]
    return Q(object_type=MELDCODE_ROUTE_OBJECT, object_id__in=running)
