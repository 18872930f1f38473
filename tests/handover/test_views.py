"""The hand-over pages: offer from the case, read and decide as the receiver, the sender's
status page, the list; outsiders get 404 on every hand-over URL."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext as _

from schakel.audit.models import AccessEvent
from schakel.cases.models import Involvement
from schakel.consent.models import InformationCategory
from schakel.handover.models import Handover, HandoverKind, HandoverStatus
from schakel.handover.services import handover_offer
from schakel.organisations.models import Professional
from tests.conftest import World
from tests.factories import ConsentFactory, InvolvementFactory, ProfessionalFactory
from tests.support import sign_in

SUMMARY = "Bas vecht op het plein; moeder is vaak in het ziekenhuis."


@dataclass
class ViewWorld:
    world: World
    social_worker: Professional


@pytest.fixture
def vw(world: World) -> ViewWorld:
    social_worker = ProfessionalFactory(social_worker=True, full_name="Sanne Visser")
    ConsentFactory(child=world.child, organisation=social_worker.organisation,
                   category=InformationCategory.CARE, signed_by=[world.guardian])
    return ViewWorld(world=world, social_worker=social_worker)


def offered(vw: ViewWorld) -> Handover:
    w = vw.world
    return handover_offer(actor=w.actor(w.nurse), case=w.case, kind=HandoverKind.PROFESSIONALS,
                          summary=SUMMARY, to_professional=vw.social_worker)


def as_user(client: Client, professional: Professional) -> Client:
    return sign_in(client, professional.user)


def text(response: object) -> str:
    content: bytes = response.content  # type: ignore[attr-defined]
    return content.decode()


def offer_url(vw: ViewWorld) -> str:
    return reverse("handover:offer", kwargs={"case_id": vw.world.case.pk})


def test_the_coordinator_offers_from_the_form(client: Client, vw: ViewWorld) -> None:
    as_user(client, vw.world.nurse)
    page = client.get(offer_url(vw))
    assert page.status_code == 200
    assert 'name="handover-summary"' in text(page)
    assert escape(vw.social_worker.full_name) in text(page)
    response = client.post(offer_url(vw), {
        "handover-kind": HandoverKind.PROFESSIONALS,
        "handover-to_professional": vw.social_worker.pk, "handover-summary": SUMMARY,
        "handover-include_plan": "on"})
    handover = Handover.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("handover:detail",
                                           kwargs={"handover_id": handover.pk})
    assert (handover.include_plan, handover.include_agreements, handover.include_advice) == (
        True, False, False)


def test_an_offer_without_consent_shows_why_and_stores_nothing(
    client: Client, vw: ViewWorld,
) -> None:
    other = ProfessionalFactory(youth_director=True)
    as_user(client, vw.world.nurse)
    response = client.post(offer_url(vw), {
        "handover-kind": HandoverKind.PROFESSIONALS, "handover-to_professional": other.pk,
        "handover-summary": SUMMARY})
    assert response.status_code == 200
    assert other.organisation.name in text(response)
    assert "error-summary" in text(response)
    assert not Handover.objects.exists()


def test_an_involved_professional_who_does_not_coordinate_is_sent_back(
    client: Client, vw: ViewWorld,
) -> None:
    colleague = ProfessionalFactory(nurse=True, organisation=vw.world.nurse.organisation)
    InvolvementFactory(case=vw.world.case, professional=colleague)
    as_user(client, colleague)
    response = client.get(offer_url(vw))
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:detail",
                                           kwargs={"case_id": vw.world.case.pk})


def test_the_receiver_reads_and_accepts(client: Client, vw: ViewWorld) -> None:
    handover = offered(vw)
    as_user(client, vw.social_worker)
    listing = client.get(reverse("handover:list"))
    assert vw.world.case.reference in text(listing)
    detail = client.get(reverse("handover:detail", kwargs={"handover_id": handover.pk}))
    assert detail.status_code == 200
    assert SUMMARY in text(detail)
    assert reverse("handover:accept", kwargs={"handover_id": handover.pk}) in text(detail)
    assert AccessEvent.objects.filter(event_code="case.handover_read").exists()
    response = client.post(reverse("handover:accept",
                                   kwargs={"handover_id": handover.pk}))
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:detail",
                                           kwargs={"case_id": vw.world.case.pk})
    assert client.get(response["Location"]).status_code == 200


def test_the_sender_gets_404_on_the_case_after_acceptance(
    client: Client, vw: ViewWorld,
) -> None:
    handover = offered(vw)
    as_user(client, vw.social_worker).post(
        reverse("handover:accept", kwargs={"handover_id": handover.pk}))
    client.logout()
    as_user(client, vw.world.nurse)
    assert client.get(reverse("cases:detail",
                              kwargs={"case_id": vw.world.case.pk})).status_code == 404
    status = client.get(reverse("handover:detail", kwargs={"handover_id": handover.pk}))
    assert status.status_code == 200
    assert SUMMARY not in text(status)


def test_returning_needs_a_reason(client: Client, vw: ViewWorld) -> None:
    handover = offered(vw)
    as_user(client, vw.social_worker)
    url = reverse("handover:return", kwargs={"handover_id": handover.pk})
    response = client.post(url, {"return-reason": " "})
    assert response.status_code == 200
    assert 'aria-invalid="true"' in text(response)
    handover.refresh_from_db()
    assert handover.status == HandoverStatus.OFFERED
    response = client.post(url, {"return-reason": "Geen plek"})
    assert response.status_code == 302
    handover.refresh_from_db()
    assert (handover.status, handover.return_reason) == (HandoverStatus.RETURNED, "Geen plek")


def test_the_sender_withdraws(client: Client, vw: ViewWorld) -> None:
    handover = offered(vw)
    as_user(client, vw.world.nurse)
    assert client.post(reverse("handover:return", kwargs={"handover_id": handover.pk}),
                       {"return-reason": ""}).status_code == 404
    response = client.post(reverse("handover:withdraw",
                                   kwargs={"handover_id": handover.pk}))
    assert response.status_code == 302
    handover.refresh_from_db()
    assert handover.status == HandoverStatus.WITHDRAWN


def test_accepting_a_decided_handover_shows_a_message(client: Client, vw: ViewWorld) -> None:
    handover = offered(vw)
    as_user(client, vw.social_worker)
    url = reverse("handover:accept", kwargs={"handover_id": handover.pk})
    client.post(url)
    response = client.post(url, follow=True)
    assert response.status_code == 200
    assert _("This hand-over has already been %(status)s.") % {
        "status": str(HandoverStatus.ACCEPTED.label).lower()} in text(response)
    assert Involvement.objects.filter(professional=vw.social_worker).count() == 1


def test_outsiders_get_404_on_every_handover_url(client: Client, vw: ViewWorld) -> None:
    w = vw.world
    handover = offered(vw)
    as_user(client, w.outsider)
    pk = {"handover_id": handover.pk}
    assert client.get(offer_url(vw)).status_code == 404
    assert client.post(offer_url(vw), {"handover-summary": "x"}).status_code == 404
    assert client.get(reverse("handover:detail", kwargs=pk)).status_code == 404
    for name in ("handover:accept", "handover:return", "handover:withdraw"):
        assert client.post(reverse(name, kwargs=pk),
                           {"return-reason": "Niet voor mij"}).status_code == 404
        assert client.get(reverse(name, kwargs=pk)).status_code == 405
    missing = {"handover_id": handover.pk + 1000}
    assert client.get(reverse("handover:detail", kwargs=missing)).status_code == 404
    assert client.post(reverse("handover:accept", kwargs=missing)).status_code == 404
    listing = client.get(reverse("handover:list"))
    assert listing.status_code == 200
    assert w.case.reference not in text(listing)
    handover.refresh_from_db()
    assert handover.status == HandoverStatus.OFFERED


def test_anonymous_users_are_sent_to_sign_in(client: Client, vw: ViewWorld) -> None:
    handover = offered(vw)
    for url in (offer_url(vw), reverse("handover:list"),
                reverse("handover:detail", kwargs={"handover_id": handover.pk})):
        response = client.get(url)
        assert response.status_code == 302
        assert "inloggen" in response["Location"]


def test_the_case_page_links_to_the_offer_for_the_coordinator_only(
    client: Client, vw: ViewWorld,
) -> None:
    w = vw.world
    colleague = ProfessionalFactory(nurse=True, organisation=w.nurse.organisation)
    InvolvementFactory(case=w.case, professional=colleague)
    case_url = reverse("cases:detail", kwargs={"case_id": w.case.pk})
    assert offer_url(vw) in text(as_user(client, w.nurse).get(case_url))
    client.logout()
    assert offer_url(vw) not in text(as_user(client, colleague).get(case_url))
