"""Opening a case: from a signal, or by the core team for a pupil found by searching."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from schakel.cases.models import Case, Involvement
from schakel.signals.models import SignalStatus
from tests.support import sign_in
from tests.web.fixtures import WebWorld, build_world, make_signal


@pytest.fixture
def w(db: None) -> WebWorld:
    return build_world()


def from_signal(signal_id: int) -> str:
    return reverse("cases:open_from_signal", kwargs={"signal_id": signal_id})


def test_core_team_opens_a_case_from_a_signal(client: Client, w: WebWorld) -> None:
    sign_in(client, w.core.user)
    assert client.get(from_signal(w.signal.pk)).status_code == 200
    response = client.post(from_signal(w.signal.pk), {
        "subject": "child", "title": "Te laat op school", "part": "Contactpersoon school"})
    case = Case.objects.get(title="Te laat op school")
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:detail", kwargs={"case_id": case.pk})
    assert case.child == w.child
    w.signal.refresh_from_db()
    assert (w.signal.case, w.signal.status) == (case, SignalStatus.LINKED_CASE)
    assert Involvement.objects.get(case=case).part == "Contactpersoon school"


def test_open_for_the_whole_family(client: Client, w: WebWorld) -> None:
    sign_in(client, w.core.user)
    client.post(from_signal(w.signal.pk), {"subject": "family", "title": "Gezin Jansen"})
    case = Case.objects.get(title="Gezin Jansen")
    assert (case.family, case.child) == (w.family, None)


def test_open_without_title_shows_error_and_saves_nothing(client: Client, w: WebWorld) -> None:
    sign_in(client, w.core.user)
    before = Case.objects.count()
    response = client.post(from_signal(w.signal.pk), {"subject": "child", "title": ""})
    assert response.status_code == 200
    assert 'id="id_title_error"' in response.content.decode()
    assert Case.objects.count() == before
    w.signal.refresh_from_db()
    assert w.signal.case is None


@pytest.mark.parametrize("who", ["teacher", "nurse", "outsider", "other_core"])
def test_only_the_core_team_of_the_school_opens_from_a_signal(
    client: Client, w: WebWorld, who: str,
) -> None:
    sign_in(client, getattr(w, who).user)
    before = Case.objects.count()
    assert client.get(from_signal(w.signal.pk)).status_code == 404
    assert client.post(from_signal(w.signal.pk), {"title": "x"}).status_code == 404
    assert Case.objects.count() == before


def test_a_school_signal_cannot_open_a_case(client: Client, w: WebWorld) -> None:
    school_signal = make_signal(w.school, None, w.teacher)
    sign_in(client, w.core.user)
    assert client.get(from_signal(school_signal.pk)).status_code == 404


def test_a_linked_signal_sends_you_back(client: Client, w: WebWorld) -> None:
    w.signal.case = w.case
    w.signal.save()
    sign_in(client, w.core.user)
    response = client.get(from_signal(w.signal.pk))
    assert response.status_code == 302
    assert response["Location"] == reverse("signals:detail", kwargs={"signal_id": w.signal.pk})


def test_core_team_opens_a_case_for_a_pupil(client: Client, w: WebWorld) -> None:
    sign_in(client, w.core.user)
    page = client.get(reverse("cases:open"), {"q": "Bas"}).content.decode()
    assert f'value="{w.child.pk}"' in page
    response = client.post(reverse("cases:open"), {
        "school": w.school.pk, "child": w.child.pk, "subject": "child", "title": "Nieuw"})
    case = Case.objects.get(title="Nieuw")
    assert response.status_code == 302
    assert (case.child, case.school) == (w.child, w.school)


def test_search_button_without_javascript_keeps_the_title_and_opens_nothing(
    client: Client, w: WebWorld,
) -> None:
    sign_in(client, w.core.user)
    before = Case.objects.count()
    response = client.post(reverse("cases:open"), {
        "school": w.school.pk, "subject": "child", "title": "Zorgen om Bas", "q": "Bas",
        "pupil_search": "1"})
    page = response.content.decode()
    assert response.status_code == 200
    assert 'value="Zorgen om Bas"' in page
    assert f'value="{w.child.pk}"' in page
    assert "_error" not in page
    assert Case.objects.count() == before


def test_open_without_a_pupil_shows_error(client: Client, w: WebWorld) -> None:
    sign_in(client, w.core.user)
    before = Case.objects.count()
    response = client.post(reverse("cases:open"), {
        "school": w.school.pk, "subject": "child", "title": "Nieuw"})
    assert response.status_code == 200
    assert 'id="id_child_error"' in response.content.decode()
    assert Case.objects.count() == before


@pytest.mark.parametrize("field", ["child", "school"])
def test_open_with_a_tampered_id_is_404(client: Client, w: WebWorld, field: str) -> None:
    data = {"school": w.school.pk, "child": w.child.pk, "subject": "child", "title": "Nieuw"}
    data[field] = {"child": w.sibling.pk, "school": w.other_school.pk}[field]
    sign_in(client, w.core.user)
    before = Case.objects.count()
    assert client.post(reverse("cases:open"), data).status_code == 404
    assert Case.objects.count() == before


def test_open_page_explains_when_you_are_not_in_a_core_team(client: Client, w: WebWorld) -> None:
    sign_in(client, w.nurse.user)
    response = client.get(reverse("cases:open"))
    assert response.status_code == 200
    assert 'name="title"' not in response.content.decode()
