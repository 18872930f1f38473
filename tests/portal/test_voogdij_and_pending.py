"""The portal under voogdij (the GI holds the parents' rights, BW 1:302 lid 2), and one rule for
"a consent waits for your signature" on the home page and the child's page (issue 7, 18)."""

from __future__ import annotations

import datetime as dt

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from schakel.access import policy
from schakel.access.policy import Ground
from schakel.consent.models import InformationCategory
from schakel.notifications.models import Notification, NotificationKind
from schakel.portal.models import PendingConsent
from schakel.portal.selectors.family import portal_child_get, portal_home
from schakel.portal.services.consent import portal_consent_cosign, portal_consent_give
from tests.factories import MeasureFactory, OrganisationFactory, actor_for
from tests.portal.fixtures import PortalWorld, portal_actor, portal_sign_in


def _voogdij(pw: PortalWorld) -> None:
    MeasureFactory(child=pw.young, guardianship=True,
                   start_date=timezone.localdate() - dt.timedelta(days=10))


def test_under_voogdij_the_parents_lose_their_portal_rights(pw: PortalWorld) -> None:
    mother = portal_actor(pw.mother_user)
    assert policy.may_read_file_in_portal(mother, pw.young)
    _voogdij(pw)
    assert not policy.may_read_file_in_portal(mother, pw.young)
    assert not policy.may_read_access_log_in_portal(mother, pw.young)
    assert not policy.may_give_consent_in_portal(mother, pw.young)
    assert not policy.may_read_case_in_portal(mother, pw.case_young)
    # The young person keeps her own rights; the other children are not touched.
    assert policy.may_read_file_in_portal(portal_actor(pw.young_user), pw.young)
    assert policy.may_read_file_in_portal(mother, pw.little)
    # The mother is now a parent without custody: she may ask for information.
    assert policy.may_request_information(mother, pw.young)
    client = portal_sign_in(Client(), pw.mother_user)
    for name in ("portal:consent", "portal:access_log"):
        assert client.get(reverse(name, kwargs={"child_id": pw.young.pk})).status_code == 404


def test_the_gi_holds_the_parents_rights(pw: PortalWorld) -> None:
    _voogdij(pw)
    measure = pw.young.measures.get()
    worker = actor_for(measure.worker)
    assert policy.may_read_file_in_portal(worker, pw.young).ground == Ground.VOOGD
    assert policy.may_read_access_log_in_portal(worker, pw.young)
    assert policy.may_give_consent(worker, pw.young).ground == Ground.VOOGD
    assert not policy.may_read_file_in_portal(actor_for(pw.nurse), pw.young)


def test_a_young_persons_consent_under_voogdij_asks_the_gi(pw: PortalWorld) -> None:
    _voogdij(pw)
    measure = pw.young.measures.get()
    portal_consent_give(actor=portal_actor(pw.young_user), child=pw.young,
                        organisation=OrganisationFactory(), category=InformationCategory.CARE,
                        purpose="Afstemming")
    assert Notification.objects.filter(recipient=measure.worker.user,
                                       kind=NotificationKind.CONSENT_REQUESTED).exists()
    assert not Notification.objects.filter(recipient=pw.mother_user).exists()


def _awaits(page: str) -> bool:
    return "waiting for your signature" in page or "wacht op je ondertekening" in page


def test_home_and_child_page_agree_on_a_pending_consent(pw: PortalWorld) -> None:
    """Tina gives consent, her mother must sign too: both pages say so; once the mother
    signed, neither does (the home page used to keep showing the old notification)."""
    organisation = OrganisationFactory()
    pending = portal_consent_give(
        actor=portal_actor(pw.young_user), child=pw.young, organisation=organisation,
        category=InformationCategory.CARE, purpose="Afstemming")
    mother = portal_actor(pw.mother_user)
    home_row = next(r for r in portal_home(actor=mother).children if r.child == pw.young)
    child_row = portal_child_get(actor=mother, child_id=pw.young.pk)
    assert [p.pk for p in home_row.awaiting] == [p.pk for p in child_row.awaiting] == [
        pending.pk]
    client = portal_sign_in(Client(), pw.mother_user)
    child_url = reverse("portal:child", kwargs={"child_id": pw.young.pk})
    assert _awaits(client.get(reverse("portal:home")).content.decode())
    assert _awaits(client.get(child_url).content.decode())
    # Tina herself signed already: nothing waits for her.
    young_row = portal_child_get(actor=portal_actor(pw.young_user), child_id=pw.young.pk)
    assert young_row.awaiting == []

    assert isinstance(pending, PendingConsent)
    portal_consent_cosign(actor=mother, pending=pending)
    assert Notification.objects.filter(recipient=pw.mother_user, read_at__isnull=True,
                                       kind=NotificationKind.CONSENT_REQUESTED).exists()
    assert not _awaits(client.get(reverse("portal:home")).content.decode())
    assert not _awaits(client.get(child_url).content.decode())
    assert portal_child_get(actor=mother, child_id=pw.young.pk).awaiting == []
