from __future__ import annotations

import pytest

from tests.conftest import World
from tests.factories import (
    EnrolmentFactory,
    ProfessionalFactory,
    SchoolFactory,
)
from tests.handover.fixtures import HandoverWorld


@pytest.fixture
def hw(world: World) -> HandoverWorld:
    """The shared world plus a school social worker to take over, and a secondary school
    (VO) with its contact point, where Bas starts after the summer."""
    social_worker = ProfessionalFactory(social_worker=True, full_name="Sanne Visser")
    vo = SchoolFactory(secondary=True, name="Het Lyceum")
    vo_contact = ProfessionalFactory(support_coordinator=True, organisation=vo.organisation,
                                     core_team_of=vo, full_name="Karel de Zorgcoördinator")
    vo.contact_point = vo_contact
    vo.save(update_fields=["contact_point"])
    EnrolmentFactory(child=world.child, school=vo, future=True)
    # The coordinator's GGD reads the case on consent (`world.nurse_consent`; the school
    # holds the file).
    return HandoverWorld(world=world, social_worker=social_worker, vo=vo,
                         vo_contact=vo_contact)
