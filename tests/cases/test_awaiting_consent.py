"""A professional of another organisation involved in a case without a consent or ground for
it: they see that the case exists and who involved them, never its content; the one who
involved them sees at once what is missing and where to record it."""

from __future__ import annotations

from django.test import Client
from django.utils.html import escape

from schakel.audit.models import AccessEvent, Outcome
from tests.conftest import World
from tests.factories import InvolvementFactory, ProfessionalFactory
from tests.factories.consent import care_consent
from tests.support import sign_in


def _involve_youth_worker(world: World):
    worker = ProfessionalFactory(social_worker=True, full_name="Mo Maatschappelijk")
    InvolvementFactory(case=world.case, professional=worker, added_by=world.nurse)
    return worker


def test_the_involved_professional_sees_that_the_case_awaits_consent_and_nothing_else(
        world: World, client: Client):
    worker = _involve_youth_worker(world)
    sign_in(client, worker.user)
    response = client.get(f"/casussen/{world.case.pk}/")
    page = response.content.decode()
    assert response.status_code == 200
    assert world.case.reference in page
    assert "no consent or legal ground yet" in page
    assert escape(world.nurse.full_name) in page  # who involved them (and coordinates)
    assert world.case.title not in page
    assert escape(world.child.full_name) not in page
    events = AccessEvent.objects.filter(user_id=worker.user_id).order_by("pk")
    assert [(e.event_code, e.outcome) for e in events] == [
        ("case.view", Outcome.DENIED), ("case.awaiting_consent", Outcome.SUCCESS)]


def test_the_content_opens_once_consent_is_recorded(world: World, client: Client):
    worker = _involve_youth_worker(world)
    care_consent(world.child, worker.organisation)
    sign_in(client, worker.user)
    page = client.get(f"/casussen/{world.case.pk}/").content.decode()
    assert world.case.title in page
    assert "no consent or legal ground yet" not in page


def test_an_outsider_still_gets_404(world: World, client: Client):
    sign_in(client, world.outsider.user)
    assert client.get(f"/casussen/{world.case.pk}/").status_code == 404


def test_the_case_page_tells_the_involver_what_is_missing(world: World, client: Client):
    worker = _involve_youth_worker(world)
    sign_in(client, world.nurse.user)
    page = client.get(f"/casussen/{world.case.pk}/").content.decode()
    assert (f"{worker.full_name} ({worker.organisation.name}) cannot read this case yet"
            in page)
    assert f"/toestemming/kind/{world.child.pk}/#record" in page
    care_consent(world.child, worker.organisation)
    page = client.get(f"/casussen/{world.case.pk}/").content.decode()
    assert "cannot read this case yet" not in page
