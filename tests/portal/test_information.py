"""A parent without custody gets information on request (BW 1:377c): nothing before an
answer, the coordinator (or the school's contact point) answers, refusal in the child's
interest with a recorded reason the parent never sees, a contact ban or safety note blocks
granting, notifications both ways, and every read and write in the access log."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.test import Client
from django.urls import reverse

from schakel.access import policy
from schakel.audit.models import AccessEvent, Outcome
from schakel.cases.models import CaseStatus
from schakel.children.models import Guardianship
from schakel.notifications.models import Notification, NotificationKind
from schakel.portal.models import InformationRequest, InformationRequestStatus
from schakel.portal.selectors.information import (
    information_request_get,
    information_requests_to_answer,
    portal_information_page,
)
from schakel.portal.services.information import (
    information_request_answer,
    information_request_ask,
)
from tests.factories import actor_for
from tests.portal.fixtures import PortalWorld, portal_actor, portal_sign_in
from tests.support import sign_in


def _page(pw: PortalWorld, client: Client) -> str:
    response = client.get(reverse("portal:school_info", kwargs={"child_id": pw.young.pk}))
    assert response.status_code == 200
    return response.content.decode()


def _ask(pw: PortalWorld, question: str = "Hoe gaat het met Tina?") -> InformationRequest:
    return information_request_ask(actor=portal_actor(pw.father_user), child=pw.young,
                                   question=question)


def test_nothing_is_shown_before_an_answer(pw: PortalWorld) -> None:
    """The automatic page is gone: school, class, coordinator and the case stay hidden."""
    client = portal_sign_in(Client(), pw.father_user)
    for page in (_page(pw, client),
                 client.get(reverse("portal:child", kwargs={"child_id": pw.young.pk}))
                 .content.decode()):
        for fact in ("Esrand College", "2 havo b", "Marieke ter Horst", "Karin Lammerink",
                     "Zorgen om Tina"):
            assert fact not in page
    _ask(pw)
    page = _page(pw, client)
    assert "Hoe gaat het met Tina?" in page
    assert "Esrand College" not in page


def test_the_coordinator_answers_and_what_is_shared_then_shows(pw: PortalWorld) -> None:
    request = _ask(pw)
    nurse = actor_for(pw.nurse)  # coordinator of Tina's open case
    assert [r.pk for r in information_requests_to_answer(actor=nurse)] == [request.pk]
    assert not information_requests_to_answer(actor=actor_for(pw.core_member))
    assert Notification.objects.filter(recipient=pw.nurse.user,
                                       kind=NotificationKind.INFORMATION_REQUESTED).exists()
    view = information_request_get(actor=nurse, request_id=request.pk)
    assert view.may_answer
    assert not view.block
    assert "Esrand College" in view.facts.school
    information_request_answer(actor=nurse, request=request, grant=True, share_school=True,
                               share_case=True, message="Bel gerust.")
    request.refresh_from_db()
    assert request.status == InformationRequestStatus.GRANTED
    assert request.shared_school == "Esrand College · 2 havo b"
    assert "Marieke ter Horst" in request.shared_case
    assert Notification.objects.filter(recipient=pw.father_user,
                                       kind=NotificationKind.INFORMATION_ANSWERED).exists()
    page = _page(pw, portal_sign_in(Client(), pw.father_user))
    assert "Esrand College · 2 havo b" in page
    assert "Bel gerust." in page
    with pytest.raises(Http404):  # answered once: nobody answers it again
        information_request_answer(actor=nurse, request=request, grant=False,
                                   refusal_reason="Later anders besloten")


def test_a_refusal_shows_no_reason(pw: PortalWorld) -> None:
    request = _ask(pw)
    nurse = actor_for(pw.nurse)
    with pytest.raises(ValidationError):  # a refusal needs a recorded reason
        information_request_answer(actor=nurse, request=request, grant=False)
    information_request_answer(actor=nurse, request=request, grant=False,
                               refusal_reason="Vader bedreigt de moeder")
    page = _page(pw, portal_sign_in(Client(), pw.father_user))
    assert "refused" in page or "geweigerd" in page
    assert "bedreigt" not in page
    assert "Esrand College" not in page
    row = portal_information_page(actor=portal_actor(pw.father_user), child_id=pw.young.pk)
    assert row.requests[0].status == InformationRequestStatus.REFUSED


@pytest.mark.parametrize("block", ["contact_ban", "safety_note"])
def test_a_contact_ban_or_a_safety_note_blocks_granting(pw: PortalWorld, block: str) -> None:
    if block == "contact_ban":
        Guardianship.objects.filter(guardian=pw.father, child=pw.young).update(contact_ban=True)
    else:
        pw.young.safety_note = "Geen informatie aan vader zonder overleg."
        pw.young.save(update_fields=["safety_note"])
    request = _ask(pw)
    nurse = actor_for(pw.nurse)
    view = information_request_get(actor=nurse, request_id=request.pk)
    assert view.block
    assert not policy.may_grant_information_request(nurse, request)
    with pytest.raises(ValidationError):
        information_request_answer(actor=nurse, request=request, grant=True, share_school=True)
    request.refresh_from_db()
    assert request.status == InformationRequestStatus.OPEN
    information_request_answer(actor=nurse, request=request, grant=False,
                               refusal_reason="Contactverbod")


def test_without_a_coordinated_case_the_schools_contact_point_answers(pw: PortalWorld) -> None:
    pw.case_young.status = CaseStatus.CLOSED
    pw.case_young.save(update_fields=["status"])
    request = _ask(pw)
    assert [p.pk for p in policy.information_request_answerers(pw.young)] == [
        pw.core_member.pk]
    contact = actor_for(pw.core_member)
    assert [r.pk for r in information_requests_to_answer(actor=contact)] == [request.pk]
    assert not policy.may_answer_information_request(actor_for(pw.nurse), request)
    with pytest.raises(Http404):
        information_request_answer(actor=actor_for(pw.nurse), request=request, grant=False,
                                   refusal_reason="x")
    information_request_answer(actor=contact, request=request, grant=True, share_school=True)
    assert InformationRequest.objects.get().shared_school


def test_only_a_parent_without_custody_asks(pw: PortalWorld) -> None:
    for user in (pw.mother_user, pw.young_user, pw.other_user):
        with pytest.raises(Http404):
            information_request_ask(actor=portal_actor(user), child=pw.young, question="?")
    with pytest.raises(ValidationError):
        _ask(pw, question="  ")
    _ask(pw)
    with pytest.raises(ValidationError):  # one open request at a time
        _ask(pw)
    assert InformationRequest.objects.count() == 1


def test_reads_and_writes_are_logged(pw: PortalWorld) -> None:
    request = _ask(pw)
    nurse = actor_for(pw.nurse)
    information_request_get(actor=nurse, request_id=request.pk)
    information_request_answer(actor=nurse, request=request, grant=True, share_school=True)
    portal_information_page(actor=portal_actor(pw.father_user), child_id=pw.young.pk)
    codes = list(AccessEvent.objects.filter(child_id=pw.young.pk, outcome=Outcome.SUCCESS)
                 .values_list("event_code", flat=True))
    for code in ("portal.information_request", "information_request.read",
                 "information_request.answer", "portal.information"):
        assert code in codes
    with pytest.raises(Http404):
        information_request_get(actor=actor_for(pw.teacher), request_id=request.pk)
    assert AccessEvent.objects.filter(event_code="information_request.read",
                                      outcome=Outcome.DENIED).exists()


def test_the_answer_page_works_for_the_coordinator(pw: PortalWorld) -> None:
    request = _ask(pw)
    client = sign_in(Client(), pw.nurse.user)
    url = reverse("portal:information_answer", kwargs={"information_request_id": request.pk})
    assert "Hoe gaat het met Tina?" in client.get(url).content.decode()
    response = client.post(url, {"decision": "refuse", "refusal_reason": ""})
    assert response.status_code == 200  # the form asks for the reason
    response = client.post(url, {"decision": "grant", "share_school": "on"})
    assert response.status_code == 302
    assert InformationRequest.objects.get().status == InformationRequestStatus.GRANTED
