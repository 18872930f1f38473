"""The retention pages: the privacy officer and coordinators see them, others get 404."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from schakel.retention.models import (
    DestructionRequest,
    DestructionStatus,
    RequesterRelation,
    RetentionRule,
)
from schakel.retention.services import retention_run
from tests.retention.fixtures import RetentionWorld
from tests.support import sign_in


def _request(rw: RetentionWorld) -> DestructionRequest:
    return DestructionRequest.objects.create(
        child=rw.child, requested_by="Eva Mulder", requester_relation=RequesterRelation.PARENT,
        received_on=dt.date(2026, 1, 10), due_on=dt.date(2026, 4, 10),
        registered_by=rw.privacy_officer)


def _urls(rw: RetentionWorld) -> list[str]:
    report = retention_run(today=dt.date(2010, 1, 1))  # nothing of the world expires yet
    assert report.run is not None
    request = _request(rw)
    return [
        reverse("retention:rules"),
        reverse("retention:rule_edit", kwargs={"rule_id": RetentionRule.objects.all()[0].pk}),
        reverse("retention:runs"),
        reverse("retention:run_detail", kwargs={"run_id": report.run.pk}),
        reverse("retention:preview"),
        reverse("retention:destruction_list"),
        reverse("retention:destruction_register", kwargs={"child_id": rw.child.pk}),
        reverse("retention:destruction_detail", kwargs={"request_id": request.pk}),
        reverse("retention:verwijsindex", kwargs={"case_id": rw.case.pk}),
    ]


def test_the_privacy_officer_sees_every_page(client: Client, rw: RetentionWorld) -> None:
    sign_in(client, rw.privacy_officer.user)
    for url in _urls(rw)[:-1]:  # the Verwijsindex page is for those involved in the case
        response = client.get(url)
        assert response.status_code == 200, url
        assert b"<h1" in response.content


def test_a_non_handler_gets_404_everywhere(client: Client, rw: RetentionWorld) -> None:
    sign_in(client, rw.outsider.user)
    for url in _urls(rw):
        assert client.get(url).status_code == 404, url
    request = DestructionRequest.objects.get()
    for name in ("retention:destruction_decide", "retention:destruction_carry_out"):
        response = client.post(reverse(name, kwargs={"request_id": request.pk}),
                               {"decision": "grant", "confirm": "on"})
        assert response.status_code == 404
    request.refresh_from_db()
    assert request.status == DestructionStatus.RECEIVED


def test_a_coordinator_handles_requests_but_not_the_rules(client: Client, rw: RetentionWorld
                                                         ) -> None:
    urls = _urls(rw)
    sign_in(client, rw.coordinator.user)
    assert client.get(reverse("retention:rules")).status_code == 404
    assert client.get(reverse("retention:runs")).status_code == 404
    for url in urls[5:]:
        assert client.get(url).status_code == 200, url


def test_the_rules_page_shows_the_legal_sources(client: Client, rw: RetentionWorld) -> None:
    sign_in(client, rw.privacy_officer.user)
    content = client.get(reverse("retention:rules")).content.decode()
    assert "7.3.8" in content
    assert "NEN 7513" in content


def test_register_decide_and_carry_out_through_the_pages(client: Client, rw: RetentionWorld
                                                        ) -> None:
    sign_in(client, rw.coordinator.user)
    response = client.post(
        reverse("retention:destruction_register", kwargs={"child_id": rw.child.pk}),
        {"requested_by": "Eva Mulder", "requester_relation": RequesterRelation.PARENT,
         "received_on": "2026-01-10"})
    request = DestructionRequest.objects.get()
    assert response.status_code == 302
    assert request.due_on == dt.date(2026, 4, 10)

    refuse = client.post(
        reverse("retention:destruction_decide", kwargs={"request_id": request.pk}),
        {"decision": "refuse", "reason": ""})
    assert refuse.status_code == 200  # the form again, with the errors
    request.refresh_from_db()
    assert request.status == DestructionStatus.RECEIVED

    client.post(reverse("retention:destruction_decide", kwargs={"request_id": request.pk}),
                {"decision": "grant", "reason": ""})
    request.refresh_from_db()
    assert request.status == DestructionStatus.ASSESSED

    client.post(reverse("retention:destruction_carry_out", kwargs={"request_id": request.pk}),
                {"confirm": "on"})
    request.refresh_from_db()
    assert request.status == DestructionStatus.CARRIED_OUT
    assert request.destroyed["case_content"] == 1


def test_the_privacy_officer_finds_a_child_to_register_for(client: Client, rw: RetentionWorld
                                                          ) -> None:
    sign_in(client, rw.privacy_officer.user)
    response = client.get(reverse("retention:destruction_list"), {
        "last_name": "mulder", "birth_date": rw.child.birth_date.isoformat()})
    register = reverse("retention:destruction_register", kwargs={"child_id": rw.child.pk})
    assert register in response.content.decode()


def test_changing_a_rule(client: Client, rw: RetentionWorld) -> None:
    sign_in(client, rw.privacy_officer.user)
    rule = RetentionRule.objects.get(category="access_log")
    url = reverse("retention:rule_edit", kwargs={"rule_id": rule.pk})
    too_short = client.post(url, {"period_years": 4, "period_days": 0, "start_event": "created",
                                  "action": "report", "notes": ""})
    assert too_short.status_code == 200
    rule.refresh_from_db()
    assert rule.period_years == 5
    client.post(url, {"period_years": 7, "period_days": 0, "start_event": "created",
                      "action": "report", "notes": "Regio-afspraak"})
    rule.refresh_from_db()
    assert (rule.period_years, rule.notes, rule.updated_by) == (7, "Regio-afspraak",
                                                                 rw.privacy_officer)


@pytest.mark.parametrize("name", ["retention:rules", "retention:destruction_list"])
def test_anonymous_visitors_are_sent_to_sign_in(client: Client, db: None, name: str) -> None:
    response = client.get(reverse(name))
    assert response.status_code == 302
