"""Generated consents: for every case, the parents (and the young person from 12) consented
that each organisation involved besides the school that opened it receives care content —
so that the involved professionals of the region can read their cases."""

from __future__ import annotations

import datetime as dt

from schakel.consent.models import Consent, ConsentMethod, ConsentSignature, InformationCategory
from schakel.demo.generator.bulk import explicit_timestamps, insert
from schakel.demo.generator.cases import CaseDraft
from schakel.demo.generator.config import RegionSize
from schakel.demo.generator.pupils import PupilIndex

YOUNG_PERSON_AGE = 12
PURPOSE = "Samen één plan: afstemmen tussen school en betrokken hulpverleners"


def _age(birth: dt.date, day: dt.date) -> int:
    return day.year - birth.year - int((day.month, day.day) < (birth.month, birth.day))


def consents_generate(pupils: PupilIndex, drafts: list[CaseDraft], size: RegionSize) -> int:
    today = size.day()
    wanted: list[tuple[Consent, int]] = []
    seen: set[tuple[int, int]] = set()
    for d in drafts:
        holder = d.team[0].organisation_id
        organisations = {p.organisation_id for p in d.team} - {holder}
        for child_id in d.child_ids:
            for organisation_id in sorted(organisations):
                if (child_id, organisation_id) in seen:
                    continue
                seen.add((child_id, organisation_id))
                wanted.append((Consent(
                    child_id=child_id, organisation_id=organisation_id,
                    category=InformationCategory.CARE, purpose=PURPOSE,
                    method=ConsentMethod.WRITTEN, given_at=min(d.opened.date(), today),
                    recorded_by_id=d.team[0].id, recorded_at=d.opened), child_id))
    with explicit_timestamps((Consent, "recorded_at")):
        consents = insert(Consent, [c for c, _child in wanted], size.batch_size)
    signatures = []
    for consent, (_c, child_id) in zip(consents, wanted, strict=True):
        for guardian_id in pupils.custodians.get(pupils.family_of[child_id], []):
            signatures.append(ConsentSignature(consent=consent, guardian_id=guardian_id))
        if _age(pupils.birth_dates[child_id], today) >= YOUNG_PERSON_AGE:
            signatures.append(ConsentSignature(consent=consent, is_young_person=True))
    insert(ConsentSignature, signatures, size.batch_size)
    return len(consents)
