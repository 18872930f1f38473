"""Every portal URL against every role: the parent with custody, the young person (13 and
17), another family's parent, a parent without custody, a professional and an anonymous
visitor. Refused is the same 404 as missing; without a portal session it is the portal's
sign-in page. And portal sessions reach no professional page."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import URLPattern, get_resolver, reverse

from schakel.audit.models import AccessEvent, Outcome
from schakel.consent.models import ConsentMethod
from schakel.portal.models import (
    CorrectionRequest,
    InformationRequest,
    PendingConsent,
    PendingConsentSignature,
)
from tests.factories import ConsentFactory, ConsentSignatureFactory
from tests.portal.fixtures import PortalWorld, portal_sign_in
from tests.support import sign_in

ROLES = ["mother", "young13", "young17", "other_parent", "father_no_custody", "professional",
         "anonymous"]
PORTAL_LOGIN = "/portaal/inloggen/"
PRO_LOGIN = "/account/inloggen/"


@dataclass(frozen=True)
class Row:
    name: str
    method: str
    kwargs: Callable[[PortalWorld], dict[str, int | str]]
    expected: str  # one token per role, see `_check`


def _pending(pw: PortalWorld) -> dict[str, int | str]:
    pending = PendingConsent.objects.create(
        child=pw.young, organisation=pw.nurse.organisation, category="care",
        purpose="Afstemming", created_at=pw.case_young.opened_at)
    PendingConsentSignature.objects.create(pending=pending, by_young_person=pw.young,
                                           signed_at=pw.case_young.opened_at)
    return {"child_id": pw.young.pk, "_post": f"pending={pending.pk}&decision=sign"}


def _consent(pw: PortalWorld) -> dict[str, int | str]:
    consent = ConsentFactory(child=pw.young, organisation=pw.nurse.organisation,
                             method=ConsentMethod.PORTAL, recorded_by=None)
    ConsentSignatureFactory(consent=consent, guardian=pw.mother)
    ConsentSignatureFactory(consent=consent, guardian=None, is_young_person=True)
    return {"child_id": pw.young.pk, "_post": f"consent={consent.pk}&confirmed=yes"}


def _correction(pw: PortalWorld) -> dict[str, int | str]:
    correction = CorrectionRequest.objects.create(
        case=pw.case_young, object_type="plan_step", object_id=pw.step3.pk,
        request_text="Klopt niet", requested_at=pw.case_young.opened_at, by_young_person=pw.young)
    return {"correction_id": correction.pk}


def _information(pw: PortalWorld) -> dict[str, int | str]:
    """A request of the father (no custody) about Tina, answered by her coordinator."""
    request = InformationRequest.objects.create(
        child=pw.young, guardian=pw.father, question="Hoe gaat het?",
        asked_at=pw.case_young.opened_at)
    return {"information_request_id": request.pk}


def young(pw: PortalWorld) -> dict[str, int | str]:
    return {"child_id": pw.young.pk}


def case13(pw: PortalWorld) -> dict[str, int | str]:
    return {"case_id": pw.case_young.pk}


def case17(pw: PortalWorld) -> dict[str, int | str]:
    return {"case_id": pw.case_older.pk}


def entry(pw: PortalWorld) -> dict[str, int | str]:
    return {"case_id": pw.case_young.pk, "entry_type": "plan_step", "entry_id": pw.step3.pk}


def no_kwargs(pw: PortalWorld) -> dict[str, int | str]:
    return {}


# Tokens per role (ROLES order): 200, 404, 302 (a redirect back to a portal page after a
# change), "p" (to the portal's sign-in page), "s" (to the professionals' sign-in page).
ROWS = [
    Row("portal:home", "GET", no_kwargs, "200 200 200 200 200 p p"),
    Row("portal:child", "GET", young, "200 200 404 404 200 p p"),
    Row("portal:school_info", "GET", young, "404 404 404 404 200 p p"),
    Row("portal:consent", "GET", young, "200 200 404 404 404 p p"),
    Row("portal:access_log", "GET", young, "200 200 404 404 404 p p"),
    Row("portal:case", "GET", case13, "200 200 404 404 404 p p"),
    Row("portal:case", "GET", case17, "404 404 200 404 404 p p"),
    Row("portal:contribute", "GET", case13, "200 200 404 404 404 p p"),
    Row("portal:own_view", "GET", entry, "200 200 404 404 404 p p"),
    Row("portal:correction", "GET", entry, "200 200 404 404 404 p p"),
    Row("portal:sign", "POST", case13, "302 302 404 404 404 p p"),
    Row("portal:share", "POST", case13, "404 404 404 404 404 p p"),
    Row("portal:share", "POST", case17, "404 404 302 404 404 p p"),
    Row("portal:consent_pending", "POST", _pending, "302 302 404 404 404 p p"),
    Row("portal:consent_withdraw", "POST", _consent, "302 302 404 404 404 p p"),
    Row("portal:corrections", "GET", no_kwargs, "404 404 404 404 404 200 s"),
    Row("portal:correction_answer", "GET", _correction, "404 404 404 404 404 200 s"),
    Row("portal:withhold", "GET", case13, "404 404 404 404 404 200 s"),
    Row("portal:plan_pdf", "GET", case13, "404 404 404 404 404 200 s"),
    Row("portal:information_requests", "GET", no_kwargs, "404 404 404 404 404 200 s"),
    Row("portal:information_answer", "GET", _information, "404 404 404 404 404 200 s"),
]


def _client(pw: PortalWorld, role: str) -> Client:
    client = Client(REMOTE_ADDR="192.0.2.30")
    users = {"mother": pw.mother_user, "young13": pw.young_user, "young17": pw.older_user,
             "other_parent": pw.other_user, "father_no_custody": pw.father_user}
    if role in users:
        return portal_sign_in(client, users[role])
    if role == "professional":
        return sign_in(client, pw.nurse.user)
    return client


def _check(response: object, token: str, where: str) -> None:
    status = response.status_code  # type: ignore[attr-defined]
    location = response.get("Location", "")  # type: ignore[attr-defined]
    if token == "p":
        assert status == 302, where
        assert location.startswith(PORTAL_LOGIN), where
    elif token == "s":
        assert status == 302, where
        assert location.startswith(PRO_LOGIN), where
    elif token == "302":
        assert status == 302, where
        assert location.startswith("/portaal/"), where
        assert not location.startswith(PORTAL_LOGIN), where
    else:
        assert status == int(token), (where, status)


COORDINATOR_PAGES = {"portal:corrections", "portal:correction_answer", "portal:withhold",
                     "portal:plan_pdf",
                     "portal:information_requests", "portal:information_answer"}
CELLS = [(row, role, token) for row in ROWS
         for role, token in zip(ROLES, row.expected.split(), strict=True)]


@pytest.mark.parametrize(
    ("row", "role", "token"), CELLS,
    ids=[f"{r.name}-{r.kwargs.__name__}-{role}" for r, role, _t in CELLS])
def test_portal_url(pw: PortalWorld, row: Row, role: str, token: str) -> None:
    kwargs = row.kwargs(pw)
    body = str(kwargs.pop("_post", ""))
    url = reverse(row.name, kwargs=kwargs)
    client = _client(pw, role)
    if row.method == "GET":
        response = client.get(url)
    else:
        response = client.post(url, body, content_type="application/x-www-form-urlencoded")
    _check(response, token, f"{row.name} {role}")
    if token == "404" and row.name not in COORDINATOR_PAGES:
        assert AccessEvent.objects.filter(outcome=Outcome.DENIED).exists(), (
            "a refusal leaves a denied row in the access log")


def test_every_portal_url_is_in_the_table() -> None:
    names = {row.name for row in ROWS} | {"portal:login", "portal:logout"}
    resolver = get_resolver()
    portal = {f"portal:{p.name}" for p in resolver.namespace_dict["portal"][1].url_patterns
              if isinstance(p, URLPattern)}
    assert portal == names


def _without_csrf(content: bytes) -> bytes:
    return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]*"', b"", content)


PROFESSIONAL_PAGES = ["/", "/casussen/", "/signalen/", "/account/inloggen/code/",
                      "/account/herstelcodes/", "/logboek/"]


@pytest.mark.parametrize("path", PROFESSIONAL_PAGES)
def test_a_portal_session_gets_404_on_professional_pages(pw: PortalWorld, path: str) -> None:
    client = portal_sign_in(Client(), pw.mother_user)
    assert client.get(path).status_code == 404
    assert client.post(path).status_code == 404


def test_a_portal_session_gets_404_on_a_case_page_of_its_own_child(pw: PortalWorld) -> None:
    client = portal_sign_in(Client(), pw.mother_user)
    assert client.get(reverse("cases:detail", kwargs={"case_id": pw.case_young.pk})
                      ).status_code == 404
    assert client.get(reverse("portal:case", kwargs={"case_id": pw.case_young.pk})
                      ).status_code == 200


def test_missing_and_forbidden_look_the_same(pw: PortalWorld) -> None:
    client = portal_sign_in(Client(), pw.other_user)
    forbidden = client.get(reverse("portal:case", kwargs={"case_id": pw.case_young.pk}))
    missing = client.get(reverse("portal:case", kwargs={"case_id": 999999}))
    assert forbidden.status_code == missing.status_code == 404
    assert _without_csrf(forbidden.content) == _without_csrf(missing.content)
