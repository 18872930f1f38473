"""Attachments on a case or a note (issue 12 item 3), end to end with a real ClamAV daemon:
a clean file is stored, the EICAR test file and anything the scanner could not check are
refused with nothing stored; the name, size and type are checked; downloads only through the
policy-checked view, logged, 404 for anyone without the right; retention deletes the files."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from schakel.attachments.models import Attachment, attachments_storage
from schakel.attachments.services import attachment_add
from schakel.audit.events import EventCode
from schakel.audit.models import AccessEvent, Action
from schakel.cases.models import Case, CaseStatus
from schakel.consent.models import InformationCategory
from schakel.notes.models import ConversationNote, NoteKind
from schakel.notes.services import note_write
from schakel.retention.categories import cases_anonymise, cases_delete
from tests.attachments.support import EICAR, EXE, PDF, docx
from tests.conftest import World
from tests.factories import InvolvementFactory, actor_for
from tests.support import sign_in

pytestmark = pytest.mark.django_db


def _add(world: World, data: bytes = PDF, name: str = "Verslag GGD.pdf",
         category: str = InformationCategory.CARE,
         note: ConversationNote | None = None) -> Attachment:
    return attachment_add(actor=actor_for(world.nurse), case=world.case,
                          content=io.BytesIO(data), name=name, category=category, note=note)


def _stored_files() -> list[str]:
    root = Path(attachments_storage().path(""))
    return [str(p) for p in root.rglob("*") if p.is_file()] if root.exists() else []


def _file_error(world: World, data: bytes = PDF, name: str = "brief.pdf") -> list[str]:
    before = _stored_files()
    with pytest.raises(ValidationError) as refused:
        _add(world, data=data, name=name)
    assert not Attachment.objects.exists()
    assert _stored_files() == before
    return refused.value.message_dict["file"]


def test_a_clean_pdf_is_scanned_stored_and_logged(world: World, clamd: Path) -> None:
    attachment = _add(world)
    assert (attachment.name, attachment.content_type, attachment.size) == (
        "Verslag GGD.pdf", "application/pdf", len(PDF))
    with attachments_storage().open(attachment.stored_name) as stored:
        assert stored.read() == PDF
    assert "Verslag" not in attachment.stored_name  # a random name, never the user's
    assert AccessEvent.objects.filter(
        event_code=EventCode.CASE_ATTACHMENT, action=Action.CREATE,
        child_id=world.child.pk, user_id=world.nurse.user_id).exists()


def test_the_eicar_file_is_refused_and_nothing_stored(world: World, clamd: Path) -> None:
    messages = _file_error(world, data=EICAR, name="eicar.txt")
    assert messages == ["The virus scanner found malware in this file "
                        "(Schakel-EICAR-Test-File.UNOFFICIAL); it has not been saved."]


@pytest.mark.usefixtures("scanner_down")
def test_without_a_scanner_nothing_is_stored(world: World) -> None:
    assert _file_error(world) == [
        "The file could not be checked for viruses because the scanner is not available right "
        "now; it has not been saved. Try again later."]


def test_type_size_and_name_are_checked_before_the_scan(
        world: World, settings: Any, scanner_down: None) -> None:
    assert _file_error(world, data=EXE, name="brief.pdf")[0].startswith(
        "This kind of file cannot be attached.")
    assert _file_error(world, name="a" * 300 + ".pdf") == [
        "The file name is too long (304 characters, at most 200): rename the file and try "
        "again."]
    assert _file_error(world, name="../../etc/passwd")[0].startswith(
        "The file name may not contain slashes")
    settings.SCHAKEL_ATTACHMENT_MAX_BYTES = 100
    assert _file_error(world, data=PDF + b" " * 100) == [
        "The file is larger than 100\xa0bytes: make it smaller or split it."]


def test_a_closed_case_takes_no_attachment(world: World, clamd: Path) -> None:
    Case.objects.filter(pk=world.case.pk).update(status=CaseStatus.CLOSED,
                                                  closed_at=timezone.now())
    world.case.refresh_from_db()
    with pytest.raises(ValidationError) as closed:
        _add(world)
    assert closed.value.messages == ["This case is closed and can no longer be changed."]
    assert not Attachment.objects.exists()


def test_an_outsider_cannot_add(world: World, clamd: Path) -> None:
    with pytest.raises(Http404):
        attachment_add(actor=actor_for(world.outsider), case=world.case,
                       content=io.BytesIO(PDF), name="x.pdf", category=InformationCategory.CARE)
    assert not Attachment.objects.exists()


def test_an_attachment_on_a_note_has_the_notes_category(world: World, clamd: Path) -> None:
    note = note_write(actor=actor_for(world.nurse), case=world.case, kind=NoteKind.HOME_VISIT,
                      held_on=timezone.localdate(), participants="Moeder", text="Huisbezoek.",
                      category=InformationCategory.CARE)
    attachment = _add(world, data=docx(), name="Verslag.docx",
                      category=InformationCategory.SCHOOL, note=note)
    assert (attachment.note, attachment.category) == (note, InformationCategory.CARE)


def test_upload_and_download_through_the_pages(world: World, clamd: Path) -> None:
    client = sign_in(Client(), world.nurse.user)
    url = reverse("attachments:add", kwargs={"case_id": world.case.pk})
    assert client.get(url).status_code == 200
    response = client.post(url, {"category": InformationCategory.CARE, "note": "",
                                 "file": SimpleUploadedFile("Brief 's-Hertogenbosch.pdf", PDF)})
    assert response.status_code == 302
    attachment = Attachment.objects.get()
    page = client.get(reverse("cases:detail", kwargs={"case_id": world.case.pk}))
    assert escape("Brief 's-Hertogenbosch.pdf") in page.content.decode()
    download = client.get(reverse("attachments:download",
                                  kwargs={"attachment_id": attachment.pk}))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF  # type: ignore[attr-defined]
    assert download["Content-Disposition"].startswith("attachment;")
    assert download["Cache-Control"] == "no-store"
    assert download["X-Content-Type-Options"] == "nosniff"
    assert download["Content-Type"] == "application/pdf"
    assert AccessEvent.objects.filter(
        event_code=EventCode.CASE_ATTACHMENT_DOWNLOAD, action=Action.READ,
        child_id=world.child.pk, user_id=world.nurse.user_id).count() == 1


def test_the_page_says_why_a_file_is_refused(world: World, clamd: Path) -> None:
    client = sign_in(Client(), world.nurse.user)
    url = reverse("attachments:add", kwargs={"case_id": world.case.pk})
    response = client.post(url, {"category": InformationCategory.CARE,
                                 "file": SimpleUploadedFile("eicar.pdf", EICAR)})
    assert response.status_code == 200
    assert "The virus scanner found malware in this file" in response.content.decode()
    assert not Attachment.objects.exists()


def test_someone_without_the_right_gets_404(world: World, clamd: Path) -> None:
    care = _add(world)
    InvolvementFactory(case=world.case, professional=world.core_member)
    school = attachment_add(actor=actor_for(world.core_member), case=world.case,
                            content=io.BytesIO(PDF), name="Cijferlijst.pdf",
                            category=InformationCategory.SCHOOL)
    outsider = sign_in(Client(), world.outsider.user)
    nurse = sign_in(Client(), world.nurse.user)

    def status(client: Client, attachment_id: int) -> int:
        return client.get(reverse("attachments:download",
                                  kwargs={"attachment_id": attachment_id})).status_code

    assert status(outsider, care.pk) == 404
    assert status(outsider, 999_999) == 404
    assert status(nurse, school.pk) == 404  # the GGD has consent for care content only
    assert status(nurse, care.pk) == 200
    assert AccessEvent.objects.filter(
        event_code=EventCode.CASE_ATTACHMENT_DOWNLOAD, user_id=world.outsider.user_id,
        outcome="denied").exists()


def test_retention_deletes_the_files_with_the_case(
        world: World, clamd: Path, django_capture_on_commit_callbacks: object) -> None:
    attachment = _add(world)
    storage = attachments_storage()
    assert storage.exists(attachment.stored_name)
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        cases_delete(Case.objects.filter(pk=world.case.pk))
    assert not Attachment.objects.exists()
    assert not storage.exists(attachment.stored_name)


def test_a_note_is_chosen_on_the_page_and_its_attachments_listed_with_it(
        world: World, clamd: Path) -> None:
    note = note_write(actor=actor_for(world.nurse), case=world.case, kind=NoteKind.PHONE,
                      held_on=timezone.localdate(), participants="Leerkracht", text="Gebeld.",
                      category=InformationCategory.CARE)
    client = sign_in(Client(), world.nurse.user)
    url = reverse("attachments:add", kwargs={"case_id": world.case.pk})
    form = client.get(url, {"note": note.pk}).content.decode()
    assert f'<option value="{note.pk}" selected>' in form
    client.post(url, {"note": note.pk, "file": SimpleUploadedFile("Notitie.txt", b"Tekst.")})
    attachment = Attachment.objects.get()
    assert (attachment.note, attachment.content_type) == (note, "text/plain")
    page = client.get(reverse("cases:detail", kwargs={"case_id": world.case.pk})).content.decode()
    assert "With the note: Phone call" in page
    assert f'?note={note.pk}' in page


def test_the_page_refuses_a_closed_case_politely(world: World) -> None:
    Case.objects.filter(pk=world.case.pk).update(status=CaseStatus.CLOSED,
                                                  closed_at=timezone.now())
    client = sign_in(Client(), world.nurse.user)
    response = client.get(reverse("attachments:add", kwargs={"case_id": world.case.pk}),
                          follow=True)
    assert "This case is closed and can no longer be changed." in response.content.decode()


def test_anonymising_a_case_deletes_its_attachments(
        world: World, clamd: Path, django_capture_on_commit_callbacks: object) -> None:
    attachment = _add(world)
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        cases_anonymise(Case.objects.filter(pk=world.case.pk))
    assert not Attachment.objects.exists()
    assert not attachments_storage().exists(attachment.stored_name)
