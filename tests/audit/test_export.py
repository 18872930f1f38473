"""The access log for a request of access (inzage): CSV export per child with the NEN 7513
fields, and the log administrator's viewer. Both are logged, both refused (404) to others."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.http import Http404
from django.test import Client
from django.utils import timezone, translation

from schakel.audit.export import access_log_export
from schakel.audit.models import AccessEvent, Action, Outcome
from tests.conftest import World
from tests.factories import AccessEventFactory, actor_for
from tests.support import sign_in


@pytest.fixture
def logged(world: World) -> list[AccessEvent]:
    base = timezone.now() - dt.timedelta(days=3)
    return [
        AccessEventFactory(child_id=world.child.pk, occurred_at=base, user_name="Anne de Vries",
                           user_id=world.nurse.user.pk),
        AccessEventFactory(child_id=world.child.pk, occurred_at=base + dt.timedelta(hours=1),
                           action=Action.UPDATE, event_code="case.plan_update",
                           user_name="=HYPERLINK(\"http://evil\")"),
        AccessEventFactory(child_id=world.child.pk + 1000, occurred_at=base,
                           user_name="Someone Else"),
        AccessEventFactory(child_id=world.child.pk, occurred_at=base + dt.timedelta(days=2),
                           denied=True, user_name="Olaf Buiten"),
    ]


def _rows(lines: list[str]) -> list[list[str]]:
    text = "".join(lines)
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def test_export_has_the_nen7513_fields_oldest_first(world: World, logged: list[AccessEvent]):
    actor = actor_for(world.log_admin)
    with translation.override("nl"):  # the export is in the reader's language
        rows = _rows(list(access_log_export(actor=actor, child_id=world.child.pk)))
    header, *body = rows
    assert len(header) == 19
    # Three earlier events of this child, then the export itself (logged before it ran).
    assert len(body) == 4
    first = body[0]
    assert first[0] == logged[0].occurred_at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert first[1:3] == ["case.view", "R"]
    assert first[5:7] == [str(world.nurse.user.pk), "Anne de Vries"]
    assert first[7:12] == ["Jeugdverpleegkundige", "GGD Twente", "", "", "192.0.2.10"]
    assert first[12:15] == ["cases.case", "1", str(world.child.pk)]
    assert first[17:] == ["involved", "schakel"]
    assert body[1][2] == "U"
    assert body[2][4] != body[0][4]  # denied vs success
    assert body[3][1:3] == ["access_log.export", "E"]
    assert body[3][6] == "Petra Log"
    assert body[3][15:17] == ["administration", "Beheer of privacyfunctionaris"]
    assert all(row[14] == str(world.child.pk) for row in body)


def test_export_neutralises_formulas(world: World, logged: list[AccessEvent]):
    rows = _rows(list(access_log_export(actor=actor_for(world.log_admin),
                                        child_id=world.child.pk)))
    assert rows[2][6] == "'=HYPERLINK(\"http://evil\")"


def test_export_is_logged_with_action_e(world: World):
    access_log_export(actor=actor_for(world.log_admin), child_id=world.child.pk)
    event = AccessEvent.objects.get(event_code="access_log.export")
    assert (event.action, event.outcome, event.child_id, event.ground) == (
        Action.EXECUTE, Outcome.SUCCESS, world.child.pk, "log_administrator")


@pytest.mark.parametrize("who", ["nurse", "core_member", "outsider"])
def test_export_is_refused_to_others_and_the_refusal_logged(world: World, who: str):
    with pytest.raises(Http404):
        access_log_export(actor=actor_for(getattr(world, who)), child_id=world.child.pk)
    event = AccessEvent.objects.get()
    assert (event.event_code, event.outcome) == ("access_log.export", Outcome.DENIED)


def test_export_over_http(client: Client, world: World, logged: list[AccessEvent]):
    sign_in(client, world.log_admin.user)
    response = client.post("/logboek/export/", {"child": world.child.pk})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert f"logboek-kind-{world.child.pk}-" in response["Content-Disposition"]
    body = b"".join(response.streaming_content).decode()  # type: ignore[attr-defined]
    assert len(_rows([body])) == 5
    assert client.get("/logboek/export/").status_code == 405


def test_export_over_http_refused_to_others(client: Client, world: World):
    sign_in(client, world.nurse.user)
    assert client.post("/logboek/export/", {"child": world.child.pk}).status_code == 404


# --- the viewer --------------------------------------------------------------------------


def test_viewer_shows_the_log_and_logs_the_reading(
    client: Client, world: World, logged: list[AccessEvent],
):
    sign_in(client, world.log_admin.user)
    response = client.get("/logboek/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Anne de Vries" in html
    assert "Someone Else" in html
    reads = AccessEvent.objects.filter(event_code="access_log.read")
    assert {e.child_id for e in reads} == {world.child.pk, world.child.pk + 1000}
    assert {e.action for e in reads} == {Action.READ}


def test_viewer_filters_by_child_user_and_date(
    client: Client, world: World, logged: list[AccessEvent],
):
    sign_in(client, world.log_admin.user)
    page = client.get("/logboek/", {"child": world.child.pk}).context["page"]
    assert {e.pk for e in page} == {logged[0].pk, logged[1].pk, logged[3].pk}
    page = client.get("/logboek/", {"user": "olaf"}).context["page"]
    assert [e.pk for e in page] == [logged[3].pk]
    page = client.get("/logboek/", {"user": str(world.nurse.user.pk)}).context["page"]
    assert [e.pk for e in page] == [logged[0].pk]
    day = timezone.localtime(logged[3].occurred_at).date()
    page = client.get("/logboek/", {"date_from": day.isoformat(),
                                    "date_to": day.isoformat()}).context["page"]
    assert logged[3].pk in {e.pk for e in page}
    assert logged[0].pk not in {e.pk for e in page}


def test_viewer_is_paginated(client: Client, world: World, settings):
    settings.SCHAKEL_PAGE_SIZE = 5
    AccessEventFactory.create_batch(12, child_id=world.child.pk)
    sign_in(client, world.log_admin.user)
    first = client.get("/logboek/", {"child": world.child.pk}).context["page"]
    assert len(first.object_list) == 5
    assert first.paginator.num_pages == 3
    third = client.get("/logboek/", {"child": world.child.pk, "page": 3})
    # 12 rows, plus the one that logged reading the first page.
    assert len(third.context["page"].object_list) == 3
    assert 'rel="prev"' in third.content.decode()
    assert f"child={world.child.pk}" in third.content.decode()


@pytest.mark.parametrize("who", ["nurse", "core_member", "teacher"])
def test_viewer_is_404_for_others_and_the_refusal_logged(client: Client, world: World, who: str):
    professional = getattr(world, who)
    sign_in(client, professional.user)
    assert client.get("/logboek/").status_code == 404
    event = AccessEvent.objects.get()
    assert (event.event_code, event.outcome, event.user_id) == (
        "access_log.read", Outcome.DENIED, professional.user.pk)
