"""Who runs a school's pupil administration in Schakel: creates, updates and marks as left
its pupils (the API's synchronisation, the EDEXML upload).

The pupils of a school are registered by its competent authority (the board, the school's
`organisation`; WPO art. 40 / WVO art. 27 and the Leerplichtwet). Schakel lets two kinds of
actor do it for that organisation only:

- the board's own system client (`policy.systems`), through the API;
- a functional administrator of the board (`Professional.is_functional_administrator`),
  who uploads the EDEXML export of the school's administration system on the page. This
  is the person who keeps what the organisation's users share (the glossary, the teams);
  nobody else — not the core team, not a teacher — changes who is enrolled."""

from __future__ import annotations

from django.db.models import Q

from schakel.access.actor import Actor
from schakel.access.policy.core import DENY, Decision, Ground
from schakel.access.policy.systems import may_read_school, schools_for_system_q
from schakel.organisations.models import School


def _administrator_organisation_id(actor: Actor) -> int | None:
    professional = actor.professional
    if professional is None or actor.system is not None:
        return None
    return professional.organisation_id if professional.is_functional_administrator else None


def may_sync_pupils(actor: Actor, school: School) -> Decision:
    if actor.system is not None:
        return may_read_school(actor, school)
    if _administrator_organisation_id(actor) == school.organisation_id:
        return Decision(True, Ground.FUNCTIONAL_ADMINISTRATOR)
    return DENY


def pupil_sync_schools_q(actor: Actor) -> Q:
    """The schools whose pupils the actor synchronises (a filter on `School`)."""
    if actor.system is not None:
        return schools_for_system_q(actor)
    organisation_id = _administrator_organisation_id(actor)
    return Q(organisation_id=organisation_id) if organisation_id is not None else Q(pk__in=[])


def may_sync_pupils_somewhere(actor: Actor) -> Decision:
    """The upload page and its menu item (each file asks again for its own school)."""
    if _administrator_organisation_id(actor) is not None:
        return Decision(True, Ground.FUNCTIONAL_ADMINISTRATOR)
    return DENY
