"""The case list and the case page: who sees what, health, read-only when closed, queries."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from schakel.audit.models import AccessEvent
from schakel.cases.models import CaseStatus
from tests.support import sign_in
from tests.web.fixtures import (
    WebWorld,
    build_world,
    count_queries,
    grow_case,
    make_agreement,
    make_case,
    make_child,
    today,
)


@pytest.fixture
def w(db: None) -> WebWorld:
    return build_world()


def without_csrf(content: bytes) -> bytes:
    return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]+"', b"", content)


def detail_url(case_id: int) -> str:
    return reverse("cases:detail", kwargs={"case_id": case_id})


def test_list_requires_sign_in(client: Client, w: WebWorld) -> None:
    response = client.get(reverse("cases:list"))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_list_shows_my_cases_with_health(client: Client, w: WebWorld) -> None:
    uncoordinated = make_case(w.school, make_child(w.school, "Sara"), opened_by=w.core,
                              coordinator=None, involved=[w.nurse], title="Start groep 1",
                              grounded=True)
    sign_in(client, w.nurse.user)
    page = client.get(reverse("cases:list")).content.decode()
    assert w.case.reference in page
    assert uncoordinated.reference in page
    assert "health--no_coordinator" in page


def test_list_hides_closed_cases_unless_asked(client: Client, w: WebWorld) -> None:
    closed = make_case(w.school, make_child(w.school, "Lotte"), opened_by=w.core,
                       coordinator=w.nurse, involved=[w.nurse], status=CaseStatus.CLOSED,
                       grounded=True)
    sign_in(client, w.nurse.user)
    assert closed.reference not in client.get(reverse("cases:list")).content.decode()
    with_closed = client.get(reverse("cases:list"), {"closed": "on"}).content.decode()
    assert closed.reference in with_closed


def test_list_shows_an_outsider_nothing(client: Client, w: WebWorld) -> None:
    sign_in(client, w.outsider.user)
    page = client.get(reverse("cases:list")).content.decode()
    assert w.case.reference not in page


def _add_cases(w: WebWorld, n: int) -> None:
    for i in range(n):
        case = make_case(w.school, make_child(w.school, f"Kind{i}"), opened_by=w.core,
                         coordinator=w.nurse, involved=[w.nurse, w.core], grounded=True)
        make_agreement(case, w.nurse, due=today() - dt.timedelta(days=3))


# The list's queries with the cases listable to the nurse read once (`listable_case_ids`),
# and 1 for PostgreSQL's lock on the access log's chain (SQLite serialises writes itself).
LIST_MAX_QUERIES = 13
# The case page with every section: 25, and 2 for what meetings said about the case (the
# minutes kept in it and the meetings about it, `meetings.panels`), and 1 for the menu's
# *Verzuim importeren* (whether the reader is in some school's core team, when the page did
# not ask already), 1 for the conversation notes (`notes.panels`), 1 for the attachments
# (`attachments.panels`) and 1 for the Meldcode routes the reader may see (`meldcode.panels`);
# on PostgreSQL 1 more: the access log's chain takes its advisory lock (`audit.chain`) before
# the read's row.
DETAIL_MAX_QUERIES = 31 + (connection.vendor == "postgresql")


def test_list_queries_do_not_grow_with_rows(
    client: Client, w: WebWorld, django_assert_max_num_queries: Any,
) -> None:
    sign_in(client, w.nurse.user)
    _add_cases(w, 1)
    few = count_queries(client, reverse("cases:list"))
    _add_cases(w, 8)
    with django_assert_max_num_queries(LIST_MAX_QUERIES):
        response = client.get(reverse("cases:list"))
    assert response.content.decode().count("health--overdue_agreements") == 9
    assert count_queries(client, reverse("cases:list")) == few


def test_detail_shows_every_section_to_the_coordinator(client: Client, w: WebWorld) -> None:
    make_agreement(w.case, w.nurse, due=today() - dt.timedelta(days=1), description="Bellen")
    sign_in(client, w.nurse.user)
    response = client.get(detail_url(w.case.pk))
    page = response.content.decode()
    for section in ("overview", "involved", "consultation", "plan", "agreements",
                    "interventions", "advice", "escalations", "signals"):
        assert f'id="{section}"' in page
    assert "Stap 3" in page or "Step 3" in page
    assert "Gewenste situatie vaststellen" in page
    assert reverse("organisations:professional",
                   kwargs={"professional_id": w.nurse.pk}) in page
    assert "utrecht-status-badge--danger" in page  # the overdue agreement
    assert reverse("cases:plan_step", kwargs={"case_id": w.case.pk, "step": 3}) in page


def test_detail_read_is_logged(client: Client, w: WebWorld) -> None:
    sign_in(client, w.nurse.user)
    client.get(detail_url(w.case.pk))
    assert AccessEvent.objects.filter(
        event_code="case.view", child_id=w.child.pk, user_id=w.nurse.user.pk).exists()


@pytest.mark.parametrize("who", ["outsider", "teacher", "other_core"])
def test_detail_is_404_for_those_not_involved(client: Client, w: WebWorld, who: str) -> None:
    sign_in(client, getattr(w, who).user)
    assert client.get(detail_url(w.case.pk)).status_code == 404


def test_detail_is_404_for_the_core_team_when_not_involved(client: Client, w: WebWorld) -> None:
    case = make_case(w.school, w.child, opened_by=w.core, coordinator=w.nurse,
                     involved=[w.nurse])
    sign_in(client, w.core.user)
    assert client.get(detail_url(case.pk)).status_code == 404


def test_detail_of_a_missing_case_is_the_same_404(client: Client, w: WebWorld) -> None:
    sign_in(client, w.outsider.user)
    missing = client.get(detail_url(w.case.pk + 1000))
    forbidden = client.get(detail_url(w.case.pk))
    assert missing.status_code == forbidden.status_code == 404
    assert without_csrf(missing.content) == without_csrf(forbidden.content)


def test_closed_case_is_read_only(client: Client, w: WebWorld) -> None:
    w.case.status = CaseStatus.CLOSED
    w.case.closure_reason = "Doelen bereikt"
    w.case.save()
    sign_in(client, w.nurse.user)
    page = client.get(detail_url(w.case.pk)).content.decode()
    assert "Doelen bereikt" in page
    for name in ("cases:consultation", "cases:agreement_create", "cases:intervention",
                 "cases:advice", "cases:escalate", "cases:close", "cases:involve",
                 "cases:set_coordinator", "cases:end_involvement", "cases:agreement_status"):
        assert reverse(name, kwargs={"case_id": w.case.pk}) not in page
    assert "/plan/" not in page


def test_detail_queries_do_not_grow_with_rows(
    client: Client, w: WebWorld, django_assert_max_num_queries: Any,
) -> None:
    sign_in(client, w.nurse.user)
    grow_case(w.case, w.nurse, 1)
    few = count_queries(client, detail_url(w.case.pk))
    grow_case(w.case, w.nurse, 6)
    with django_assert_max_num_queries(DETAIL_MAX_QUERIES):
        response = client.get(detail_url(w.case.pk))
    page = response.content.decode()
    assert page.count('id="agreement-') == 14
    assert page.count("Helper 5") >= 5  # involved, agreement, advice, consultation, escalation
    assert count_queries(client, detail_url(w.case.pk)) == few


def test_list_is_paginated_and_keeps_the_filter(
    client: Client, w: WebWorld, settings: Any,
) -> None:
    settings.SCHAKEL_PAGE_SIZE = 2
    _add_cases(w, 3)
    sign_in(client, w.nurse.user)
    first = client.get(reverse("cases:list"), {"closed": "on"}).content.decode()
    assert "closed=on&amp;page=2" in first
    second = client.get(reverse("cases:list"), {"closed": "on", "page": "2"})
    assert second.status_code == 200
    assert second.content.decode().count('href="/casussen/') >= 2
