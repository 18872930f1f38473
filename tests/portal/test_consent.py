"""Consent given and withdrawn in the portal by the consenter themself, through the consent
services (method "portal"): the age rule decides who signs; a withdrawal takes effect at
once for the professionals' next request."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.test import Client
from django.urls import reverse

from schakel.access import policy
from schakel.cases.selectors import case_get
from schakel.consent.models import Consent, ConsentMethod, InformationCategory
from schakel.notifications.models import Notification, NotificationKind
from schakel.organisations.models import Organisation
from schakel.portal.models import PendingConsent, PendingConsentStatus
from schakel.portal.services.consent import (
    portal_consent_cosign,
    portal_consent_decline,
    portal_consent_give,
    portal_consent_withdraw,
)
from tests.factories import OrganisationFactory, actor_for
from tests.portal.fixtures import PortalWorld, portal_actor, portal_sign_in

CARE = InformationCategory.CARE


def _give(pw: PortalWorld, user: object, child: object, organisation: Organisation,
          ) -> Consent | PendingConsent:
    return portal_consent_give(actor=portal_actor(user), child=child,  # type: ignore[arg-type]
                               organisation=organisation, category=CARE,
                               purpose="Afstemming van de zorg")


def test_from_12_to_15_both_sign_then_it_applies(pw: PortalWorld) -> None:
    org = OrganisationFactory(name="Jeugd-GGZ Twente")
    pending = _give(pw, pw.young_user, pw.young, org)
    assert isinstance(pending, PendingConsent)
    assert not policy.may_receive_category(pw.young, org, CARE)
    assert Notification.objects.filter(recipient=pw.mother_user,
                                       kind=NotificationKind.CONSENT_REQUESTED).exists()
    home = portal_sign_in(Client(), pw.mother_user).get(reverse("portal:home"))
    assert reverse("portal:consent", kwargs={"child_id": pw.young.pk}) in (
        home.content.decode())
    consent = portal_consent_cosign(actor=portal_actor(pw.mother_user), pending=pending)
    assert consent is not None
    assert consent.method == ConsentMethod.PORTAL
    assert consent.recorded_by is None
    signatures = {(s.guardian_id, s.is_young_person) for s in consent.signatures.all()}
    assert signatures == {(pw.mother.pk, False), (None, True)}
    assert policy.may_receive_category(pw.young, org, CARE).consent == consent
    pending.refresh_from_db()
    assert (pending.status, pending.consent) == (PendingConsentStatus.RECORDED, consent)


def test_the_same_person_cannot_sign_twice_and_the_other_can_decline(pw: PortalWorld) -> None:
    org = OrganisationFactory()
    pending = _give(pw, pw.mother_user, pw.young, org)
    assert isinstance(pending, PendingConsent)
    with pytest.raises(ValidationError):
        portal_consent_cosign(actor=portal_actor(pw.mother_user), pending=pending)
    with pytest.raises(ValidationError):
        _give(pw, pw.young_user, pw.young, org)  # already waiting: sign that one
    portal_consent_decline(actor=portal_actor(pw.young_user), pending=pending)
    pending.refresh_from_db()
    assert pending.status == PendingConsentStatus.CANCELLED
    assert not Consent.objects.filter(organisation=org).exists()


def test_under_12_the_parent_with_custody_alone(pw: PortalWorld) -> None:
    org = OrganisationFactory()
    consent = _give(pw, pw.mother_user, pw.little, org)
    assert isinstance(consent, Consent)
    assert policy.may_receive_category(pw.little, org, CARE)


def test_from_16_the_young_person_alone_and_not_the_parents(pw: PortalWorld) -> None:
    org = OrganisationFactory()
    consent = _give(pw, pw.older_user, pw.older, org)
    assert isinstance(consent, Consent)
    assert policy.may_receive_category(pw.older, org, CARE)
    with pytest.raises(Http404):
        _give(pw, pw.mother_user, pw.older, OrganisationFactory())
    with pytest.raises(Http404):
        portal_consent_withdraw(actor=portal_actor(pw.mother_user), child=pw.older,
                                consent_id=consent.pk)


def test_a_parent_without_custody_and_another_family_cannot_consent(pw: PortalWorld) -> None:
    for user in (pw.father_user, pw.other_user):
        with pytest.raises(Http404):
            _give(pw, user, pw.young, OrganisationFactory())


def test_withdrawal_in_the_portal_takes_effect_at_once(pw: PortalWorld) -> None:
    nurse = actor_for(pw.nurse)
    case_get(actor=nurse, case_id=pw.case_young.pk)
    consent = policy.may_receive_category(pw.young, pw.nurse.organisation, CARE).consent
    assert consent is not None
    client = portal_sign_in(Client(), pw.mother_user)
    url = reverse("portal:consent_withdraw", kwargs={"child_id": pw.young.pk})
    question = client.post(url, {"consent": consent.pk})  # first the question, nothing changes
    assert question.status_code == 200
    assert "confirmed" in question.content.decode()
    consent.refresh_from_db()
    assert consent.withdrawn_at is None
    response = client.post(url, {"consent": consent.pk, "confirmed": "yes"})
    assert response.status_code == 302
    consent.refresh_from_db()
    assert consent.withdrawn_by_guardian == pw.mother
    assert consent.withdrawal_recorded_by is None
    assert not policy.may_receive_category(pw.young, pw.nurse.organisation, CARE)
    assert Notification.objects.filter(recipient=pw.nurse.user,
                                       kind=NotificationKind.CONSENT_WITHDRAWN).exists()


def test_the_consent_page_gives_and_cosigns(pw: PortalWorld) -> None:
    url = reverse("portal:consent", kwargs={"child_id": pw.young.pk})
    tina = portal_sign_in(Client(), pw.young_user)
    page = tina.get(url).content.decode()
    assert pw.nurse.organisation.name in page
    response = tina.post(url, {"organisation": pw.teacher.organisation.pk, "category": "school",
                               "purpose": "Overleg met de mentor"})
    assert response.status_code == 302
    pending = PendingConsent.objects.get()
    mother = portal_sign_in(Client(), pw.mother_user)
    assert "Overleg met de mentor" in mother.get(url).content.decode()
    mother.post(reverse("portal:consent_pending", kwargs={"child_id": pw.young.pk}),
                {"pending": pending.pk, "decision": "sign"})
    assert policy.may_receive_category(pw.young, pw.teacher.organisation, "school")


def test_an_organisation_not_offered_is_refused_on_the_page(pw: PortalWorld) -> None:
    stranger = OrganisationFactory()
    client = portal_sign_in(Client(), pw.mother_user)
    response = client.post(reverse("portal:consent", kwargs={"child_id": pw.young.pk}),
                           {"organisation": stranger.pk, "category": "care", "purpose": "x"})
    assert response.status_code == 200
    assert not PendingConsent.objects.exists()
