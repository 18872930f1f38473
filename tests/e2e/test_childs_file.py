"""The child's file in a real browser (issue 12), on the demo world: Tina's mentor writes a
conversation note of a phone call and attaches a PDF to it (scanned by the tests' ClamAV
daemon); the zorgcoördinator, the school's core team, finds Tina through the search box,
triages the new signal in *Nieuwe signalen* and prints the plan for the meeting with the
parents. axe-core checks each page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import FilePayload, Page, expect
from pytest_django.live_server_helper import LiveServer

from schakel.attachments.models import Attachment
from schakel.audit.models import AccessEvent
from schakel.cases.models import Case
from schakel.demo.stories.tina import TINA_CASE_TITLE
from schakel.demo.stories.triage import GROUP_CHAT
from schakel.notes.models import ConversationNote, NoteKind
from schakel.organisations.models import Professional
from schakel.signals.models import Signal
from schakel.triage.models import Urgency
from tests.e2e.conftest import NewPage, assert_accessible
from tests.e2e.test_case_flow import t
from tests.support import sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

NOTE_TEXT = "Vader belde: Tina was vanochtend op tijd en vertelde thuis over de mentorles."
REPORT = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _signed_in(page: Page, live_server: LiveServer, username: str) -> None:
    user = Professional.objects.get(user__username=username).user
    client = sign_in(Client(), user)
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "url": live_server.url,
                               "value": client.cookies[settings.SESSION_COOKIE_NAME].value}])


def test_mentor_notes_and_attaches_the_core_team_finds_triages_and_prints(
    live_server: LiveServer, new_page: NewPage, clamd: Path, tmp_path: Path,
) -> None:
    call_command("demo_load", verbosity=0)
    case = Case.objects.get(title=TINA_CASE_TITLE)
    case_url = live_server.url + reverse("cases:detail", kwargs={"case_id": case.pk})

    # The mentor writes the note of a phone call and attaches a report to it.
    mentor = new_page()
    _signed_in(mentor, live_server, "mentor.demo")
    mentor.goto(case_url)
    mentor.get_by_role("link", name=t("Write a conversation note")).click()
    mentor.get_by_label(t("Kind of conversation")).select_option(NoteKind.PHONE.value)
    mentor.get_by_label(t("Date of the conversation")).fill(timezone.localdate().isoformat())
    mentor.get_by_label(t("Who took part")).fill("Vader, mentor")
    mentor.get_by_label(t("Notes"), exact=True).fill(NOTE_TEXT)
    mentor.get_by_label(t("Information category")).select_option("school")
    assert_accessible(mentor)
    mentor.get_by_role("button", name=t("Save the note")).click()
    expect(mentor.get_by_text(t("The conversation note has been saved."))).to_be_visible()
    note = ConversationNote.objects.get(case=case, text=NOTE_TEXT)
    mentor.get_by_role("link", name=t("Add an attachment"), exact=True).click()
    mentor.get_by_label(t("Attach to")).select_option(str(note.pk))
    mentor.get_by_label(t("File")).set_input_files(files=FilePayload(
        name="Verslag telefoongesprek.pdf", mimeType="application/pdf", buffer=REPORT))
    assert_accessible(mentor)
    mentor.get_by_role("button", name=t("Save the attachment")).click()
    expect(mentor.get_by_role("link", name=re.compile("Verslag telefoongesprek"))
           ).to_be_visible()
    attachment = Attachment.objects.get(name="Verslag telefoongesprek.pdf")
    assert attachment.note == note

    # The zorgcoördinator finds Tina through the search box.
    core = new_page()
    _signed_in(core, live_server, "zorgcoordinator.demo")
    core.goto(live_server.url + reverse("web:dashboard"))
    box = core.get_by_role("searchbox", name=t(
        "Search for a child by name, date of birth or pupil number"))
    box.fill("tina twnte")  # a typing error
    box.press("Enter")
    core.get_by_role("main").get_by_role("link", name=re.compile("Tina")).first.click()
    expect(core.get_by_role("heading", level=1)).to_contain_text("Tina")
    assert_accessible(core)

    # ... triages the mentor's new signal about the class group chat ...
    core.get_by_role("link", name=re.compile("^" + re.escape(t("New signals")))).first.click()
    core.get_by_role("link", name=t("Unassigned"), exact=True).click()
    assert_accessible(core)
    core.get_by_role("link", name=re.compile("^" + re.escape(t("Triage")))).click()
    me = Professional.objects.get(user__username="zorgcoordinator.demo")
    core.get_by_label(t("Who picks it up")).select_option(str(me.pk))
    core.get_by_label(t("Urgency")).select_option(str(int(Urgency.THIS_WEEK)))
    core.get_by_label(t("For the next core team meeting")).check()
    assert_accessible(core)
    core.get_by_role("button", name=t("Save the triage")).click()
    expect(core.get_by_text(t("The triage of the signal has been saved."))).to_be_visible()
    chat = Signal.objects.select_related("triage").get(description=GROUP_CHAT)
    assert (chat.triage.assignee, chat.triage.urgency, chat.triage.for_next_meeting) == (
        me, Urgency.THIS_WEEK, True)

    # ... and prints Tina's plan for the meeting with her parents.
    core.goto(case_url)
    with core.expect_download() as download_info:
        core.get_by_role("link", name=t(
            "Print the plan for the meeting with the parents (PDF)")).click()
    pdf = tmp_path / "plan.pdf"
    download_info.value.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF-")
    assert AccessEvent.objects.filter(event_code="case.plan_print",
                                      user_name=me.full_name).count() == 1
