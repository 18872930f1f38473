"""The case in the portal: what each reader sees (withheld entries, sharing from 16), the
parents' and young person's own part (perspective in step 3, co-signing, own views) and how
it shows on the professionals' case page."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.test import Client
from django.urls import reverse

from schakel.audit.models import AccessEvent, Outcome
from schakel.notifications.models import Notification, NotificationKind
from schakel.portal.models import OwnView, PlanSignature, PortalContribution, WithheldEntry
from schakel.portal.selectors.family import portal_case_page
from schakel.portal.services.family import own_view_add, plan_sign, portal_contribution_add
from schakel.portal.services.professionals import entry_release, entry_withhold
from tests.factories import PlanStepEntryFactory, actor_for
from tests.portal.fixtures import PortalWorld, portal_actor, portal_sign_in
from tests.support import sign_in


def _page(user: object, case_id: int) -> str:
    client = portal_sign_in(Client(), user)  # type: ignore[arg-type]
    response = client.get(reverse("portal:case", kwargs={"case_id": case_id}))
    assert response.status_code == 200
    return response.content.decode()


def test_the_case_page_shows_plan_agreements_and_visitekaartjes(pw: PortalWorld) -> None:
    page = _page(pw.mother_user, pw.case_young.pk)
    assert "Tina komt op tijd en voelt zich thuis op school." in page
    assert "Gesprek met Tina en moeder" in page
    assert "Mentorgesprekken" in page
    assert "Marieke ter Horst" in page
    assert "Jeugdverpleegkundige voor de school." in page
    assert 'id="meetings"' not in page  # invited to no meeting about the case


def test_reading_the_case_is_logged_with_the_portal_role(pw: PortalWorld) -> None:
    _page(pw.mother_user, pw.case_young.pk)
    row = AccessEvent.objects.filter(event_code="portal.case").get()
    assert row.user_function == "ouder"
    assert row.child_id == pw.young.pk
    assert row.ground == "parent_with_custody"
    assert row.organisation_name == ""
    _page(pw.young_user, pw.case_young.pk)
    assert AccessEvent.objects.filter(event_code="portal.case", user_id=pw.young_user.pk,
                                      user_function="jongere").exists()


def test_a_withheld_entry_is_hidden_from_the_parents_but_not_from_the_young_person(
    pw: PortalWorld,
) -> None:
    withheld = entry_withhold(
        actor=actor_for(pw.nurse), case=pw.case_young, entry_type="plan_step",
        entry_id=pw.step3.pk, reason="Tina vertelde dit in vertrouwen.")
    assert "Tina komt op tijd" not in _page(pw.mother_user, pw.case_young.pk)
    assert "Tina komt op tijd" in _page(pw.young_user, pw.case_young.pk)
    with pytest.raises(Http404):
        own_view_add(actor=portal_actor(pw.mother_user), case=pw.case_young,
                              entry_type="plan_step", entry_id=pw.step3.pk, text="Klopt niet")
    client = portal_sign_in(Client(), pw.mother_user)
    assert client.get(reverse("portal:correction", kwargs={
        "case_id": pw.case_young.pk, "entry_type": "plan_step", "entry_id": pw.step3.pk,
    })).status_code == 404
    entry_release(actor=actor_for(pw.nurse), withheld=withheld)
    assert "Tina komt op tijd" in _page(pw.mother_user, pw.case_young.pk)


def test_a_new_version_of_a_withheld_step_is_withheld_too(pw: PortalWorld) -> None:
    withheld = entry_withhold(actor=actor_for(pw.nurse), case=pw.case_young,
                              entry_type="plan_step", entry_id=pw.step3.pk,
                              reason="Vertrouwelijk")
    PlanStepEntryFactory(case=pw.case_young, step=3, filled_in_by=pw.nurse,
                         content="Een nieuwe versie van dezelfde stap.")
    page = _page(pw.mother_user, pw.case_young.pk)
    assert "Een nieuwe versie van dezelfde stap." not in page
    assert "Tina komt op tijd" not in page
    assert "Een nieuwe versie van dezelfde stap." in _page(pw.young_user, pw.case_young.pk)
    entry_release(actor=actor_for(pw.nurse), withheld=withheld)
    assert "Een nieuwe versie van dezelfde stap." in _page(pw.mother_user, pw.case_young.pk)


def test_only_the_coordinator_withholds_with_a_reason(pw: PortalWorld) -> None:
    with pytest.raises(Http404):
        entry_withhold(actor=actor_for(pw.teacher), case=pw.case_young,
                                entry_type="agreement", entry_id=pw.agreement.pk, reason="x")
    with pytest.raises(ValidationError):
        entry_withhold(actor=actor_for(pw.nurse), case=pw.case_young,
                                entry_type="agreement", entry_id=pw.agreement.pk, reason=" ")
    entry_withhold(actor=actor_for(pw.nurse), case=pw.case_young,
                            entry_type="agreement", entry_id=pw.agreement.pk, reason="Belang")
    with pytest.raises(ValidationError):
        entry_withhold(actor=actor_for(pw.nurse), case=pw.case_young,
                                entry_type="agreement", entry_id=pw.agreement.pk, reason="Nog eens")
    assert WithheldEntry.objects.get().withheld_by == pw.nurse


def test_the_withhold_page_works_for_the_coordinator(pw: PortalWorld) -> None:
    client = sign_in(Client(), pw.nurse.user)
    url = reverse("portal:withhold", kwargs={"case_id": pw.case_young.pk})
    assert "Gesprek met Tina en moeder" in client.get(url).content.decode()
    prefix = f"agreement-{pw.agreement.pk}"
    response = client.post(url, {"entry_type": "agreement", "entry_id": pw.agreement.pk,
                                 f"{prefix}-reason": "In het belang van Tina"})
    assert response.status_code == 302
    assert WithheldEntry.objects.get(released_at__isnull=True).reason == "In het belang van Tina"
    client.post(url, {"entry_type": "agreement", "entry_id": pw.agreement.pk})
    assert not WithheldEntry.objects.filter(released_at__isnull=True).exists()


def test_sharing_from_16_opens_the_case_to_parents_at_once(pw: PortalWorld) -> None:
    mother = portal_sign_in(Client(), pw.mother_user)
    url = reverse("portal:case", kwargs={"case_id": pw.case_older.pk})
    assert mother.get(url).status_code == 404
    lotte = portal_sign_in(Client(), pw.older_user)
    share = reverse("portal:share", kwargs={"case_id": pw.case_older.pk})
    assert lotte.post(share, {"share": "1"}).status_code == 302
    assert "Lotte haalt haar examens" in mother.get(url).content.decode()
    assert portal_sign_in(Client(), pw.father_user).get(url).status_code == 404
    lotte.post(share, {"share": "0"})
    assert mother.get(url).status_code == 404


def test_contribution_goes_beside_step_3_and_reaches_the_professionals(
    pw: PortalWorld,
) -> None:
    client = portal_sign_in(Client(), pw.young_user)
    url = reverse("portal:contribute", kwargs={"case_id": pw.case_young.pk})
    assert client.post(url, {"content": "  "}).status_code == 200  # form error, nothing stored
    assert not PortalContribution.objects.exists()
    response = client.post(url, {"content": "Ik wil graag een vaste mentor."})
    assert response.status_code == 302
    contribution = PortalContribution.objects.get()
    assert (contribution.step, contribution.by_young_person) == (3, pw.young)
    pw.step3.refresh_from_db()
    assert pw.step3.content == "Tina komt op tijd en voelt zich thuis op school."
    assert Notification.objects.filter(recipient=pw.nurse.user,
                                       kind=NotificationKind.PORTAL_CONTRIBUTION).exists()
    assert "Ik wil graag een vaste mentor." in _page(pw.mother_user, pw.case_young.pk)
    professional = sign_in(Client(), pw.nurse.user)
    case_page = professional.get(reverse("cases:detail", kwargs={"case_id": pw.case_young.pk}))
    assert "Ik wil graag een vaste mentor." in case_page.content.decode()


def test_what_the_family_added_is_logged_when_the_case_page_shows_it(pw: PortalWorld) -> None:
    professional = sign_in(Client(), pw.nurse.user)
    url = reverse("cases:detail", kwargs={"case_id": pw.case_young.pk})
    professional.get(url)
    assert not AccessEvent.objects.filter(event_code="portal.voice").exists()
    portal_contribution_add(actor=portal_actor(pw.young_user), case=pw.case_young,
                            content="Ik wil graag een vaste mentor.")
    professional.get(url)
    event = AccessEvent.objects.get(event_code="portal.voice")
    assert (event.child_id, event.user_id, event.object_id) == (
        pw.young.pk, pw.nurse.user.pk, str(pw.case_young.pk))


def test_no_contribution_or_signature_on_a_closed_case(pw: PortalWorld) -> None:
    pw.case_young.status = "closed"
    pw.case_young.save()
    with pytest.raises(Http404):
        portal_contribution_add(actor=portal_actor(pw.mother_user),
                                         case=pw.case_young, content="Graag")
    with pytest.raises(Http404):
        plan_sign(actor=portal_actor(pw.mother_user), case=pw.case_young)
    # Own views and correction requests stay possible on a closed file.
    own_view_add(actor=portal_actor(pw.mother_user), case=pw.case_young,
                          entry_type="plan_step", entry_id=pw.step3.pk, text="Mijn kijk")


def test_co_signing_records_the_versions_signed(pw: PortalWorld) -> None:
    actor = portal_actor(pw.mother_user)
    signature = plan_sign(actor=actor, case=pw.case_young)
    assert signature.step_versions == {"1": 1, "3": 1}
    assert signature.by_guardian == pw.mother
    with pytest.raises(ValidationError):
        plan_sign(actor=actor, case=pw.case_young)
    page = portal_case_page(actor=actor, case_id=pw.case_young.pk)
    assert page.signed_current
    PlanStepEntryFactory(case=pw.case_young, step=3, filled_in_by=pw.nurse, content="Nieuw")
    page = portal_case_page(actor=actor, case_id=pw.case_young.pk)
    assert not page.signed_current
    plan_sign(actor=actor, case=pw.case_young)
    assert PlanSignature.objects.count() == 2


def test_own_view_is_added_beside_the_entry(pw: PortalWorld) -> None:
    client = portal_sign_in(Client(), pw.mother_user)
    url = reverse("portal:own_view", kwargs={
        "case_id": pw.case_young.pk, "entry_type": "agreement", "entry_id": pw.agreement.pk})
    assert "Gesprek met Tina en moeder" in client.get(url).content.decode()
    client.post(url, {"text": "Dit gesprek is nog niet geweest."})
    view = OwnView.objects.get()
    assert (view.object_type, view.object_id, view.by_guardian) == (
        "agreement", pw.agreement.pk, pw.mother)
    assert "Dit gesprek is nog niet geweest." in _page(pw.young_user, pw.case_young.pk)


def test_an_entry_of_another_case_is_404(pw: PortalWorld) -> None:
    client = portal_sign_in(Client(), pw.mother_user)
    url = reverse("portal:own_view", kwargs={
        "case_id": pw.case_little.pk, "entry_type": "agreement", "entry_id": pw.agreement.pk})
    assert client.get(url).status_code == 404
    bogus = reverse("portal:own_view", kwargs={
        "case_id": pw.case_young.pk, "entry_type": "signal", "entry_id": 1})
    assert client.get(bogus).status_code == 404
    assert AccessEvent.objects.filter(outcome=Outcome.DENIED, event_code="portal.entry").exists()
