"""A child's page: for the core team of a current school and those involved; cases of others
appear as existence only."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from schakel.audit.models import AccessEvent
from tests.support import sign_in
from tests.web.fixtures import WebWorld, build_world, make_case


@pytest.fixture
def w(db: None) -> WebWorld:
    return build_world()


def child_url(child_id: int) -> str:
    return reverse("children:detail", kwargs={"child_id": child_id})


def test_core_team_sees_the_child(client: Client, w: WebWorld) -> None:
    sign_in(client, w.core.user)
    page = client.get(child_url(w.child.pk)).content.decode()
    assert "Bas Jansen" in page
    assert "Basisschool De Esch" in page  # enrolment
    assert "Eva Jansen" in page
    assert "utrecht-status-badge--neutral" in page  # custody shown
    assert "Tina Jansen" in page  # sibling
    assert reverse("signals:detail", kwargs={"signal_id": w.signal.pk}) in page
    assert reverse("cases:detail", kwargs={"case_id": w.case.pk}) in page  # involved: link
    assert AccessEvent.objects.filter(event_code="child.view", child_id=w.child.pk).exists()
    assert AccessEvent.objects.filter(event_code="child.siblings",
                                      child_id=w.sibling.pk).exists()


def test_a_case_of_others_shows_only_existence(client: Client, w: WebWorld) -> None:
    other = make_case(w.school, w.child, opened_by=w.core, coordinator=w.nurse,
                      involved=[w.nurse], title="Geheime titel")
    sign_in(client, w.core.user)
    page = client.get(child_url(w.child.pk)).content.decode()
    assert other.reference in page
    assert "Anne de Vries" in page  # the coordinator
    assert "Geheime titel" not in page
    assert reverse("cases:detail", kwargs={"case_id": other.pk}) not in page
    shown = AccessEvent.objects.filter(event_code="case.existence", child_id=w.child.pk,
                                       user_id=w.core.user.pk)
    assert {e.object_id for e in shown} == {str(w.case.pk), str(other.pk)}


@pytest.mark.parametrize("who", ["outsider", "teacher", "other_core"])
def test_others_get_404(client: Client, w: WebWorld, who: str) -> None:
    sign_in(client, getattr(w, who).user)
    assert client.get(child_url(w.child.pk)).status_code == 404


def test_unknown_child_is_404(client: Client, w: WebWorld) -> None:
    sign_in(client, w.core.user)
    assert client.get(child_url(w.child.pk + 1000)).status_code == 404


def test_involved_professional_sees_the_child(client: Client, w: WebWorld) -> None:
    sign_in(client, w.nurse.user)
    response = client.get(child_url(w.child.pk))
    assert response.status_code == 200
    # The nurse is not in the core team: signals of the school stay hidden.
    assert reverse("signals:detail", kwargs={"signal_id": w.signal.pk}) not in (
        response.content.decode())
