"""The zorgcoördinator of the demo's secondary school in a real browser, at phone width: the
kernteam's trend (chart and table), a closed nulmeting as a distribution, a new MDO-versus-IPW
round filled in once (the form is gone afterwards), and the taart van ambities."""

from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import Page, ViewportSize, expect
from pytest_django.live_server_helper import LiveServer

from schakel.organisations.models import Professional
from schakel.teamdevelopment.models import AmbitionSession, BaselineSurvey
from schakel.teamdevelopment.statements import MDO_IPW_ASPECTS
from tests.e2e.conftest import NewPage, assert_accessible
from tests.e2e.test_case_flow import Demo, demo, sign_in, t

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

__all__ = ["demo"]  # the fixture, used by name below

PHONE: ViewportSize = {"width": 375, "height": 740}


def _fits(page: Page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_the_kernteam_sees_its_trend_and_fills_in_a_round(
    live_server: LiveServer, new_page: NewPage, demo: Demo,
) -> None:
    chair = Professional.objects.select_related("user").get(user__username="zorgcoordinator.demo")
    session = AmbitionSession.objects.get()
    page = new_page(viewport=PHONE)
    sign_in(page, live_server, chair.user)
    page.goto(live_server.url + reverse("teamdevelopment:team",
                                        kwargs={"team_id": session.team_id}))
    assert_accessible(page)
    _fits(page)
    expect(page.locator("svg.chart").first).to_be_visible()
    expect(page.get_by_role("table").first).to_contain_text(t("Members who answered"))

    closed = BaselineSurvey.objects.filter(team_id=session.team_id, closed_on__isnull=False,
                                           questionnaire="baseline").first()
    assert closed is not None
    page.goto(live_server.url + reverse("teamdevelopment:survey",
                                        kwargs={"survey_id": closed.pk}))
    assert_accessible(page)
    _fits(page)
    expect(page.get_by_role("table")).to_contain_text(t("Mean"))

    page.goto(live_server.url + reverse("teamdevelopment:team",
                                        kwargs={"team_id": session.team_id}))
    page.get_by_label(t("Questionnaire")).select_option("mdo_ipw")
    page.get_by_role("button", name=t("Open the round"), exact=True).click()
    expect(page.get_by_text(t("The round has been opened: the members can fill it in."))
           ).to_be_visible()
    assert_accessible(page)
    _fits(page)
    for aspect in MDO_IPW_ASPECTS:
        page.locator(f'input[name="{aspect.code}"][value="3"]').check()
    page.get_by_role("button", name=t("Save my answers"), exact=True).click()
    expect(page.get_by_text(t("Thank you: your answers have been saved."))).to_be_visible()
    expect(page.get_by_role("button", name=t("Save my answers"))).to_have_count(0)
    assert_accessible(page)

    page.goto(live_server.url + reverse("teamdevelopment:session",
                                        kwargs={"session_id": session.pk}))
    assert_accessible(page)
    _fits(page)
    expect(page.get_by_text(t("Marks for the collaboration")).first).to_be_visible()
