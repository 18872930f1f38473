"""Emergency access ("break the glass"): who may claim it, the required reason, what it opens
and for how long, the log row with basis "emergency", and who is told."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.test import Client
from django.utils import timezone

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.audit.models import AccessEvent, Basis, Outcome
from schakel.cases.models import CaseStatus, EmergencyAccess
from schakel.cases.services.emergency import emergency_access_claim
from schakel.notifications.models import Notification, NotificationKind
from tests.conftest import World, assert_nothing_changed, take_snapshot
from tests.factories import (
    ChildFactory,
    EnrolmentFactory,
    InvolvementFactory,
    ProfessionalFactory,
    UserFactory,
    actor_for,
)
from tests.support import sign_in


def _worker(world: World):
    """A youth worker of another organisation, involved without a consent for it."""
    worker = ProfessionalFactory(social_worker=True, full_name="Mo Maatschappelijk")
    InvolvementFactory(case=world.case, professional=worker, added_by=world.nurse)
    return worker


def test_the_involved_professional_without_consent_may_claim_and_then_read(world: World):
    worker = _worker(world)
    actor = actor_for(worker)
    assert not policy.may_read_case(actor, world.case)
    assert policy.may_claim_emergency_access(actor, world.case)
    access = emergency_access_claim(actor=actor, case=world.case, reason="Kind niet veilig thuis")
    decision = policy.may_read_case(actor_for(worker), world.case)
    assert decision.ground == policy.Ground.EMERGENCY
    assert decision.basis == f"emergency #{access.pk}"
    # Reading only: no change to the case on an emergency access.
    assert not policy.may_contribute_to_case(actor_for(worker), world.case)
    assert access.expires_at - access.claimed_at == dt.timedelta(hours=24)


def test_the_school_board_of_the_child_may_claim_and_an_outsider_may_not(world: World):
    assert policy.may_claim_emergency_access(actor_for(world.teacher), world.case)
    assert not policy.may_claim_emergency_access(actor_for(world.outsider), world.case)
    assert not policy.may_claim_emergency_access(actor_for(world.other_core_member), world.case)


def test_a_school_the_child_has_left_may_not_claim(world: World):
    other = ChildFactory(family=None)
    EnrolmentFactory(child=other, school=world.other_school,
                     end_date=timezone.localdate() - dt.timedelta(days=1))
    case = type(world.case).objects.get(pk=world.case.pk)
    case.child = other
    assert not policy.may_claim_emergency_access(actor_for(world.other_core_member), case)


def test_nobody_claims_on_a_closed_case(world: World):
    world.case.status = CaseStatus.CLOSED
    world.case.save(update_fields=["status"])
    assert not policy.may_claim_emergency_access(actor_for(_worker(world)), world.case)


def test_the_access_expires_by_its_date(world: World, settings):
    settings.SCHAKEL_EMERGENCY_ACCESS_HOURS = 2
    worker = _worker(world)
    access = emergency_access_claim(actor=actor_for(worker), case=world.case, reason="Nood")
    EmergencyAccess.objects.filter(pk=access.pk).update(
        claimed_at=timezone.now() - dt.timedelta(hours=3),
        expires_at=timezone.now() - dt.timedelta(seconds=1))
    assert not policy.may_read_case(actor_for(worker), world.case)


def test_the_claim_is_logged_with_basis_emergency_and_the_officers_are_told(world: World):
    worker = _worker(world)
    officer = ProfessionalFactory(log_administrator=True, organisation=worker.organisation)
    file_officer = ProfessionalFactory(log_administrator=True,
                                       organisation=world.core_member.organisation)
    elsewhere = world.log_admin  # another organisation: not told
    emergency_access_claim(actor=actor_for(worker), case=world.case, reason="Acuut gevaar")
    row = AccessEvent.objects.get(event_code="case.emergency_access")
    assert (row.basis, row.outcome, row.child_id) == (
        Basis.EMERGENCY, Outcome.SUCCESS, world.child.pk)
    told = set(Notification.objects.filter(kind=NotificationKind.EMERGENCY_ACCESS)
               .values_list("recipient_id", flat=True))
    assert told == {officer.user_id, file_officer.user_id, world.nurse.user_id}
    assert elsewhere.user_id not in told


def test_an_empty_reason_is_refused_in_dutch_and_changes_nothing(world: World, client: Client):
    worker = _worker(world)
    sign_in(client, worker.user)
    url = f"/casussen/{world.case.pk}/noodtoegang/"
    assert client.get(url).status_code == 200
    rows_before = AccessEvent.objects.count()
    response = client.post(url, {"reason": "   "}, HTTP_ACCEPT_LANGUAGE="nl")
    assert response.status_code == 400
    assert "Geef de reden voor de noodtoegang." in response.content.decode()
    assert not EmergencyAccess.objects.exists()
    assert not Notification.objects.filter(kind=NotificationKind.EMERGENCY_ACCESS).exists()
    # Only the form's own read (the case's reference, shown again) was logged.
    assert list(AccessEvent.objects.order_by("pk")[rows_before:].values_list(
        "event_code", flat=True)) == ["case.existence"]
    with pytest.raises(ValidationError):
        emergency_access_claim(actor=actor_for(worker), case=world.case, reason=" ")


def test_the_form_opens_the_case_page_with_the_notice(world: World, client: Client):
    worker = _worker(world)
    sign_in(client, worker.user)
    page = client.get(f"/casussen/{world.case.pk}/").content.decode()
    assert f"/casussen/{world.case.pk}/noodtoegang/" in page  # offered on the waiting page
    response = client.post(f"/casussen/{world.case.pk}/noodtoegang/",
                           {"reason": "Kind meldt mishandeling"})
    assert response.status_code == 302
    page = client.get(f"/casussen/{world.case.pk}/").content.decode()
    assert world.case.title in page
    assert "emergency-notice" in page
    view = AccessEvent.objects.filter(user_id=worker.user_id, event_code="case.view",
                                      outcome=Outcome.SUCCESS).get()
    assert view.basis == Basis.EMERGENCY


def test_an_outsider_gets_the_logged_404(world: World, client: Client):
    sign_in(client, world.outsider.user)
    before = take_snapshot()
    assert client.post(f"/casussen/{world.case.pk}/noodtoegang/",
                       {"reason": "Nood"}).status_code == 404
    assert_nothing_changed(before, denied_rows=1)
    with pytest.raises(Http404):
        emergency_access_claim(actor=actor_for(world.outsider), case=world.case, reason="x")


def test_a_portal_user_never_claims(world: World):
    actor = Actor(user=UserFactory(), professional=None, role="ouder")
    assert not policy.may_claim_emergency_access(actor, world.case)
