"""The kernteam at the table in a real browser (issue 8): the IB'er plans a kernteam meeting
and its agenda, filled from the data, shows Bas's case; the jeugdregisseur, in the core team
but not involved with Bas, sees the meeting and not Bas's item; in the minutes the IB'er's
decision becomes an agreement for the youth nurse, in her list and her notifications; an MDO
with six professionals and one parent shows the "groot comité" warning. axe-core checks every
page."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from schakel.cases.models import Agreement, Case
from schakel.demo.people import DEMO_PASSWORD
from schakel.demo.stories.primary import BAS_CASE_TITLE
from schakel.meetings.models import AgendaItem, Meeting, MeetingKind
from schakel.notifications.models import Notification, NotificationKind
from tests.e2e.conftest import NewPage, assert_accessible
from tests.e2e.test_case_flow import Demo, demo, sign_in, t

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

__all__ = ["demo"]  # the fixture, used by name below

DECISION = "Gesprek met moeder over slaap en ritme (besluit kernteam)"


def _local_input(moment: dt.datetime) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def _plan_kernteam(page: Page, server: LiveServer) -> int:
    page.goto(server.url + reverse("meetings:list"))
    assert_accessible(page)
    page.get_by_role("link", name=t("Plan a meeting")).click()
    assert_accessible(page)
    page.get_by_label(t("Kind of meeting")).select_option(MeetingKind.CORE_TEAM.value)
    page.get_by_label(t("Starts")).fill(_local_input(timezone.now() + dt.timedelta(days=1)))
    page.get_by_role("button", name=t("Plan and invite")).click()
    expect(page).to_have_url(re.compile(r"/overleggen/\d+/$"))
    assert_accessible(page)
    return int(re.findall(r"\d+", page.url)[-1])


def test_the_kernteam_meets_and_a_decision_becomes_an_agreement(
    live_server: LiveServer, new_page: NewPage, demo: Demo,
) -> None:
    case = Case.objects.select_related("child").get(title=BAS_CASE_TITLE)
    assert case.child is not None
    ib = new_page()
    sign_in(ib, live_server, demo.ib.user)
    meeting_id = _plan_kernteam(ib, live_server)
    agenda = ib.locator("ol.agenda")
    expect(agenda).to_contain_text(case.reference)
    expect(agenda).to_contain_text(case.child.full_name)
    with translation.override("nl"):
        title = Meeting.objects.get(pk=meeting_id).title
    assert case.child.first_name not in title

    director = new_page()
    sign_in(director, live_server, demo.director.user)
    director.goto(live_server.url + reverse("meetings:detail", kwargs={"meeting_id": meeting_id}))
    expect(director.get_by_role("heading", level=1)).to_have_text(title)
    expect(director.locator("main")).not_to_contain_text(case.child.full_name)
    expect(director.locator("main")).not_to_contain_text(case.reference)
    assert_accessible(director)

    # The meeting takes place: the clock moves on, the IB'er records the decision.
    Meeting.objects.filter(pk=meeting_id).update(starts_at=timezone.now() - dt.timedelta(minutes=5))
    ib.reload()
    form = ib.locator("form", has=ib.get_by_role("button", name=t("Record the decision")))
    item = form.get_by_label(t("About agenda item"))
    option = item.locator("option", has_text=case.reference).first
    item.select_option(value=option.get_attribute("value"))
    form.get_by_label(t("Decision")).select_option("agreement")
    form.get_by_label(t("What"), exact=True).fill(DECISION)
    form.get_by_label(t("Who"), exact=True).select_option(value=str(demo.nurse.pk))
    form.get_by_label(t("By when"), exact=True).fill(
        (timezone.localdate() + dt.timedelta(days=10)).isoformat())
    form.get_by_role("button", name=t("Record the decision")).click()
    expect(ib.get_by_text(t("The decision has been recorded."))).to_be_visible()
    assert_accessible(ib)
    agreement = Agreement.objects.get(description=DECISION)
    assert (agreement.case_id, agreement.owner_id) == (case.pk, demo.nurse.pk)

    nurse = new_page()
    sign_in(nurse, live_server, demo.nurse.user)
    expect(nurse.locator("main")).to_contain_text(DECISION)  # her list on "Mijn werk"
    assert Notification.objects.filter(recipient=demo.nurse.user,
                                       kind=NotificationKind.AGREEMENT_ASSIGNED).exists()
    nurse.goto(live_server.url + reverse("notifications:list"))
    expect(nurse.locator("main")).to_contain_text(case.reference)
    assert_accessible(nurse)

    # An MDO with the mother and six professionals: the warning.
    nurse.goto(live_server.url + reverse("cases:detail", kwargs={"case_id": case.pk}))
    nurse.get_by_role("link", name=t("Plan an MDO with the parents")).click()
    assert_accessible(nurse)
    nurse.get_by_label(t("Starts")).fill(_local_input(timezone.now() + dt.timedelta(days=3)))
    invite = nurse.get_by_role("group", name=t("Invite"))
    boxes = invite.get_by_role("checkbox")
    for index in range(boxes.count()):
        boxes.nth(index).uncheck()
    for index in range(5):
        boxes.nth(index).check()
    parents = nurse.get_by_role("group", name=t("Parents"))
    parents.get_by_role("checkbox").first.check()
    nurse.get_by_role("button", name=t("Plan and invite")).click()
    expect(nurse).to_have_url(re.compile(r"/overleggen/\d+/$"))
    expect(nurse.locator(".utrecht-alert--warning")).to_contain_text("groot comité")
    mdo = Meeting.objects.get(pk=int(re.findall(r"\d+", nurse.url)[-1]))
    assert mdo.kind == MeetingKind.MDO
    assert mdo.participants.filter(professional__isnull=False).count() == 6
    assert_accessible(nurse)


def test_the_mother_finds_the_mdo_in_the_portal_with_only_bas_part(
    live_server: LiveServer, new_page: NewPage, demo: Demo,
) -> None:
    """The demo's MDO about Bas, next week: his mother (portal account linked by
    `demo_portal`) finds the invitation on her home page and sees when, where, who is at the
    table and the item about Bas (which items she may see: tests/meetings)."""
    call_command("demo_portal", verbosity=0)
    mdo = Meeting.objects.get(case__child=demo.bas, kind=MeetingKind.MDO)
    AgendaItem.objects.create(meeting=mdo, position=1, source="manual",
                              heading="Hoe gaat het met slapen", case=mdo.case, child=demo.bas)
    mother = new_page()
    mother.goto(live_server.url + reverse("portal:login"))
    mother.get_by_label(t("Username or e-mail address")).fill("moeder.demo")
    mother.get_by_label(t("Password")).fill(DEMO_PASSWORD)
    mother.get_by_role("button", name=t("Sign in"), exact=True).click()
    expect(mother).to_have_url(live_server.url + reverse("portal:home"))
    with translation.override("nl"):
        title = mdo.title
    mother.get_by_role("link", name=title).click()
    expect(mother.get_by_role("heading", level=1)).to_have_text(title)
    main = mother.locator("main")
    expect(main).to_contain_text("Hoe gaat het met slapen")
    expect(main).to_contain_text(demo.nurse.full_name)
    calendar = mother.get_by_role("link", name=t("Invitation for your calendar (.ics)"))
    expect(calendar).to_be_visible()
    assert_accessible(mother)
