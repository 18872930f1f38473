"""Privacy at the table: each reader sees the agenda items and minutes they may see, logged as
reading the case; minutes of a child's item are kept with the child's case; decisions become
agreements; adopted minutes are read-only and corrected in new versions."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from schakel.audit.events import EventCode
from schakel.audit.models import AccessEvent
from schakel.cases.models import Agreement
from schakel.meetings.models import (
    AgendaItem,
    Decision,
    DecisionKind,
    Meeting,
    MeetingKind,
    MinutesEntry,
)
from schakel.meetings.selectors import meeting_agenda, meeting_get, meeting_minutes
from schakel.meetings.services import (
    decision_record,
    meeting_plan,
    minutes_adopt,
    minutes_correct,
    minutes_write,
)
from tests.factories import AgreementFactory, ProfessionalFactory
from tests.meetings.conftest import Table, next_week
from tests.support import sign_in

pytestmark = pytest.mark.django_db


def _held(table: Table) -> Meeting:
    """A kernteam meeting that has begun (planned ahead, then the clock moved on), with an
    agreement of Bas's case due on its agenda."""
    AgreementFactory(case=table.case, owner=table.nurse, due_date=timezone.localdate())
    meeting = meeting_plan(actor=table.actor(table.ib), school=table.school,
                           kind=MeetingKind.CORE_TEAM, starts_at=next_week(),
                           professionals=[table.nurse, table.director])
    Meeting.objects.filter(pk=meeting.pk).update(
        starts_at=timezone.now() - dt.timedelta(minutes=30))
    meeting.refresh_from_db()
    return meeting


def test_each_reader_sees_only_the_items_they_may_see(table: Table) -> None:
    meeting = _held(table)
    ib = table.actor(table.ib)
    rows = meeting_agenda(actor=ib, meeting=meeting_get(actor=ib, meeting_id=meeting.pk)).rows
    assert any(row.item.signal == table.signal and row.child_name == "Bas Hofstede"
               for row in rows)
    assert AccessEvent.objects.filter(event_code=EventCode.MEETING_AGENDA,
                                      child_id=table.bas.pk, user_id=table.ib.user_id).exists()
    director = table.actor(table.director)
    seen = meeting_agenda(actor=director, meeting=meeting_get(actor=director,
                                                              meeting_id=meeting.pk)).rows
    assert all(row.item.child_id != table.bas.pk for row in seen)
    assert not AccessEvent.objects.filter(event_code=EventCode.MEETING_AGENDA,
                                          child_id=table.bas.pk,
                                          user_id=table.director.user_id).exists()
    with pytest.raises(Http404):
        meeting_get(actor=table.actor(table.outsider), meeting_id=meeting.pk)


def _case_item(table: Table, meeting: Meeting) -> AgendaItem:
    """The item about Bas's case: the coordinator sees it (the core team does not see case
    content)."""
    nurse = table.actor(table.nurse)
    return next(row.item for row in meeting_agenda(actor=nurse, meeting=meeting).rows
                if row.item.source == "agreements.due")


def test_a_decision_becomes_an_agreement_for_the_nurse(table: Table) -> None:
    meeting = _held(table)
    ib = table.actor(table.nurse)
    item = _case_item(table, meeting)
    assert not any(row.item.pk == item.pk for row in meeting_agenda(
        actor=table.actor(table.ib), meeting=meeting).rows)
    entry = minutes_write(actor=ib, meeting=meeting, agenda_item=item,
                          text="Zorgen over vermoeidheid; JGZ gaat in gesprek.")
    assert entry.case == table.case  # the child's part is kept with the child's case
    due = timezone.localdate() + dt.timedelta(days=14)
    decision = decision_record(actor=ib, meeting=meeting, agenda_item=item,
                               kind=DecisionKind.AGREEMENT, description="Gesprek met moeder",
                               owner=table.nurse, due_date=due)
    agreement = decision.agreement
    assert agreement is not None
    assert (agreement.case, agreement.owner, agreement.due_date) == (table.case, table.nurse, due)
    assert agreement.created_by == table.nurse
    # The director, not involved with Bas, sees neither the part nor the decision.
    director = table.actor(table.director)
    assert meeting_minutes(actor=director, meeting=meeting).parts == []
    parts = meeting_minutes(actor=table.actor(table.nurse), meeting=meeting).parts
    assert [p.entry.pk for p in parts] == [entry.pk]
    assert [d.pk for d in parts[0].decisions] == [decision.pk]


def test_a_decision_for_someone_not_involved_is_refused(table: Table) -> None:
    meeting = _held(table)
    ib = table.actor(table.nurse)
    item = _case_item(table, meeting)
    before = Agreement.objects.count()
    with pytest.raises(ValidationError) as refused:
        decision_record(actor=ib, meeting=meeting, agenda_item=item,
                        kind=DecisionKind.AGREEMENT, description="Huisbezoek",
                        owner=table.director, due_date=timezone.localdate())
    assert refused.value.message_dict["owner"] == [
        "An agreement belongs to someone involved in the case."]
    assert not Decision.objects.exists()
    assert Agreement.objects.count() == before


def test_a_childs_signal_item_keeps_its_minutes_from_those_who_may_not_see_it(
    table: Table,
) -> None:
    meeting = _held(table)
    ib = table.actor(table.ib)
    item = next(row.item for row in meeting_agenda(actor=ib, meeting=meeting).rows
                if row.item.signal == table.signal)
    entry = minutes_write(actor=ib, meeting=meeting, agenda_item=item, text="Moe in de klas.")
    assert [p.entry.pk for p in meeting_minutes(actor=ib, meeting=meeting).parts] == [entry.pk]
    assert AccessEvent.objects.filter(event_code=EventCode.MEETING_MINUTES,
                                      child_id=table.bas.pk, user_id=table.ib.user_id).exists()
    director = table.actor(table.director)
    assert meeting_minutes(actor=director, meeting=meeting).parts == []
    with pytest.raises(Http404):
        minutes_write(actor=director, meeting=meeting, agenda_item=item, text="Gezien")
    entry.refresh_from_db()
    assert entry.text == "Moe in de klas."


def test_a_collective_action_for_the_school(table: Table) -> None:
    meeting = _held(table)
    decision = decision_record(actor=table.actor(table.ib), meeting=meeting,
                               kind=DecisionKind.COLLECTIVE,
                               description="Voorlichting over slaap in groep 4",
                               owner=table.nurse, due_date=timezone.localdate())
    assert decision.agreement is None
    minutes = meeting_minutes(actor=table.actor(table.director), meeting=meeting)
    assert [d.pk for d in minutes.collective] == [decision.pk]


def test_minutes_before_the_meeting_are_refused(table: Table) -> None:
    meeting = meeting_plan(actor=table.actor(table.ib), school=table.school,
                           kind=MeetingKind.CORE_TEAM, starts_at=next_week())
    with pytest.raises(ValidationError):
        minutes_write(actor=table.actor(table.ib), meeting=meeting, text="Te vroeg")
    assert not MinutesEntry.objects.exists()


def test_adopted_minutes_are_read_only_and_corrected_in_versions(table: Table) -> None:
    meeting = _held(table)
    ib = table.actor(table.ib)
    entry = minutes_write(actor=ib, meeting=meeting, text="Samenwerking met de GGD besproken.")
    minutes_adopt(actor=ib, meeting=meeting)
    meeting.refresh_from_db()
    with pytest.raises(ValidationError):
        minutes_write(actor=ib, meeting=meeting, text="Later gewijzigd")
    with pytest.raises(ValidationError) as refused:
        minutes_correct(actor=ib, entry=entry, text="Met de GGD en het SMW.", reason="")
    assert "reason" in refused.value.message_dict
    corrected = minutes_correct(actor=ib, entry=entry, text="Met de GGD en het SMW.",
                                reason="Het SMW was er ook.")
    entry.refresh_from_db()
    assert entry.text == "Samenwerking met de GGD besproken."  # the adopted text stays
    parts = meeting_minutes(actor=ib, meeting=meeting).parts
    assert [(p.entry.pk, [h.pk for h in p.history]) for p in parts] == [
        (corrected.pk, [entry.pk])]
    with pytest.raises(ValidationError):
        minutes_correct(actor=ib, entry=entry, text="Nog eens", reason="Oude versie")
    assert MinutesEntry.objects.count() == 2
    with pytest.raises(ValidationError):
        decision_record(actor=ib, meeting=meeting, kind=DecisionKind.COLLECTIVE,
                        description="Te laat", owner=table.nurse, due_date=timezone.localdate())


def test_an_outsider_writes_no_minutes(table: Table) -> None:
    meeting = _held(table)
    with pytest.raises(Http404):
        minutes_write(actor=table.actor(ProfessionalFactory()), meeting=meeting, text="Ik ook")
    assert not MinutesEntry.objects.exists()


def test_an_mdo_shows_the_family_only_to_those_who_read_the_case(
    table: Table, client: Client,
) -> None:
    meeting = meeting_plan(actor=table.actor(table.nurse), school=table.school,
                           kind=MeetingKind.MDO, starts_at=next_week(), case=table.case,
                           professionals=[table.ib], guardians=[table.bas.guardians.get()])
    url = reverse("meetings:detail", kwargs={"meeting_id": meeting.pk})
    sign_in(client, table.nurse.user)
    assert "Monique Hofstede" in client.get(url).content.decode()
    sign_in(client, table.director.user)  # broad team: sees the meeting, not the case
    page = client.get(url).content.decode()
    assert "Monique Hofstede" not in page
    assert table.case.reference not in page
