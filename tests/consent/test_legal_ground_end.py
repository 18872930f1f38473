"""Who ends a legal ground (`policy.may_end_legal_ground`): the file holder and the privacy
officer, who record grounds, and the receiving organisation itself. Another organisation
involved in the case does not: found by the role x URL matrix with valid data, where every
professional involved in the case ended the municipality's truancy ground."""

from __future__ import annotations

import datetime as dt

import pytest
from django.http import Http404
from django.test import Client
from django.urls import reverse

from schakel.access import policy
from schakel.audit.models import AccessEvent, Outcome
from schakel.consent.models import InformationCategory, LegalGround, LegalGroundKind
from schakel.consent.services import legal_ground_end, legal_ground_record
from schakel.organisations.models import Professional
from tests.consent.fixtures import ConsentWorld, actor, file_holder, today
from tests.factories import ProfessionalFactory
from tests.support import sign_in


def _truancy_ground(cw: ConsentWorld) -> LegalGround:
    return legal_ground_record(
        actor=actor(file_holder(cw)), child=cw.tina, organisation=cw.municipality,
        category=InformationCategory.ATTENDANCE, kind=LegalGroundKind.TRUANCY_REPORTING,
        reference="Leerplichtwet 1969 art. 21a", valid_from=today() - dt.timedelta(days=3),
        valid_until=today() + dt.timedelta(days=100))


@pytest.mark.parametrize("who", ["anne", "sam"])
def test_another_organisation_in_the_case_cannot_end_a_ground(
    cw: ConsentWorld, who: str,
) -> None:
    """The GGD's coordinator and the GGD's involved nurse may manage consent, but the
    municipality's ground is not theirs to end."""
    ground = _truancy_ground(cw)
    professional: Professional = getattr(cw, who)
    assert policy.may_manage_consent(actor(professional), cw.tina)
    with pytest.raises(Http404):
        legal_ground_end(actor=actor(professional), legal_ground=ground)
    ground.refresh_from_db()
    assert (ground.valid_until, ground.ended_by) == (today() + dt.timedelta(days=100), None)
    refusal = AccessEvent.objects.get(event_code="legal_ground.end")
    assert (refusal.outcome, refusal.user_id) == (Outcome.DENIED, professional.user_id)
    assert policy.may_receive_category(cw.tina, cw.municipality, InformationCategory.ATTENDANCE)


@pytest.mark.parametrize("who", ["ilse", "wim"])
def test_the_file_holder_and_the_receiving_organisation_end_it(
    cw: ConsentWorld, who: str,
) -> None:
    ground = _truancy_ground(cw)
    professional: Professional = getattr(cw, who)
    legal_ground_end(actor=actor(professional), legal_ground=ground, end_date=today())
    ground.refresh_from_db()
    assert (ground.valid_until, ground.ended_by) == (today(), professional)
    assert AccessEvent.objects.get(event_code="legal_ground.end").outcome == Outcome.SUCCESS


def test_the_privacy_officer_may_end_it_and_a_stranger_may_not(cw: ConsentWorld) -> None:
    ground = _truancy_ground(cw)
    officer = ProfessionalFactory(log_administrator=True)
    assert policy.may_end_legal_ground(actor(officer), ground)
    assert not policy.may_end_legal_ground(actor(cw.gerda), ground)  # GGD, not involved
    assert not policy.may_end_legal_ground(actor(cw.olaf), ground)


def test_the_consent_page_offers_to_end_only_the_grounds_one_may_end(
    cw: ConsentWorld,
) -> None:
    ground = _truancy_ground(cw)
    page = reverse("consent:child", kwargs={"child_id": cw.tina.pk})
    end_url = reverse("consent:ground_end",
                      kwargs={"child_id": cw.tina.pk, "ground_id": ground.pk})
    offered = {}
    for who in ("anne", "wim", "ilse"):
        professional: Professional = getattr(cw, who)
        response = sign_in(Client(), professional.user).get(page)
        assert response.status_code == 200
        offered[who] = end_url in response.content.decode()
    assert offered == {"anne": False, "wim": True, "ilse": True}
