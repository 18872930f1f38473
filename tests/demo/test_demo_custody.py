"""The demo's custody stories: Jayden under voogdij of the GI, his father without custody who
asked for information, and the Twente mother's portal home agreeing with Tina's page."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.children.models import Child, Guardian
from schakel.consent.models import InformationCategory
from schakel.demo.family import JAYDEN
from schakel.organisations.models import Professional
from schakel.portal.models import InformationRequest, InformationRequestStatus
from schakel.portal.selectors.family import portal_child_get, portal_home
from schakel.portal.selectors.information import information_requests_to_answer
from tests.portal.fixtures import portal_sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo() -> None:
    call_command("demo_load", verbosity=0)
    call_command("demo_portal", verbosity=0)


def _pro(username: str) -> Actor:
    professional = Professional.objects.select_related("user").get(user__username=username)
    return Actor(user=professional.user, professional=professional)


def _portal(username: str) -> Actor:
    user = Guardian.objects.get(user__username=username).user
    assert user is not None
    return Actor(user=user, professional=None)


def test_jayden_is_under_voogdij_and_the_gi_consented(demo: None) -> None:
    jayden = Child.objects.get(education_number=JAYDEN.education_number)
    mother = Guardian.objects.get(full_name="Sandra Mulder")
    today = timezone.localdate()
    assert policy.voogdij_on(jayden, today) is not None
    assert policy.has_custody(mother, jayden, today) is False
    requirement = policy.consent_requirement(jayden, today)
    gi = Professional.objects.get(user__username="jeugdbescherming.demo").organisation
    assert requirement.voogd_organisation_id == gi.pk
    ggd = Professional.objects.get(user__username="jvk.demo").organisation
    decision = policy.may_receive_category(jayden, ggd, InformationCategory.CARE)
    assert decision.consent is not None
    assert decision.consent.signatures.get().voogd == gi


def test_jaydens_father_asked_and_the_contact_point_has_it(demo: None) -> None:
    request = InformationRequest.objects.get(guardian__user__username="vader.demo")
    assert request.status == InformationRequestStatus.OPEN
    assert [r.pk for r in information_requests_to_answer(actor=_pro("ib.demo"))] == [
        request.pk]
    father = Guardian.objects.get(full_name="Rick Bos").user
    assert father is not None
    client = portal_sign_in(Client(), father)
    page = client.get(reverse("portal:school_info", kwargs={"child_id": request.child_id}))
    assert "waiting for an answer" in page.content.decode() or (
        "wacht op een antwoord" in page.content.decode())
    assert "De Vlinderboom" not in page.content.decode()


def test_the_mothers_home_and_tinas_page_agree(demo: None) -> None:
    mother = _portal("moeder.demo")
    tina = Child.objects.get(user__username="tina.demo")
    home_row = next(r for r in portal_home(actor=mother).children if r.child == tina)
    assert home_row.awaiting == portal_child_get(actor=mother, child_id=tina.pk).awaiting == []
