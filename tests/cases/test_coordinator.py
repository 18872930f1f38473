"""Who appoints the coordinator (regiehouder): the school's core team or the coordinator
handing on, never an involved professional for themselves; the previous coordinator and the
family in the portal are told."""

from __future__ import annotations

import pytest
from django.http import Http404

from schakel.access import policy
from schakel.audit.models import AccessEvent, Outcome
from schakel.cases.models import Case
from schakel.cases.services.lifecycle import case_set_coordinator
from schakel.notifications.models import Notification, NotificationKind
from tests.conftest import World
from tests.factories import InvolvementFactory, ProfessionalFactory, UserFactory
from tests.factories.consent import care_consent
from tests.support import sign_in


def test_an_involved_professional_cannot_make_themselves_coordinator(world: World):
    worker = ProfessionalFactory()
    InvolvementFactory(case=world.case, professional=worker)
    care_consent(world.child, worker.organisation)
    assert policy.may_read_case(world.actor(worker), world.case)  # reads, may not appoint
    with pytest.raises(Http404):
        case_set_coordinator(actor=world.actor(worker), case=world.case, professional=worker)
    assert Case.objects.get(pk=world.case.pk).coordinator == world.nurse
    assert not Notification.objects.exists()
    refusal = AccessEvent.objects.get(event_code="case.set_coordinator")
    assert refusal.outcome == Outcome.DENIED


def test_the_page_sends_a_self_appointing_professional_back_and_changes_nothing(
        world: World, client):
    worker = ProfessionalFactory()
    InvolvementFactory(case=world.case, professional=worker)
    care_consent(world.child, worker.organisation)
    sign_in(client, worker.user)
    response = client.post(f"/casussen/{world.case.pk}/regiehouder/",
                           {"professional": worker.pk})
    assert response.status_code == 302
    assert response["Location"] == f"/casussen/{world.case.pk}/"
    assert Case.objects.get(pk=world.case.pk).coordinator == world.nurse
    page = client.get(f"/casussen/{world.case.pk}/").content.decode()
    assert f'action="/casussen/{world.case.pk}/regiehouder/"' not in page


def test_the_core_team_appoints_and_the_family_in_the_portal_is_told(
        world: World, django_capture_on_commit_callbacks):
    worker = ProfessionalFactory()
    InvolvementFactory(case=world.case, professional=worker)
    InvolvementFactory(case=world.case, professional=world.core_member)
    world.guardian.user = UserFactory()
    world.guardian.save(update_fields=["user"])
    with django_capture_on_commit_callbacks(execute=True):
        case_set_coordinator(actor=world.actor(world.core_member), case=world.case,
                             professional=worker)
    assert Case.objects.get(pk=world.case.pk).coordinator == worker
    told = {(n.recipient_id, n.kind) for n in Notification.objects.all()}
    assert told == {
        (worker.user_id, NotificationKind.BECAME_COORDINATOR),
        (world.nurse.user_id, NotificationKind.COORDINATOR_CHANGED),
        (world.guardian.user.pk, NotificationKind.COORDINATOR_CHANGED),
    }
    family_note = Notification.objects.get(recipient=world.guardian.user)
    assert worker.full_name in family_note.message
    assert family_note.link == f"/portaal/casus/{world.case.pk}/"
