"""The hand-over test world: a social worker at another organisation to offer a case to."""

from __future__ import annotations

from dataclasses import dataclass

from schakel.consent.models import Consent, InformationCategory
from schakel.handover.models import Handover, HandoverKind
from schakel.handover.services import (
    handover_offer,
)
from schakel.organisations.models import Professional, School
from tests.conftest import World
from tests.factories import (
    ConsentFactory,
)

SUMMARY = "Bas vecht op het plein; moeder is vaak in het ziekenhuis."


@dataclass
class HandoverWorld:
    world: World
    social_worker: Professional
    vo: School
    vo_contact: Professional


def give_care_consent(w: World, professional: Professional) -> Consent:
    return ConsentFactory(child=w.child, organisation=professional.organisation,
                          category=InformationCategory.CARE, signed_by=[w.guardian])


def offer_to_social_worker(hw: HandoverWorld, **kwargs: object) -> Handover:
    w = hw.world
    return handover_offer(actor=w.actor(w.nurse), case=w.case,
                          kind=HandoverKind.PROFESSIONALS, summary=SUMMARY,
                          to_professional=hw.social_worker, **kwargs)  # type: ignore[arg-type]
