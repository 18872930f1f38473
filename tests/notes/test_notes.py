"""Conversation notes on a case (issue 12): written by those involved, read per information
category under consent, corrected in place by the author within 24 hours and afterwards in
a new version with who and why; shared ones in the portal; closed cases refuse."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from schakel.access import policy
from schakel.audit.events import EventCode
from schakel.audit.models import AccessEvent
from schakel.cases.models import Case, CaseStatus
from schakel.consent.models import InformationCategory
from schakel.notes.models import ConversationNote, NoteKind
from schakel.notes.selectors import case_notes, portal_case_notes
from schakel.notes.services import note_correct, note_write
from tests.conftest import World
from tests.factories import InvolvementFactory, ProfessionalFactory, UserFactory, actor_for
from tests.portal.fixtures import portal_actor
from tests.support import sign_in

pytestmark = pytest.mark.django_db

def _write(world: World, **overrides: object) -> ConversationNote:
    fields: dict[str, object] = {
        "kind": NoteKind.PARENTS, "held_on": timezone.localdate(),
        "participants": "Moeder, jeugdverpleegkundige", "text": "Moeder vertelt over slaap.",
        "category": InformationCategory.CARE, "shared_with_parents": False}
    fields.update(overrides)
    return note_write(actor=actor_for(world.nurse), case=world.case, **fields)  # type: ignore[arg-type]


def _notes(world: World, professional: object) -> list[str]:
    actor = actor_for(professional)  # type: ignore[arg-type]
    read = policy.may_read_case(actor, world.case)
    return [row.note.text for row in case_notes(actor=actor, case=world.case, read=read,
                                                 can_contribute=True)]


def test_a_note_is_written_and_logged(world: World) -> None:
    note = _write(world)
    assert (note.case, note.author) == (world.case, world.nurse)
    assert AccessEvent.objects.filter(event_code=EventCode.CASE_NOTE, child_id=world.child.pk,
                                      user_id=world.nurse.user_id).exists()
    assert _notes(world, world.nurse) == ["Moeder vertelt over slaap."]


def test_a_school_note_needs_the_school_data_basis(world: World) -> None:
    """The nurse's GGD has the mother's consent for care content, not for school data: she
    reads the care note, not the school note the school's IB'er wrote (the file holder)."""
    InvolvementFactory(case=world.case, professional=world.core_member)
    note_write(actor=actor_for(world.core_member), case=world.case, kind=NoteKind.OTHER,
               held_on=timezone.localdate(), participants="Leerkracht", text="Cijfers dalen.",
               category=InformationCategory.SCHOOL)
    _write(world)
    assert sorted(_notes(world, world.core_member)) == ["Cijfers dalen.",
                                                        "Moeder vertelt over slaap."]
    assert _notes(world, world.nurse) == ["Moeder vertelt over slaap."]
    with pytest.raises(Http404):
        note_write(actor=actor_for(world.nurse), case=world.case, kind=NoteKind.OTHER,
                   held_on=timezone.localdate(), participants="x", text="y",
                   category=InformationCategory.SCHOOL)


def test_bad_input_stores_nothing(world: World) -> None:
    with pytest.raises(ValidationError) as bad:
        _write(world, text=" ", participants="", held_on=timezone.localdate()
               + dt.timedelta(days=1), kind="gossip")
    assert set(bad.value.message_dict) == {"text", "participants", "held_on", "kind"}
    outsider = ProfessionalFactory(nurse=True)
    with pytest.raises(Http404):
        note_write(actor=actor_for(outsider), case=world.case, kind=NoteKind.PHONE,
                   held_on=timezone.localdate(), participants="x", text="y",
                   category=InformationCategory.CARE)
    assert not ConversationNote.objects.exists()


def test_a_closed_case_takes_no_note(world: World) -> None:
    Case.objects.filter(pk=world.case.pk).update(status=CaseStatus.CLOSED,
                                                  closed_at=timezone.now())
    world.case.refresh_from_db()
    with pytest.raises(ValidationError) as closed:
        _write(world)
    assert closed.value.messages == ["This case is closed and can no longer be changed."]
    assert not ConversationNote.objects.exists()


def _correct(world: World, note: ConversationNote, professional: object,
             **overrides: object) -> ConversationNote:
    fields: dict[str, object] = {
        "kind": note.kind, "held_on": note.held_on, "participants": note.participants,
        "text": "Moeder vertelt over slaap en eten.", "category": note.category,
        "shared_with_parents": note.shared_with_parents, "reason": ""}
    fields.update(overrides)
    return note_correct(actor=actor_for(professional), note=note, **fields)  # type: ignore[arg-type]


def test_the_author_changes_her_note_within_24_hours(world: World) -> None:
    note = _write(world)
    changed = _correct(world, note, world.nurse)
    assert changed.pk == note.pk
    assert changed.edited_at is not None
    assert ConversationNote.objects.count() == 1


def test_after_24_hours_a_correction_is_a_new_version_with_a_reason(world: World) -> None:
    note = _write(world)
    ConversationNote.objects.filter(pk=note.pk).update(
        created_at=timezone.now() - dt.timedelta(hours=25))
    note.refresh_from_db()
    with pytest.raises(ValidationError) as no_reason:
        _correct(world, note, world.nurse)
    assert "reason" in no_reason.value.message_dict
    corrected = _correct(world, note, world.nurse, reason="Eten was ook besproken")
    assert corrected.replaces == note
    note.refresh_from_db()
    assert note.text == "Moeder vertelt over slaap."  # the old version stays
    actor = actor_for(world.nurse)
    rows = case_notes(actor=actor, case=world.case, read=policy.may_read_case(actor, world.case),
                      can_contribute=True)
    assert [(r.note.pk, [h.pk for h in r.history]) for r in rows] == [(corrected.pk, [note.pk])]
    with pytest.raises(ValidationError):
        _correct(world, note, world.nurse, reason="Nog eens")  # not the current version


def test_someone_elses_note_needs_a_reason_at_once(world: World) -> None:
    InvolvementFactory(case=world.case, professional=world.core_member)
    note = _write(world)
    with pytest.raises(ValidationError):
        _correct(world, note, world.core_member)
    corrected = _correct(world, note, world.core_member, reason="Aangevuld na overleg")
    assert (corrected.replaces, corrected.author) == (note, world.core_member)


def test_only_shared_notes_reach_the_portal(world: World) -> None:
    _write(world, text="Gedeeld verslag", shared_with_parents=True)
    _write(world, text="Intern verslag")
    world.guardian.user = UserFactory(username="moeder-notes")
    world.guardian.save(update_fields=["user"])
    mother = portal_actor(world.guardian.user)
    assert [n.text for n in portal_case_notes(actor=mother, case=world.case)] == [
        "Gedeeld verslag"]


def test_the_pages(world: World, client: Client) -> None:
    sign_in(client, world.nurse.user)
    add = reverse("notes:add", kwargs={"case_id": world.case.pk})
    assert client.get(add).status_code == 200
    response = client.post(add, {"kind": NoteKind.HOME_VISIT, "held_on": "2026-11-30",
                                 "participants": "Vader en moeder", "text": "Thuis rustig.",
                                 "category": InformationCategory.CARE})
    assert response.status_code == 302
    note = ConversationNote.objects.get()
    page = client.get(reverse("cases:detail", kwargs={"case_id": world.case.pk})).content.decode()
    assert "Thuis rustig." in page
    assert reverse("notes:correct", kwargs={"note_id": note.pk}) in page
    correct = reverse("notes:correct", kwargs={"note_id": note.pk})
    assert escape("Thuis rustig.") in client.get(correct).content.decode()
    response = client.post(correct, {"kind": NoteKind.HOME_VISIT, "held_on": "2026-11-30",
                                     "participants": "Vader en moeder",
                                     "text": "Thuis rustig, wel moe.",
                                     "category": InformationCategory.CARE})
    assert response.status_code == 302
    note.refresh_from_db()
    assert note.text == "Thuis rustig, wel moe."
