"""Who manages consent, legal grounds and measures."""

from __future__ import annotations

from django.db.models import Q

from schakel.access.actor import Actor
from schakel.access.policy.cases import (
    case_content_visible_q,
    may_read_child,
)
from schakel.access.policy.core import (
    DENY,
    Decision,
    Ground,
    _today,
)
from schakel.access.policy.custody import is_voogd
from schakel.access.policy.portal import may_give_consent_in_portal
from schakel.cases.models import Case
from schakel.children.models import Child, Measure
from schakel.organisations.models import Organisation, Sector


def _case_ground_for_child(actor: Actor, child: Child) -> Ground | None:
    if actor.professional is None:
        return None
    own_cases = Case.objects.filter(case_content_visible_q(actor)).filter(
        Q(child=child) | Q(family_id=child.family_id, family__isnull=False))
    for case in own_cases.only("coordinator_id")[:1]:
        return Ground.COORDINATOR if case.coordinator_id == actor.professional.pk else (
            Ground.INVOLVED)
    return None


def may_read_consent(actor: Actor, child: Child, *, read: Decision | None = None) -> Decision:
    """See a child's consents, legal grounds and measures, and use the sharing check: whoever
    may read the child (the core team of a current school, those who may read a case), and
    whoever is involved in a case of the child but still lacks the consent to read it — they
    are the ones who record it. `read`: the `may_read_child` decision when the caller made it
    already."""
    decision = read if read is not None else may_read_child(actor, child)
    return decision if decision else may_give_consent(actor, child)


def may_manage_consent(actor: Actor, child: Child) -> Decision:
    """Record or withdraw consent, record or end a legal ground: a professional involved in a
    case of the child or of its family, or its coordinator. The core team alone is not
    enough: it sees that a case exists, not its content."""
    ground = _case_ground_for_child(actor, child)
    return Decision(True, ground) if ground is not None else DENY


def may_give_consent(actor: Actor, child: Child) -> Decision:
    """Record or withdraw a consent: a professional as `may_manage_consent`, and under voogdij
    a professional of the GI that is the voogd (who signs for it, BW 1:302 lid 2); in the
    portal, the parent or young person who must consent today, for themselves
    (`may_give_consent_in_portal`)."""
    if actor.professional is None:
        return may_give_consent_in_portal(actor, child)
    decision = may_manage_consent(actor, child)
    if decision:
        return decision
    if is_voogd(actor, child, _today()) is not None:
        return Decision(True, Ground.VOOGD)
    return DENY


def may_record_measures(actor: Actor) -> Decision:
    """Record a measure a court ordered: a professional of a certified institution (GI, the
    child-protection sector); the measure is theirs (`may_manage_measures`)."""
    if actor.professional is not None and (
            actor.professional.organisation.sector == Sector.CHILD_PROTECTION):
        return Decision(True, Ground.MEASURE_ORGANISATION)
    return DENY


def may_read_measures(actor: Actor, child: Child, *, read: Decision | None = None) -> Decision:
    """The measures of a child: whoever reads the child, and the certified institution
    carrying one of them out. `read`: the `may_read_child` decision when the caller made it
    already."""
    if read is None:
        read = may_read_child(actor, child)
    if read:
        return read
    if actor.professional is not None and Measure.objects.filter(
            child=child, organisation_id=actor.professional.organisation_id).exists():
        return Decision(True, Ground.MEASURE_ORGANISATION)
    return DENY


def may_manage_measures(actor: Actor, organisation: Organisation) -> Decision:
    """Start or end a measure: a professional of the certified institution carrying it out."""
    if actor.professional is not None and actor.professional.organisation_id == organisation.pk:
        return Decision(True, Ground.MEASURE_ORGANISATION)
    return DENY
