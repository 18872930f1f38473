"""Who must consent, computed from the birth date on the day. Pure functions, no database.

The rules (REFERENCE.md, "Consent, access (inzage) and retention"):

- under 12: the parents (or the voogd) with custody (gezag) decide
  (Jeugdwet art. 7.3.4; WGBO, BW 7:450 and 7:465; for data processing AVG art. 8 with UAVG
  art. 5);
- 12 to 15: the young person **and** the parents with custody (Jeugdwet art. 7.3.4; BW 7:450).
  The statutory exceptions (help without the parents' consent to prevent serious harm, or when
  the young person persists in a well-considered wish) are a professional's judgement in a
  single case and are not decided here;
- 16 and over: the young person alone (Jeugdwet art. 7.3.4 with 7.3.15; BW 7:447).

The article and paragraph numbers are as REFERENCE.md gives them; *verify* with the region's
privacy officer before relying on a paragraph number in a letter.

Consent is always revocable (AVG art. 7 lid 3).

**One or every parent with custody.** The law speaks of "the parents who exercise custody".
With joint custody (BW 1:245, 1:251) a professional may, for everyday decisions such as
sharing information within the help that is given, assume that the consent of one custodial
parent carries the other's, unless they know or suspect that the other parent objects; for
drastic decisions both are asked (professional guidance on joint custody, e.g. KNMG and NJi;
*verify* with the region's privacy officer). Schakel therefore asks for at least one
guardian with custody by default (`CustodyRule.ANY`); a region that wants the signature of
every guardian with custody sets ``SCHAKEL_CONSENT_CUSTODY_RULE=all`` (`CustodyRule.ALL`).

**Voogdij.** While a guardianship order (voogdij) is in force the parents have no custody
for that period and the voogd — the certified institution (GI) carrying it out, BW 1:302
lid 2 and 1:275 — consents in their place (Jeugdwet 7.3.4: "de ouders die het gezag
uitoefenen of de voogd"). The requirement then names the GI (`voogd_organisation_id`) and
no guardian; a professional of the GI signs for it. Who has custody on a day is
`policy.custody`.

**The day of a signature.** A consent is judged with the custody of the day it was given: a
parent who had custody then signed validly, even if a voogdij began later (the GI may
withdraw it). The age rule is that of the day asked: a consent the parents alone gave for a
child of 11 needs the young person's signature once the child is 12
(`policy.consent_in_force`).

**Leap days.** A child born on 29 February becomes a year older on 1 March in common years
(as `Child.age_on` computes it); so the 12th and 16th birthdays of such a child fall on
1 March unless that year is a leap year.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

YOUNG_PERSON_CONSENTS_FROM = 12
YOUNG_PERSON_ALONE_FROM = 16


class CustodyRule(StrEnum):
    """How many guardians with custody must consent where the guardians must."""

    ANY = "any"  # at least one guardian with custody (default)
    ALL = "all"  # every guardian with custody


class AgeBand(StrEnum):
    UNDER_12 = "under_12"
    FROM_12_TO_15 = "12_to_15"
    FROM_16 = "from_16"


def age_on(birth_date: dt.date, day: dt.date) -> int:
    """Age in whole years on `day`; born on 29 February turns older on 1 March in common
    years. Agrees with `Child.age_on`."""
    before_birthday = (day.month, day.day) < (birth_date.month, birth_date.day)
    return day.year - birth_date.year - int(before_birthday)


def age_band(age: int) -> AgeBand:
    if age < YOUNG_PERSON_CONSENTS_FROM:
        return AgeBand.UNDER_12
    if age < YOUNG_PERSON_ALONE_FROM:
        return AgeBand.FROM_12_TO_15
    return AgeBand.FROM_16


@dataclass(frozen=True)
class Requirement:
    """Whose consent is needed on one day."""

    age: int
    band: AgeBand
    needs_guardians: bool
    needs_young_person: bool
    custodian_ids: frozenset[int]
    custody_rule: CustodyRule
    # Under voogdij: the certified institution (GI) that consents in the guardians' place.
    voogd_organisation_id: int | None = None


@dataclass(frozen=True)
class Shortfall:
    """What a set of signatures lacks against a requirement. Empty when satisfied."""

    young_person: bool = False
    # At least one guardian with custody is needed and none of them signed.
    a_guardian: bool = False
    # Under `CustodyRule.ALL`: the guardians with custody who have not signed.
    guardian_ids: frozenset[int] = frozenset()
    # The guardians' part is needed but nobody with custody is known.
    no_custodian_known: bool = False
    # Under voogdij: the GI (the voogd) has not signed.
    voogd: bool = False

    def __bool__(self) -> bool:
        return (self.young_person or self.a_guardian or bool(self.guardian_ids)
                or self.no_custodian_known or self.voogd)


def required_consenters(
    *, birth_date: dt.date, day: dt.date, custodian_ids: Iterable[int],
    custody_rule: CustodyRule = CustodyRule.ANY, voogd_organisation_id: int | None = None,
) -> Requirement:
    """Who must consent on `day` for a child born on `birth_date` whose guardians with custody
    have the given ids, or, under voogdij, whose voogd is the GI `voogd_organisation_id`."""
    age = age_on(birth_date, day)
    band = age_band(age)
    return Requirement(
        age=age,
        band=band,
        needs_guardians=band in (AgeBand.UNDER_12, AgeBand.FROM_12_TO_15),
        needs_young_person=band in (AgeBand.FROM_12_TO_15, AgeBand.FROM_16),
        custodian_ids=frozenset() if voogd_organisation_id is not None else frozenset(
            custodian_ids),
        custody_rule=custody_rule,
        voogd_organisation_id=voogd_organisation_id,
    )


def shortfall(
    requirement: Requirement, *, guardian_ids: Iterable[int], young_person: bool,
    voogd_ids: Iterable[int] = (),
) -> Shortfall:
    """What is missing from the signatures (guardians who signed, whether the young person
    signed, the GIs that signed as voogd) to satisfy `requirement`. A signature of a guardian
    who has no custody on the day, or of a GI that is not the voogd, counts for nothing."""
    signed = frozenset(guardian_ids) & requirement.custodian_ids
    missing_young = requirement.needs_young_person and not young_person
    if not requirement.needs_guardians:
        return Shortfall(young_person=missing_young)
    if requirement.voogd_organisation_id is not None:
        return Shortfall(young_person=missing_young,
                         voogd=requirement.voogd_organisation_id not in set(voogd_ids))
    if not requirement.custodian_ids:
        return Shortfall(young_person=missing_young, no_custodian_known=True)
    if requirement.custody_rule == CustodyRule.ALL:
        return Shortfall(young_person=missing_young,
                         guardian_ids=requirement.custodian_ids - signed)
    return Shortfall(young_person=missing_young, a_guardian=not signed)


def is_satisfied(
    requirement: Requirement, *, guardian_ids: Iterable[int], young_person: bool,
    voogd_ids: Iterable[int] = (),
) -> bool:
    return not shortfall(requirement, guardian_ids=guardian_ids, young_person=young_person,
                         voogd_ids=voogd_ids)


def may_withdraw(requirement: Requirement, *, guardian_id: int | None, young_person: bool,
                 voogd_id: int | None = None) -> bool:
    """Whoever must consent on the day may withdraw: a guardian with custody (or, under
    voogdij, the GI) while the guardians' consent is needed, the young person from 12."""
    if young_person:
        return requirement.needs_young_person
    if voogd_id is not None:
        return requirement.needs_guardians and voogd_id == requirement.voogd_organisation_id
    return (requirement.needs_guardians and guardian_id is not None
            and guardian_id in requirement.custodian_ids)
