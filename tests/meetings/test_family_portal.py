"""The family at the table, in the portal: the parent invited to Bas's MDO sees when and where,
who is at the table, the .ics, and of the agenda and the adopted minutes only Bas's part;
never another child's; each part read is logged as reading Bas's case."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from icalendar import Calendar

from schakel.access.actor import Actor
from schakel.audit.events import EventCode
from schakel.audit.models import AccessEvent
from schakel.children.models import Guardian
from schakel.meetings.models import AgendaItem, DecisionKind, Meeting, MeetingKind, Participant
from schakel.meetings.selectors.family import portal_invitation_get, portal_invitations
from schakel.meetings.services import (
    agenda_item_add,
    decision_record,
    meeting_cancel,
    meeting_plan,
    minutes_adopt,
    minutes_write,
)
from schakel.notifications.models import Notification, NotificationKind
from tests.factories import CaseFactory, ChildFactory, GuardianFactory, GuardianshipFactory
from tests.meetings.conftest import Table, next_week
from tests.portal.fixtures import portal_actor, portal_sign_in, portal_user

pytestmark = pytest.mark.django_db


def _mother(table: Table) -> Guardian:
    mother = table.bas.guardians.get()
    mother.user = portal_user("monique", "Monique", "Hofstede")
    mother.save(update_fields=["user"])
    return mother


def _mdo(table: Table, mother: Guardian) -> tuple[Meeting, Participant]:
    """Bas's MDO, with an item about Bas's case, a general item and — wrongly put there — an
    item about another pupil's case, which the mother must never see."""
    nurse = table.actor(table.nurse)
    meeting = meeting_plan(actor=nurse, school=table.school, kind=MeetingKind.MDO,
                           starts_at=next_week(), location="Kamer van de IB'er",
                           case=table.case, professionals=[table.ib], guardians=[mother])
    other = ChildFactory(first_name="Femke", last_name="Anders", enrolled_at=table.school)
    other_case = CaseFactory(child=other, school=table.school, coordinator=table.nurse,
                             opened_by=table.ib, consented=True)
    AgendaItem.objects.create(meeting=meeting, position=1, source="manual",
                              heading="Hoe gaat het thuis", case=table.case, child=table.bas)
    AgendaItem.objects.create(meeting=meeting, position=2, source="manual",
                              heading="Tussendoor besproken", case=other_case, child=other)
    AgendaItem.objects.create(meeting=meeting, position=3, source="manual",
                              heading="Signaal uit de klas", signal=table.signal,
                              child=table.bas)
    agenda_item_add(actor=nurse, meeting=meeting, heading="Afspraken voor de komende weken")
    return meeting, meeting.participants.get(guardian=mother)


def _headings(actor: Actor, invitation: Participant) -> list[str]:
    page = portal_invitation_get(actor=actor, invitation_id=invitation.pk)
    return [item.heading for item in page.items]


def test_the_invited_parent_sees_only_her_own_childs_items(table: Table) -> None:
    mother = _mother(table)
    _meeting, invitation = _mdo(table, mother)
    assert mother.user is not None
    actor = portal_actor(mother.user)
    assert [i.pk for i in portal_invitations(actor=actor)] == [invitation.pk]
    # The signal without a case is not shown in the portal; Femke's case never.
    assert _headings(actor, invitation) == ["The plan, with the family at the table",
                                            "Hoe gaat het thuis",
                                            "Afspraken voor de komende weken"]
    logged = AccessEvent.objects.filter(event_code=EventCode.PORTAL_MEETING,
                                        user_id=mother.user.pk)
    assert list(logged.values_list("object_type", "child_id", "ground")) == [
        ("cases.case", table.bas.pk, "parent_with_custody")]


def test_minutes_are_shown_to_the_family_once_adopted_and_only_their_part(
        table: Table) -> None:
    mother = _mother(table)
    meeting, invitation = _mdo(table, mother)
    Meeting.objects.filter(pk=meeting.pk).update(
        starts_at=timezone.now() - dt.timedelta(minutes=30))
    meeting.refresh_from_db()
    nurse = table.actor(table.nurse)
    bas_item = meeting.agenda_items.get(heading="Hoe gaat het thuis")
    femke_item = meeting.agenda_items.get(heading="Tussendoor besproken")
    minutes_write(actor=nurse, meeting=meeting, agenda_item=bas_item, text="Moeder vertelt.")
    minutes_write(actor=nurse, meeting=meeting, agenda_item=femke_item, text="Over Femke.")
    due = timezone.localdate() + dt.timedelta(days=14)
    decision_record(actor=nurse, meeting=meeting, agenda_item=bas_item,
                    kind=DecisionKind.AGREEMENT, description="Huisbezoek door de JGZ",
                    owner=table.nurse, due_date=due)
    assert mother.user is not None
    actor = portal_actor(mother.user)
    assert portal_invitation_get(actor=actor, invitation_id=invitation.pk).minutes == []
    minutes_adopt(actor=nurse, meeting=meeting)
    parts = portal_invitation_get(actor=portal_actor(mother.user),
                                  invitation_id=invitation.pk).minutes
    assert [p.entry.text for p in parts] == ["Moeder vertelt."]
    assert [d.description for d in parts[0].decisions] == ["Huisbezoek door de JGZ"]


def test_someone_elses_invitation_is_missing(table: Table, client: Client) -> None:
    mother = _mother(table)
    _meeting, invitation = _mdo(table, mother)
    stranger = GuardianFactory(user=portal_user("vreemd", "Vera", "Vreemd"))
    GuardianshipFactory(guardian=stranger, child=ChildFactory(enrolled_at=table.school))
    assert stranger.user is not None
    portal_sign_in(client, stranger.user)
    url = reverse("portal_meetings:invitation", kwargs={"invitation_id": invitation.pk})
    assert client.get(url).status_code == 404
    assert client.get(url + "uitnodiging.ics").status_code == 404
    assert AccessEvent.objects.filter(event_code=EventCode.PORTAL_MEETING,
                                      user_id=stranger.user.pk, outcome="denied").exists()


def test_the_pages_and_the_calendar_file(table: Table, client: Client) -> None:
    mother = _mother(table)
    meeting, invitation = _mdo(table, mother)
    assert mother.user is not None
    portal_sign_in(client, mother.user)
    home = client.get(reverse("portal:home")).content.decode()
    url = reverse("portal_meetings:invitation", kwargs={"invitation_id": invitation.pk})
    assert f'href="{url}"' in home
    case_page = client.get(reverse("portal:case", kwargs={"case_id": table.case.pk}))
    assert f'href="{url}"' in case_page.content.decode()
    page = client.get(url).content.decode()
    assert "Hoe gaat het thuis" in page
    assert "Tussendoor besproken" not in page
    assert escape("Kamer van de IB'er") in page
    assert escape(table.ib.full_name) in page
    ics = client.get(reverse("portal_meetings:invitation_calendar",
                             kwargs={"invitation_id": invitation.pk}))
    event = Calendar.from_ical(ics.content).walk("VEVENT")[0]
    assert str(event["uid"]) == f"{meeting.uid}@schakel"
    assert str(event["url"]).endswith(url)
    assert "Hofstede" not in ics.content.decode()


def test_a_parent_without_the_right_to_read_the_case_sees_only_time_and_place(
        table: Table) -> None:
    """Bas is 16 and has not shared the case: his mother, invited, sees when and where and
    the general items, not his case's."""
    mother = _mother(table)
    _meeting, invitation = _mdo(table, mother)
    table.bas.birth_date = timezone.localdate().replace(year=timezone.localdate().year - 16) - (
        dt.timedelta(days=1))
    table.bas.save(update_fields=["birth_date"])
    assert mother.user is not None
    assert _headings(portal_actor(mother.user), invitation) == [
        "Afspraken voor de komende weken"]


def test_a_professional_session_does_not_reach_the_family_pages(
        table: Table, client: Client) -> None:
    mother = _mother(table)
    _meeting, invitation = _mdo(table, mother)
    client.force_login(table.nurse.user)
    url = reverse("portal_meetings:invitation", kwargs={"invitation_id": invitation.pk})
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("portal:login"))


def test_the_invited_family_is_told_in_the_portal(table: Table) -> None:
    mother = _mother(table)
    meeting, invitation = _mdo(table, mother)
    link = reverse("portal_meetings:invitation", kwargs={"invitation_id": invitation.pk})
    told = Notification.objects.filter(recipient=mother.user,
                                       kind=NotificationKind.FAMILY_INVITATION)
    assert list(told.values_list("link", flat=True)) == [link]
    meeting_cancel(actor=table.actor(table.nurse), meeting=meeting)
    assert told.count() == 2
    assert "Hofstede" not in " ".join(n.text for n in told)
