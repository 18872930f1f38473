"""A consultation meeting leads to the case's four questions (seed 004, Bijlage D): planning it
puts the case on the agenda as "the four questions"; answered at the table they become the
case's consultation, linked to the item."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from schakel.cases.models import Consultation
from schakel.meetings.models import AgendaItem, Meeting, MeetingKind
from schakel.meetings.services import consultation_at_item_record, meeting_plan
from tests.meetings.conftest import Table, next_week
from tests.support import sign_in

pytestmark = pytest.mark.django_db


def _consultation(table: Table) -> tuple[Meeting, AgendaItem]:
    meeting = meeting_plan(actor=table.actor(table.nurse), school=table.school,
                           kind=MeetingKind.CONSULTATION, starts_at=next_week(),
                           case=table.case, professionals=[table.ib])
    Meeting.objects.filter(pk=meeting.pk).update(
        starts_at=timezone.now() - dt.timedelta(minutes=10))
    meeting.refresh_from_db()
    return meeting, meeting.agenda_items.get()


def test_planning_a_consultation_puts_the_four_questions_on_the_agenda(table: Table) -> None:
    _meeting, item = _consultation(table)
    assert (item.heading, item.case, item.child) == ("The four questions", table.case, table.bas)


def test_the_answers_become_the_cases_consultation_once(table: Table) -> None:
    meeting, item = _consultation(table)
    nurse = table.actor(table.nurse)
    consultation = consultation_at_item_record(
        actor=nurse, meeting=meeting, agenda_item=item, signals_seen="Moe, stil in de klas",
        wisdom="Samen met moeder kijken naar slaap")
    assert (consultation.case, consultation.recorded_by) == (table.case, table.nurse)
    item.refresh_from_db()
    assert item.consultation == consultation
    with pytest.raises(ValidationError):
        consultation_at_item_record(actor=nurse, meeting=meeting, agenda_item=item,
                                    signals_seen="Nog eens")
    assert Consultation.objects.filter(case=table.case).count() == 1


def test_bad_answers_and_outsiders_change_nothing(table: Table) -> None:
    meeting, item = _consultation(table)
    with pytest.raises(ValidationError) as empty:
        consultation_at_item_record(actor=table.actor(table.nurse), meeting=meeting,
                                    agenda_item=item, signals_seen="  ")
    assert "signals_seen" in empty.value.message_dict
    with pytest.raises(Http404):
        consultation_at_item_record(actor=table.actor(table.director), meeting=meeting,
                                    agenda_item=item, signals_seen="Gezien")
    assert not Consultation.objects.exists()
    item.refresh_from_db()
    assert item.consultation is None


def test_not_after_the_minutes_are_adopted(table: Table) -> None:
    meeting, item = _consultation(table)
    Meeting.objects.filter(pk=meeting.pk).update(minutes_adopted_at=timezone.now())
    meeting.refresh_from_db()
    with pytest.raises(ValidationError) as adopted:
        consultation_at_item_record(actor=table.actor(table.nurse), meeting=meeting,
                                    agenda_item=item, signals_seen="Te laat")
    assert adopted.value.messages == [
        "The minutes have been adopted and can no longer be changed."]
    assert not Consultation.objects.exists()


def test_the_meeting_page_records_and_shows_the_four_questions(
        table: Table, client: Client) -> None:
    meeting, item = _consultation(table)
    sign_in(client, table.nurse.user)
    url = reverse("meetings:detail", kwargs={"meeting_id": meeting.pk})
    assert 'name="consultation-signals_seen"' in client.get(url).content.decode()
    response = client.post(reverse("meetings:consultation", kwargs={"meeting_id": meeting.pk}),
                           {"item": item.pk, "consultation-signals_seen": "Moe en stil",
                            "consultation-who_takes_role": "Ilse, met de mentor"})
    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert "Moe en stil" in page
    assert "Ilse, met de mentor" in page
    assert 'name="consultation-signals_seen"' not in page
    case_page = client.get(reverse("cases:detail", kwargs={"case_id": table.case.pk}))
    assert "Moe en stil" in case_page.content.decode()
