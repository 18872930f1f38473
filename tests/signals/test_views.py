"""Signals: list, raising one with the pupil search, detail and triage by the core team."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from schakel.audit.models import AccessEvent
from schakel.signals.models import Signal, SignalStatus, Theme
from tests.support import sign_in
from tests.web.fixtures import (
    WebWorld,
    build_world,
    count_queries,
    make_child,
    make_signal,
)


@pytest.fixture
def w(db: None) -> WebWorld:
    return build_world()


def raise_data(w: WebWorld, **overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "school": w.school.pk, "level": "child", "child": w.child.pk,
        "theme": Theme.objects.get(code="verzuim").pk, "description": "Komt vaak te laat.",
    }
    data.update(overrides)
    return data


# --- list --------------------------------------------------------------------------------


def test_core_team_sees_the_signals_of_its_school(client: Client, w: WebWorld) -> None:
    sign_in(client, w.core.user)
    page = client.get(reverse("signals:list")).content.decode()
    assert "Bas Jansen" in page
    assert reverse("signals:detail", kwargs={"signal_id": w.signal.pk}) in page


def test_outsider_sees_no_signals(client: Client, w: WebWorld) -> None:
    sign_in(client, w.outsider.user)
    page = client.get(reverse("signals:list")).content.decode()
    assert reverse("signals:detail", kwargs={"signal_id": w.signal.pk}) not in page


def test_status_filter(client: Client, w: WebWorld) -> None:
    closed = make_signal(w.school, w.child, w.teacher, theme_code="welbevinden")
    closed.status = SignalStatus.CLOSED
    closed.save()
    sign_in(client, w.core.user)
    page = client.get(reverse("signals:list"), {"status": "closed"}).content.decode()
    assert reverse("signals:detail", kwargs={"signal_id": closed.pk}) in page
    assert reverse("signals:detail", kwargs={"signal_id": w.signal.pk}) not in page


def test_list_queries_do_not_grow_with_rows(
    client: Client, w: WebWorld, django_assert_max_num_queries: Any,
) -> None:
    sign_in(client, w.core.user)
    few = count_queries(client, reverse("signals:list"))
    for i in range(10):
        make_signal(w.school, make_child(w.school, f"Kind{i}"), w.teacher)
    # 12, and 1 for PostgreSQL's lock on the access log's chain (SQLite needs none).
    with django_assert_max_num_queries(13):
        response = client.get(reverse("signals:list"))
    assert response.content.decode().count("Kind") >= 10
    assert count_queries(client, reverse("signals:list")) == few


# --- raising -----------------------------------------------------------------------------


def test_raise_page_asks_for_the_school_when_there_are_several(
    client: Client, w: WebWorld,
) -> None:
    w.other_school.organisation = w.school.organisation
    w.other_school.save()
    sign_in(client, w.teacher.user)
    page = client.get(reverse("signals:raise")).content.decode()
    assert 'name="school"' in page
    assert "Basisschool Het Anker" in page


def test_raise_search_without_javascript_offers_the_pupil(client: Client, w: WebWorld) -> None:
    sign_in(client, w.teacher.user)
    page = client.get(reverse("signals:raise"), {"school": str(w.school.pk), "q": "bas"}).content
    assert f'value="{w.child.pk}"'.encode() in page
    assert b'name="child"' in page


def test_search_button_without_javascript_keeps_everything_filled_in(
    client: Client, w: WebWorld,
) -> None:
    """The search button posts the whole form (no JavaScript): the page comes back with the
    theme, the text and the checkbox as filled in, the results below the search, no errors,
    and nothing recorded."""
    sign_in(client, w.teacher.user)
    theme = Theme.objects.get(code="verzuim")
    response = client.post(reverse("signals:raise"), raise_data(
        w, child="", q="Jans", pupil_search="1", observed_outside_school="on",
        description="Komt vaak te laat & is moe."))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Komt vaak te laat &amp; is moe.</textarea>" in page
    assert f'<option value="{theme.pk}" selected>' in page
    assert 'id="id_observed_outside_school" checked>' in page
    assert 'value="Jans"' in page
    assert f'value="{w.child.pk}"' in page  # the result, to be chosen
    assert "_error" not in page  # not validated: nothing is wrong yet
    assert Signal.objects.count() == 1


def test_search_button_keeps_the_pupil_chosen_before(client: Client, w: WebWorld) -> None:
    sign_in(client, w.teacher.user)
    response = client.post(reverse("signals:raise"), raise_data(
        w, q="zzz", pupil_search="1"))
    assert f'value="{w.child.pk}" checked' in response.content.decode()
    assert Signal.objects.count() == 1


def test_pupil_search_fragment_keeps_the_pupil_chosen_before(
    client: Client, w: WebWorld,
) -> None:
    sign_in(client, w.teacher.user)
    response = client.get(reverse("signals:pupil_search"), {
        "school": str(w.school.pk), "q": "zzz", "child": str(w.child.pk)},
        HTTP_HX_REQUEST="true")
    assert f'value="{w.child.pk}" checked' in response.content.decode()


def test_pupil_search_fragment_with_a_tampered_pupil_is_404(
    client: Client, w: WebWorld,
) -> None:
    sign_in(client, w.teacher.user)
    response = client.get(reverse("signals:pupil_search"), {
        "school": str(w.school.pk), "q": "Bas", "child": str(w.sibling.pk)},
        HTTP_HX_REQUEST="true")
    assert response.status_code == 404


def test_pupil_search_fragment(client: Client, w: WebWorld) -> None:
    sign_in(client, w.teacher.user)
    response = client.get(reverse("signals:pupil_search"),
                          {"school": str(w.school.pk), "q": "Jans"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert "Bas Jansen" in body
    assert "<html" not in body
    assert AccessEvent.objects.filter(event_code="child.search", child_id=w.child.pk).exists()


def test_pupil_search_finds_nothing_for_an_outsider(client: Client, w: WebWorld) -> None:
    sign_in(client, w.outsider.user)
    response = client.get(reverse("signals:pupil_search"), {"school": str(w.school.pk), "q": "Bas"})
    assert "Bas Jansen" not in response.content.decode()


def test_pupil_search_does_not_list_pupils_of_another_school(
    client: Client, w: WebWorld,
) -> None:
    sign_in(client, w.teacher.user)
    response = client.get(reverse("signals:pupil_search"),
                          {"school": str(w.school.pk), "q": "Tina"})
    assert f'value="{w.sibling.pk}"' not in response.content.decode()
    assert "No current pupils" in response.content.decode() or "Geen" in (
        response.content.decode())


def test_raise_a_signal(client: Client, w: WebWorld) -> None:
    sign_in(client, w.teacher.user)
    response = client.post(reverse("signals:raise"), raise_data(w))
    signal = Signal.objects.exclude(pk=w.signal.pk).get()
    assert response.status_code == 302
    assert response["Location"] == reverse("signals:detail", kwargs={"signal_id": signal.pk})
    assert (signal.child, signal.raised_by, signal.theme.code) == (w.child, w.teacher, "verzuim")


def test_raise_a_class_signal(client: Client, w: WebWorld) -> None:
    sign_in(client, w.teacher.user)
    client.post(reverse("signals:raise"), raise_data(
        w, level="class", child="", school_class=w.school_class.pk))
    signal = Signal.objects.exclude(pk=w.signal.pk).get()
    assert signal.school_class == w.school_class
    assert signal.child is None


def test_raise_without_description_shows_error_and_saves_nothing(
    client: Client, w: WebWorld,
) -> None:
    sign_in(client, w.teacher.user)
    response = client.post(reverse("signals:raise"), raise_data(w, description="  "))
    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="id_description_error"' in page
    assert f'value="{w.child.pk}" checked' in page  # the chosen pupil stays chosen
    assert Signal.objects.count() == 1


def test_raise_about_a_child_without_a_child_shows_error(client: Client, w: WebWorld) -> None:
    sign_in(client, w.teacher.user)
    response = client.post(reverse("signals:raise"), raise_data(w, child=""))
    assert response.status_code == 200
    assert 'id="id_child_error"' in response.content.decode()
    assert Signal.objects.count() == 1


@pytest.mark.parametrize("field", ["child", "theme", "school", "school_class"])
def test_raise_with_a_tampered_id_is_404(client: Client, w: WebWorld, field: str) -> None:
    tampered = {"child": w.sibling.pk, "theme": 999999, "school": w.other_school.pk,
                "school_class": 999999}
    sign_in(client, w.teacher.user)
    response = client.post(reverse("signals:raise"), raise_data(w, **{field: tampered[field]}))
    assert response.status_code == 404
    assert Signal.objects.count() == 1


def test_someone_without_a_school_cannot_raise(client: Client, w: WebWorld) -> None:
    sign_in(client, w.outsider.user)
    response = client.get(reverse("signals:raise"))
    assert response.status_code == 200
    assert 'name="description"' not in response.content.decode()
    response = client.post(reverse("signals:raise"), raise_data(w))
    assert response.status_code == 404
    assert Signal.objects.count() == 1


# --- detail and triage -------------------------------------------------------------------


def test_core_team_sees_detail_with_open_case_link(client: Client, w: WebWorld) -> None:
    sign_in(client, w.core.user)
    page = client.get(reverse("signals:detail", kwargs={"signal_id": w.signal.pk})).content
    assert reverse("cases:open_from_signal", kwargs={"signal_id": w.signal.pk}).encode() in page
    assert reverse("signals:status", kwargs={"signal_id": w.signal.pk}).encode() in page


def test_raiser_sees_detail_without_triage(client: Client, w: WebWorld) -> None:
    sign_in(client, w.teacher.user)
    response = client.get(reverse("signals:detail", kwargs={"signal_id": w.signal.pk}))
    assert response.status_code == 200
    assert reverse("cases:open_from_signal", kwargs={"signal_id": w.signal.pk}).encode() not in (
        response.content)
    assert client.get(reverse("signals:status", kwargs={"signal_id": w.signal.pk})
                      ).status_code == 404


@pytest.mark.parametrize("who", ["outsider", "other_core", "nurse"])
def test_detail_is_404_for_others(client: Client, w: WebWorld, who: str) -> None:
    sign_in(client, getattr(w, who).user)
    assert client.get(reverse("signals:detail", kwargs={"signal_id": w.signal.pk})
                      ).status_code == 404


def test_core_team_changes_the_status(client: Client, w: WebWorld) -> None:
    sign_in(client, w.core.user)
    response = client.post(reverse("signals:status", kwargs={"signal_id": w.signal.pk}),
                           {"status": SignalStatus.DISCUSSED})
    assert response.status_code == 302
    w.signal.refresh_from_db()
    assert w.signal.status == SignalStatus.DISCUSSED


def test_collective_action_needs_a_name(client: Client, w: WebWorld) -> None:
    sign_in(client, w.core.user)
    response = client.post(reverse("signals:status", kwargs={"signal_id": w.signal.pk}),
                           {"status": SignalStatus.LINKED_COLLECTIVE, "collective_action": ""})
    assert response.status_code == 200
    assert 'id="id_collective_action_error"' in response.content.decode()
    w.signal.refresh_from_db()
    assert w.signal.status == SignalStatus.NEW


def test_status_not_allowed_from_here_is_an_error(client: Client, w: WebWorld) -> None:
    sign_in(client, w.core.user)
    response = client.post(reverse("signals:status", kwargs={"signal_id": w.signal.pk}),
                           {"status": SignalStatus.LINKED_CASE})
    assert response.status_code == 200
    assert 'id="id_status_error"' in response.content.decode()
    w.signal.refresh_from_db()
    assert w.signal.status == SignalStatus.NEW


def test_teacher_cannot_change_the_status(client: Client, w: WebWorld) -> None:
    sign_in(client, w.teacher.user)
    response = client.post(reverse("signals:status", kwargs={"signal_id": w.signal.pk}),
                           {"status": SignalStatus.CLOSED})
    assert response.status_code == 404
    w.signal.refresh_from_db()
    assert w.signal.status == SignalStatus.NEW
