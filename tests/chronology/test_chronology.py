"""The child's chronology (issue: one timeline of everything around a child): each kind
appears for whoever may see it and for nobody else, filters by kind and period, pages,
a flat number of queries, the access log, the gate of the child's page and its link there."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.http import Http404
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from schakel.access.actor import Actor
from schakel.audit.events import EventCode
from schakel.audit.models import AccessEvent, Action, Outcome
from schakel.cases.models import EmergencyAccess
from schakel.chronology.kinds import EntryType, Kind
from schakel.chronology.selectors import PAGE_SIZE, ChronologyFilter, chronology_page
from schakel.consent.models import InformationCategory
from schakel.meetings.models import Participant
from tests.chronology.fixtures import Everything, everything, note
from tests.conftest import World
from tests.factories import (
    AgreementFactory,
    InvolvementFactory,
    SignalFactory,
    actor_for,
    days_ago,
)
from tests.support import sign_in

pytestmark = pytest.mark.django_db


def keys(actor: Actor, world: World, filters: ChronologyFilter | None = None,
         ) -> set[tuple[str, int]]:
    """Every entry of every page the actor is shown."""
    found: set[tuple[str, int]] = set()
    number = 1
    while True:
        page = chronology_page(actor=actor, child_id=world.child.pk,
                               filters=filters or ChronologyFilter(), page_number=number)
        found |= {entry.key for entry in page.page.object_list}
        if not page.page.has_next():
            return found
        number += 1


@pytest.fixture
def all_of_it(world: World) -> Everything:
    return everything(world)


def test_the_coordinator_sees_her_cases_but_not_the_school_notes(
        world: World, all_of_it: Everything) -> None:
    seen = keys(world.actor(world.nurse), world)
    e = all_of_it
    assert {
        (EntryType.SIGNAL, e.signal_of_case.pk), (EntryType.CASE_OPENED, world.case.pk),
        (EntryType.CASE_OPENED, e.closed_case.pk), (EntryType.CASE_CLOSED, e.closed_case.pk),
        (EntryType.PLAN_VERSION, e.plan.pk), (EntryType.AGREEMENT, e.agreement.pk),
        (EntryType.INTERVENTION, e.intervention.pk), (EntryType.CONSULTATION, e.consultation.pk),
        (EntryType.NOTE, e.care_note.pk), (EntryType.HANDOVER, e.handover.pk),
        (EntryType.MEASURE, e.measure.pk), (EntryType.CONSENT_GIVEN, e.withdrawn.pk),
        (EntryType.CONSENT_WITHDRAWN, e.withdrawn.pk),
        (EntryType.CONSENT_GIVEN, world.nurse_consent.pk),
    } <= seen
    # The school's data of a note needs a ground her GGD lacks; the signal the teacher raised
    # without a case is the core team's; the MDO is the school's, she is not invited.
    assert (EntryType.NOTE, e.school_note.pk) not in seen
    assert (EntryType.SIGNAL, world.signal.pk) not in seen
    assert (EntryType.MEETING, e.meeting.pk) not in seen


def test_the_core_team_sees_signals_meetings_and_consents_but_no_case_content(
        world: World, all_of_it: Everything) -> None:
    seen = keys(world.actor(world.core_member), world)
    e = all_of_it
    assert {(EntryType.SIGNAL, world.signal.pk), (EntryType.SIGNAL, e.signal_of_case.pk),
            (EntryType.MEETING, e.meeting.pk), (EntryType.MEASURE, e.measure.pk),
            (EntryType.CONSENT_GIVEN, world.nurse_consent.pk)} <= seen
    content = {EntryType.CASE_OPENED, EntryType.CASE_CLOSED, EntryType.PLAN_VERSION,
               EntryType.AGREEMENT, EntryType.INTERVENTION, EntryType.CONSULTATION,
               EntryType.NOTE, EntryType.HANDOVER}
    assert not {kind for kind, _pk in seen} & content


def test_the_file_holder_involved_reads_school_notes_and_the_invited_see_the_meeting(
        world: World, all_of_it: Everything) -> None:
    InvolvementFactory(case=world.case, professional=world.teacher)
    Participant.objects.create(meeting=all_of_it.meeting, professional=world.nurse)
    teacher = keys(world.actor(world.teacher), world)
    assert {(EntryType.NOTE, all_of_it.school_note.pk),
            (EntryType.NOTE, all_of_it.care_note.pk)} <= teacher
    assert (EntryType.HANDOVER, all_of_it.handover.pk) not in teacher
    assert (EntryType.MEETING, all_of_it.meeting.pk) in keys(world.actor(world.nurse), world)


def test_a_corrected_note_shows_only_its_current_version(world: World) -> None:
    old = note(world, InformationCategory.CARE, "Eerste versie")
    new = note(world, InformationCategory.CARE, "Verbeterd")
    new.replaces = old
    new.correction_reason = "Typefout"
    new.save()
    seen = keys(world.actor(world.nurse), world)
    assert (EntryType.NOTE, new.pk) in seen
    assert (EntryType.NOTE, old.pk) not in seen


@pytest.mark.parametrize("who", ["teacher", "outsider", "other_core_member", "log_admin"])
def test_who_may_not_read_the_child_gets_the_logged_404(world: World, who: str) -> None:
    actor = world.actor(getattr(world, who))
    with pytest.raises(Http404):
        chronology_page(actor=actor, child_id=world.child.pk, filters=ChronologyFilter(),
                        page_number=1)
    refused = AccessEvent.objects.get(user_id=actor.user.pk)
    assert (refused.event_code, refused.outcome, refused.child_id) == (
        EventCode.CHILD_CHRONOLOGY, Outcome.DENIED, world.child.pk)


def test_a_missing_child_is_the_same_404(world: World) -> None:
    with pytest.raises(Http404):
        chronology_page(actor=world.actor(world.nurse), child_id=world.child.pk + 999,
                        filters=ChronologyFilter(), page_number=1)


def test_an_involved_professional_without_consent_gets_404(world: World) -> None:
    worker = InvolvementFactory(case=world.case).professional
    with pytest.raises(Http404):
        chronology_page(actor=actor_for(worker), child_id=world.child.pk,
                        filters=ChronologyFilter(), page_number=1)


def test_filters_by_kind_and_period(world: World, all_of_it: Everything) -> None:
    nurse = world.actor(world.nurse)
    only = keys(nurse, world, ChronologyFilter(kinds=frozenset({Kind.CASES, Kind.CONSENTS})))
    assert {kind for kind, _pk in only} == {
        EntryType.CASE_OPENED, EntryType.CASE_CLOSED, EntryType.CONSENT_GIVEN,
        EntryType.CONSENT_WITHDRAWN}
    today = timezone.localdate()
    recent = keys(nurse, world, ChronologyFilter(date_from=days_ago(7)))
    assert (EntryType.CASE_CLOSED, all_of_it.closed_case.pk) not in recent
    assert (EntryType.NOTE, all_of_it.care_note.pk) in recent
    old = keys(nurse, world, ChronologyFilter(date_to=today - dt.timedelta(days=100)))
    assert old == {(EntryType.CASE_OPENED, all_of_it.closed_case.pk),
                   (EntryType.CASE_CLOSED, all_of_it.closed_case.pk)}
    exact = keys(nurse, world, ChronologyFilter(date_from=days_ago(3), date_to=days_ago(3),
                                                kinds=frozenset({Kind.NOTES})))
    assert exact == {(EntryType.NOTE, all_of_it.care_note.pk)}


def test_newest_first_and_paged(world: World) -> None:
    for n in range(PAGE_SIZE + 5):
        AgreementFactory(case=world.case, owner=world.nurse, description=f"Afspraak {n}")
    nurse = world.actor(world.nurse)
    first = chronology_page(actor=nurse, child_id=world.child.pk, filters=ChronologyFilter(),
                            page_number=1).page
    second = chronology_page(actor=nurse, child_id=world.child.pk, filters=ChronologyFilter(),
                             page_number=2).page
    assert len(first.object_list) == PAGE_SIZE
    assert first.paginator.count == len(first.object_list) + len(second.object_list)
    days = [entry.day for entry in [*first.object_list, *second.object_list]]
    assert days == sorted(days, reverse=True)
    agreement = next(e for e in first.object_list if e.entry_type == EntryType.AGREEMENT)
    assert agreement.case_readable
    assert agreement.case_id == world.case.pk
    assert agreement.text == "Open"
    assert agreement.title.startswith("Afspraak")


def _queries(actor: Actor, world: World) -> int:
    with CaptureQueriesContext(connection) as queries:
        chronology_page(actor=actor, child_id=world.child.pk, filters=ChronologyFilter(),
                        page_number=1)
    return len(queries)


def test_the_number_of_queries_does_not_grow_with_the_entries(world: World) -> None:
    everything(world)
    nurse = world.actor(world.nurse)
    few = _queries(nurse, world)
    for n in range(30):
        AgreementFactory(case=world.case, owner=world.nurse, description=f"Afspraak {n}")
        note(world, InformationCategory.CARE, f"Gesprek {n}")
    assert _queries(world.actor(world.nurse), world) == few


def test_each_entry_shown_is_logged_with_the_child(world: World, all_of_it: Everything) -> None:
    nurse = world.actor(world.nurse)
    page = chronology_page(actor=nurse, child_id=world.child.pk, filters=ChronologyFilter(),
                           page_number=1)
    rows = AccessEvent.objects.filter(user_id=nurse.user.pk,
                                      event_code=EventCode.CHILD_CHRONOLOGY)
    logged = set(rows.values_list("object_type", "object_id"))
    assert ("children.child", str(world.child.pk)) in logged
    assert ("cases.agreement", str(all_of_it.agreement.pk)) in logged
    assert ("notes.conversationnote", str(all_of_it.care_note.pk)) in logged
    assert ("notes.conversationnote", str(all_of_it.school_note.pk)) not in logged
    assert ("cases.case", str(all_of_it.closed_case.pk)) in logged
    assert len(logged) == rows.count()  # the case opened and closed: one row
    shown = {(e.entry_type, e.object_id) for e in page.page.object_list}
    assert rows.count() == 1 + len(shown) - sum(
        1 for kind, pk in shown if kind == EntryType.CASE_OPENED
        and (EntryType.CASE_CLOSED, pk) in shown) - sum(
        1 for kind, pk in shown if kind == EntryType.CONSENT_GIVEN
        and (EntryType.CONSENT_WITHDRAWN, pk) in shown)
    assert set(rows.values_list("action", "outcome", "child_id")) == {
        (Action.READ, Outcome.SUCCESS, world.child.pk)}


def test_the_page_shows_entries_with_a_link_to_a_readable_case(
        world: World, all_of_it: Everything, client: Client) -> None:
    sign_in(client, world.nurse.user)
    url = reverse("chronology:child", kwargs={"child_id": world.child.pk})
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert world.child.full_name in html
    assert "Huisbezoek plannen" in html
    assert reverse("cases:detail", kwargs={"case_id": world.case.pk}) in html
    assert "Cijfers gaan achteruit" not in html
    filtered = client.get(url, {"kinds": [Kind.AGREEMENTS], "date_from": "", "date_to": ""})
    assert "Huisbezoek plannen" in filtered.content.decode()
    assert "Moeder maakt zich zorgen" not in filtered.content.decode()
    assert "kinds=agreements" in filtered.content.decode()  # the print keeps the filter


def test_the_core_team_sees_no_link_to_a_case_it_cannot_read(
        world: World, all_of_it: Everything, client: Client) -> None:
    sign_in(client, world.core_member.user)
    response = client.get(reverse("chronology:child", kwargs={"child_id": world.child.pk}))
    assert response.status_code == 200
    assert reverse("cases:detail", kwargs={"case_id": world.case.pk}) not in (
        response.content.decode())


def test_a_period_that_ends_before_it_starts_is_an_error(world: World, client: Client) -> None:
    sign_in(client, world.nurse.user)
    response = client.get(reverse("chronology:child", kwargs={"child_id": world.child.pk}),
                          {"date_from": "2026-05-01", "date_to": "2026-04-01"})
    assert response.status_code == 200
    assert "The end of the period lies before its start." in response.content.decode()


def test_the_childs_page_links_to_the_chronology(world: World, client: Client) -> None:
    sign_in(client, world.core_member.user)
    response = client.get(reverse("children:detail", kwargs={"child_id": world.child.pk}))
    assert reverse("chronology:child", kwargs={"child_id": world.child.pk}) in (
        response.content.decode())


def test_an_emergency_access_opens_the_cases_entries_and_its_signals(world: World) -> None:
    worker = InvolvementFactory(case=world.case).professional  # no consent for his organisation
    signal = SignalFactory(school=world.school, child=world.child, raised_by=world.teacher,
                           case=world.case)
    agreement = AgreementFactory(case=world.case, owner=world.nurse)
    EmergencyAccess.objects.create(
        case=world.case, professional=worker, reason="Acute zorg", claimed_at=timezone.now(),
        expires_at=timezone.now() + dt.timedelta(hours=4))
    seen = keys(actor_for(worker), world)
    assert {(EntryType.SIGNAL, signal.pk), (EntryType.AGREEMENT, agreement.pk)} <= seen
    assert (EntryType.SIGNAL, world.signal.pk) not in seen
