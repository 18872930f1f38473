"""Which categories of a child's information an organisation may receive: consent and
legal grounds (DESIGN §2.5)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from django.conf import settings

from schakel.access.actor import Actor
from schakel.access.policy import consenters
from schakel.access.policy.core import (
    _today,
)
from schakel.access.policy.custody import (
    CustodyHistory,
    CustodyOnDay,
    custody_histories,
    custody_history,
    custody_on,
)
from schakel.children.models import Child, Measure, MeasureKind
from schakel.consent.models import Consent, InformationCategory, LegalGround, LegalGroundKind
from schakel.organisations.models import Organisation

# --- consent and legal grounds -----------------------------------------------------------
#
# Which categories of a child's information an organisation may receive (DESIGN §2.5, §4):
# a consent in force on the day whose signatures satisfy that day's age rule
# (`policy.consenters`), or a legal ground in force. During an OTS the certified institution (GI)
# carrying it out receives the school's data on the school's statutory duty to inform the
# jeugdbeschermer; that ground is derived from the active measure, never copied into rows.
# `may_receive_category` is the one answer; case access calls it per category.

OTS_KINDS = frozenset({MeasureKind.OTS, MeasureKind.PROVISIONAL_OTS})
OTS_CATEGORIES = frozenset({InformationCategory.SCHOOL})
GROUND_CONSENT = "consent"


@dataclass(frozen=True)
class CategoryDecision:
    """Whether `organisation` may receive `category` of a child's information on a day, and
    the consent, stored legal ground or measure that allows it. `ground` is "consent" or a
    `LegalGroundKind` value."""

    allowed: bool
    requirement: consenters.Requirement
    ground: str = ""
    consent: Consent | None = None
    legal_ground: LegalGround | None = None
    measure: Measure | None = None

    def __bool__(self) -> bool:
        return self.allowed

    @property
    def log_ground(self) -> str:
        """The consent profile for the access log, e.g. "consent #12"."""
        source = self.consent or self.legal_ground or self.measure
        return f"{self.ground} #{source.pk}" if source is not None else ""


def custody_rule() -> consenters.CustodyRule:
    return consenters.CustodyRule(settings.SCHAKEL_CONSENT_CUSTODY_RULE)


def requirement_with_custody(
    child: Child, day: dt.date, custody: CustodyOnDay,
) -> consenters.Requirement:
    return consenters.required_consenters(
        birth_date=child.birth_date, day=day, custodian_ids=custody.guardian_ids,
        custody_rule=custody_rule(), voogd_organisation_id=custody.voogd_organisation_id)


def consent_requirement(child: Child, day: dt.date) -> consenters.Requirement:
    """Whose consent is needed for `child` on `day`: the age rule of that day with the
    custody of that day (`policy.custody`: the parents with custody, or the GI under
    voogdij)."""
    return requirement_with_custody(child, day, custody_on(child, day))


def consent_in_force(
    consent: Consent, requirement: consenters.Requirement, day: dt.date,
    history: CustodyHistory | None = None,
) -> bool:
    """Within its validity on `day`, not withdrawn, and signed by whoever `requirement` (the
    age rule of `day`) asks for — each signature judged with the custody of the day the
    consent was given: a parent who had custody then signed validly (`consenters`). Pass
    the child's `history` when judging several consents."""
    if not consent.is_active_on(day):
        return False
    given = (history or custody_history(consent.child_id)).on(consent.given_at)
    signer_rule = dataclasses.replace(
        requirement, custodian_ids=given.guardian_ids,
        voogd_organisation_id=given.voogd_organisation_id)
    signatures = list(consent.signatures.all())
    return consenters.is_satisfied(
        signer_rule,
        guardian_ids={s.guardian_id for s in signatures if s.guardian_id is not None},
        young_person=any(s.is_young_person for s in signatures),
        voogd_ids={s.voogd_id for s in signatures if s.voogd_id is not None},
    )


def may_receive_category(
    child: Child, organisation: Organisation, category: InformationCategory | str,
    day: dt.date | None = None,
) -> CategoryDecision:
    """May `organisation` receive `category` of `child`'s information on `day` (today by
    default)? Reads the database afresh, so a withdrawal refuses the very next request."""
    return may_receive_category_of_children([child], organisation, category, day)[child.pk]


def may_receive_category_of_children(
    children: list[Child], organisation: Organisation, category: InformationCategory | str,
    day: dt.date | None = None,
) -> dict[int, CategoryDecision]:
    """`may_receive_category` for each of `children` (a family case), in a number of queries
    that does not grow with the number of children."""
    decisions = category_decisions(children, [organisation], category, day)
    return {child.pk: decisions[organisation.pk, child.pk] for child in children}


def category_decisions(
    children: list[Child], organisations: list[Organisation],
    category: InformationCategory | str, day: dt.date | None = None,
) -> dict[tuple[int, int], CategoryDecision]:
    """`may_receive_category` for every (organisation, child) pair, keyed by their ids, in a
    number of queries that grows with neither (the case page asks it for every organisation
    involved in a case)."""
    day = day or _today()
    child_ids = [child.pk for child in children]
    organisation_ids = [organisation.pk for organisation in organisations]
    histories = custody_histories(child_ids)
    requirements = {child.pk: requirement_with_custody(child, day, histories[child.pk].on(day))
                    for child in children}
    decisions: dict[tuple[int, int], CategoryDecision] = {}
    consents = Consent.objects.filter(
        child_id__in=child_ids, organisation_id__in=organisation_ids, category=category,
    ).active_on(day).prefetch_related("signatures").order_by("-given_at", "-pk")
    for consent in consents:
        key = (consent.organisation_id, consent.child_id)
        if key not in decisions and consent_in_force(
                consent, requirements[consent.child_id], day, histories[consent.child_id]):
            decisions[key] = CategoryDecision(True, requirements[consent.child_id],
                                              GROUND_CONSENT, consent=consent)
    pairs = [(o, c) for o in organisation_ids for c in child_ids]
    if any(pair not in decisions for pair in pairs):
        for ground in LegalGround.objects.filter(
                child_id__in=child_ids, organisation_id__in=organisation_ids, category=category,
        ).active_on(day).order_by("-valid_from", "-pk"):
            key = (ground.organisation_id, ground.child_id)
            if key not in decisions:
                decisions[key] = CategoryDecision(
                    True, requirements[ground.child_id], ground.kind, legal_ground=ground)
    if category in OTS_CATEGORIES and any(pair not in decisions for pair in pairs):
        for measure in Measure.objects.filter(
                child_id__in=child_ids, organisation_id__in=organisation_ids,
                kind__in=OTS_KINDS,
        ).active_on(day).order_by("-start_date", "-pk"):
            key = (measure.organisation_id, measure.child_id)
            if key not in decisions:
                decisions[key] = CategoryDecision(
                    True, requirements[measure.child_id], LegalGroundKind.OTS_DUTY_TO_INFORM,
                    measure=measure)
    for organisation_id, child_id in pairs:
        decisions.setdefault((organisation_id, child_id),
                             CategoryDecision(False, requirements[child_id]))
    return decisions


def may_actor_receive_category(
    actor: Actor, child: Child, category: InformationCategory | str,
) -> CategoryDecision | None:
    """`may_receive_category` today for the actor's own organisation; None for a non-professional
    (parents and young people are not recipients in this sense)."""
    if actor.professional is None:
        return None
    return may_receive_category(child, actor.professional.organisation, category)
