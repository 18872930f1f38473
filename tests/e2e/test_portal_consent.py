"""Consent in the portal, in a real browser: Tina (13) and her mother consent to sharing care
content with the youth nurse's organisation (the GGD); the nurse, involved in Tina's case
(opened by the school), reads it; the mother withdraws the consent; the nurse's next request
is a 404; the mother sees the nurse's earlier reads in the access log of Tina's file.

The 404 step needs `policy.may_read_case` to require a consent or legal ground for the case's
care content when the reader's organisation did not open the case ("case content follows
consent").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from schakel.accounts.models import User
from schakel.cases.models import Case
from schakel.children.models import Child, Guardian
from schakel.consent.models import Consent, ConsentMethod
from schakel.organisations.models import Professional
from tests.e2e.conftest import NewPage, assert_accessible
from tests.factories import (
    CaseFactory,
    ChildFactory,
    EnrolmentFactory,
    GuardianFactory,
    GuardianshipFactory,
    InvolvementFactory,
    PlanStepEntryFactory,
    ProfessionalFactory,
    SchoolFactory,
    UserFactory,
)
from tests.support import totp_code, totp_device

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "a-long-test-password-42"  # the UserFactory's
PLAN_TEXT = "Tina komt de laatste weken vaak te laat in het eerste uur."


def t(msgid: str) -> str:
    """The text the server shows the Dutch browser for `msgid`."""
    with translation.override("nl"):
        return translation.gettext(msgid)


@dataclass
class World:
    tina: Child
    mother: Guardian
    nurse: Professional
    case: Case


@pytest.fixture
def world(transactional_db: None) -> World:
    school = SchoolFactory(secondary=True, name="Esrand College")
    coordinator = ProfessionalFactory(
        support_coordinator=True, organisation=school.organisation, core_team_of=school,
        full_name="Karin Lammerink")
    nurse = ProfessionalFactory(nurse=True, full_name="Marieke ter Horst",
                                organisation__name="GGD Hengeloo - Jeugdgezondheidszorg")
    tina = ChildFactory(first_name="Tina", last_name="Twente", age=13,
                        user=UserFactory(username="tina", first_name="Tina",
                                         last_name="Twente"))
    EnrolmentFactory(child=tina, school=school)
    mother = GuardianFactory(full_name="Ingrid Twente-Lohuis", user=UserFactory(
        username="ingrid", first_name="Ingrid", last_name="Twente-Lohuis"))
    GuardianshipFactory(guardian=mother, child=tina, relation="moeder")
    case = CaseFactory(child=tina, school=school, coordinator=coordinator,
                       opened_by=coordinator, title="Tina: te laat en zorgen")
    InvolvementFactory(case=case, professional=nurse, part="Jeugdverpleegkundige")
    PlanStepEntryFactory(case=case, step=1, filled_in_by=coordinator, content=PLAN_TEXT)
    return World(tina=tina, mother=mother, nurse=nurse, case=case)


def portal_sign_in(page: Page, server: LiveServer, username: str) -> None:
    page.goto(server.url + reverse("portal:login"))
    assert_accessible(page)
    page.get_by_label(t("Username or e-mail address")).fill(username)
    page.get_by_label(t("Password")).fill(PASSWORD)
    page.get_by_role("button", name=t("Sign in"), exact=True).click()
    expect(page).to_have_url(server.url + reverse("portal:home"))


def professional_sign_in(page: Page, server: LiveServer, user: User) -> None:
    """Password, then the current code of the user's authenticator."""
    totp_device(user)
    page.goto(server.url + reverse("accounts:login"))
    page.get_by_label(t("Username")).fill(user.username)
    page.get_by_label(t("Password")).fill(PASSWORD)
    page.get_by_role("button", name=t("Next"), exact=True).click()
    expect(page).to_have_url(re.compile(re.escape(reverse("accounts:verify"))))
    page.get_by_label(t("Code"), exact=True).fill(totp_code(user))
    page.get_by_role("button", name=t("Sign in"), exact=True).click()
    expect(page).to_have_url(server.url + reverse("web:dashboard"))


def test_consent_given_read_withdrawn_and_logged(
    new_page: NewPage, live_server: LiveServer, world: World,
) -> None:
    consent_url = live_server.url + reverse("portal:consent", kwargs={"child_id": world.tina.pk})
    organisation = world.nurse.organisation.name

    # Tina (13) consents first: it waits for a parent with custody.
    tina = new_page()
    portal_sign_in(tina, live_server, "tina")
    tina.goto(consent_url)
    tina.get_by_label(t("Who may receive the information?")).select_option(label=organisation)
    tina.get_by_label(t("Care content"), exact=True).check()
    tina.get_by_label(t("What for?")).fill("Afstemming met de jeugdverpleegkundige")
    tina.get_by_role("button", name=t("Give consent"), exact=True).click()
    expect(tina.get_by_role("heading", name=t("Waiting for a signature"))).to_be_visible()
    assert_accessible(tina)

    # Her mother consents too: now it applies.
    mother = new_page()
    portal_sign_in(mother, live_server, "ingrid")
    mother.goto(consent_url)
    assert_accessible(mother)
    mother.get_by_role("button", name=t("I consent too"), exact=True).click()
    expect(mother.get_by_text(t("in force"), exact=True)).to_be_visible()
    consent = Consent.objects.get(child=world.tina, organisation=world.nurse.organisation)
    assert consent.method == ConsentMethod.PORTAL

    # The nurse reads Tina's case.
    case_url = live_server.url + reverse("cases:detail", kwargs={"case_id": world.case.pk})
    nurse = new_page()
    professional_sign_in(nurse, live_server, world.nurse.user)
    nurse.goto(case_url)
    expect(nurse.get_by_text(PLAN_TEXT).first).to_be_visible()
    assert_accessible(nurse)

    # The mother withdraws; on the nurse's next request the content is gone: she is still
    # involved, so she sees only that the case awaits consent.
    mother.goto(consent_url)
    withdraw = t("Withdraw the consent for %(organisation)s") % {"organisation": organisation}
    mother.get_by_role("button", name=withdraw).click()
    assert_accessible(mother)  # the confirmation
    mother.get_by_role("button", name=t("Yes, withdraw the consent for %(organisation)s") % {
        "organisation": organisation}).click()
    expect(mother.get_by_text(t(
        "The consent has been withdrawn. It no longer applies, from now on."))).to_be_visible()
    response = nurse.goto(case_url)
    assert response is not None
    assert response.status == 200
    expect(nurse.get_by_text(t(
        "You are involved in this case, but there is no consent or legal ground yet for "
        "%(org)s to read its content. The content opens as soon as one is recorded.") % {
        "org": organisation})).to_be_visible()
    expect(nurse.get_by_text(PLAN_TEXT)).to_have_count(0)
    assert_accessible(nurse)

    # The mother sees the nurse's earlier read in the access log of Tina's file.
    mother.goto(live_server.url + reverse("portal:access_log",
                                          kwargs={"child_id": world.tina.pk}))
    rows = mother.get_by_role("row").filter(has_text=world.nurse.full_name)
    expect(rows.filter(has_text=organisation).first).to_be_visible()
    expect(rows.filter(has_text=t("Read") + ": " + t("the case")).first).to_be_visible()
    assert_accessible(mother)
