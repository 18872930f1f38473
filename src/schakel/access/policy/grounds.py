"""Legal grounds other than consent, each kind a rule: which categories of a child's
information it opens, to which receiving sector, for how long at most, and whether a person
may record it at all; and who may record one.

- Truancy reporting (Leerplichtwet 1969 art. 21a): the school reports absence to the
  leerplichtambtenaar of the municipality — attendance data, to the municipality.
- The Meldcode (Wet verplichte meldcode, Besluit verplichte meldcode): at steps 4 and 5 a
  professional reports to Veilig Thuis what the report needs — care and school data and
  contact details, to the safety sector.
- The school's duty to inform the jeugdbeschermer during an OTS is derived from the measure
  itself (`categories.may_receive_category`) and never recorded by hand.

Nobody records a ground for their own organisation: the receiving organisation cannot open
a child's data to itself. The organisation that holds the file (it opened a case of the child
or its family) records it, or the privacy officer (the log administrator). They also end it;
besides them only the receiving organisation may end its own ground (it gives up what it
receives). Nobody else involved in a case ends another organisation's ground: a youth worker
would otherwise cut Veilig Thuis off from what the Meldcode report needs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q

from schakel.access.actor import Actor
from schakel.access.policy.consent import may_manage_consent
from schakel.access.policy.core import DENY, Decision, Ground
from schakel.cases.models import Case
from schakel.children.models import Child
from schakel.consent.models import InformationCategory, LegalGround, LegalGroundKind
from schakel.organisations.models import Organisation, Sector


@dataclass(frozen=True)
class GroundRule:
    categories: frozenset[str]
    receiving_sectors: frozenset[str]
    max_days: int | None  # None: no maximum (a derived ground ends with what it derives from)
    recorded_by_hand: bool
    source: str


GROUND_RULES: dict[str, GroundRule] = {
    LegalGroundKind.TRUANCY_REPORTING: GroundRule(
        categories=frozenset({InformationCategory.ATTENDANCE}),
        receiving_sectors=frozenset({Sector.MUNICIPALITY}),
        max_days=366, recorded_by_hand=True,  # a school year at most (verify)
        source="Leerplichtwet 1969 art. 21a"),
    LegalGroundKind.MELDCODE: GroundRule(
        categories=frozenset({InformationCategory.CARE, InformationCategory.SCHOOL,
                              InformationCategory.CONTACT}),
        receiving_sectors=frozenset({Sector.SAFETY}),
        max_days=183, recorded_by_hand=True,  # while Veilig Thuis handles the report (verify)
        source="Wet verplichte meldcode huiselijk geweld en kindermishandeling"),
    LegalGroundKind.OTS_DUTY_TO_INFORM: GroundRule(
        categories=frozenset({InformationCategory.SCHOOL}),
        receiving_sectors=frozenset({Sector.CHILD_PROTECTION}),
        max_days=None, recorded_by_hand=False,
        source="derived from the supervision order (OTS) in force (verify the article)"),
}


def ground_rule_problems(
    *, kind: str, category: str, organisation: Organisation, valid_from: dt.date,
    valid_until: dt.date | None,
) -> dict[str, str]:
    """What in a (proposed or recorded) ground breaks its kind's rule, per field, as codes:
    `not_by_hand`, `category`, `sector`, `open_ended`, `too_long`."""
    rule = GROUND_RULES.get(kind)
    if rule is None:
        return {"kind": "unknown"}
    if not rule.recorded_by_hand:
        return {"kind": "not_by_hand"}
    problems: dict[str, str] = {}
    if category not in rule.categories:
        problems["category"] = "category"
    if organisation.sector not in rule.receiving_sectors:
        problems["organisation"] = "sector"
    if rule.max_days is not None:
        if valid_until is None:
            problems["valid_until"] = "open_ended"
        elif (valid_until - valid_from).days + 1 > rule.max_days:
            problems["valid_until"] = "too_long"
    return problems


def _holds_the_file(organisation_id: int, child: Child) -> bool:
    family = Q(family_id=child.family_id) if child.family_id is not None else Q(pk__in=[])
    return Case.objects.filter(Q(child=child) | family,
                               opened_by__organisation_id=organisation_id).exists()


def may_record_legal_ground(actor: Actor, child: Child) -> Decision:
    """Record or end a legal ground for the child: the privacy officer, or a professional of
    the organisation that holds the child's file who is involved in its case."""
    professional = actor.professional
    if professional is None:
        return DENY
    if professional.is_log_administrator:
        return Decision(True, Ground.LOG_ADMINISTRATOR)
    decision = may_manage_consent(actor, child)
    if decision and _holds_the_file(professional.organisation_id, child):
        return decision
    return DENY


def may_end_legal_ground(actor: Actor, legal_ground: LegalGround) -> Decision:
    """End a legal ground: whoever may record one for the child, or a professional of the
    receiving organisation who manages the child's consent (`may_manage_consent`)."""
    decision = may_record_legal_ground(actor, legal_ground.child)
    if decision:
        return decision
    professional = actor.professional
    if professional is not None and professional.organisation_id == legal_ground.organisation_id:
        return may_manage_consent(actor, legal_ground.child)
    return DENY


def may_record_legal_ground_for(actor: Actor, organisation: Organisation) -> bool:
    """Never for one's own organisation: the receiver does not open data to itself."""
    return actor.professional is not None and (
        actor.professional.organisation_id != organisation.pk)
