"""Planning a meeting: the kernteam agenda filled from the data, the MDO with the family and
its warning, the spoedoverleg's slots; bad input changes nothing."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone

from schakel.cases.models import Agreement
from schakel.meetings.models import (
    AgendaItem,
    Availability,
    DayPart,
    Meeting,
    MeetingKind,
    Participant,
)
from schakel.meetings.selectors import family_balance, meeting_get, urgent_slots
from schakel.meetings.services import (
    availability_set,
    meeting_agenda_fill,
    meeting_cancel,
    meeting_plan,
    meeting_reschedule,
)
from schakel.notifications.models import Notification, NotificationKind
from tests.factories import AgreementFactory, ProfessionalFactory, SignalFactory
from tests.meetings.conftest import Table, next_week

pytestmark = pytest.mark.django_db
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def test_the_kernteam_agenda_is_filled_from_the_data(table: Table) -> None:
    overdue = AgreementFactory(case=table.case, owner=table.nurse,
                               due_date=timezone.localdate() - dt.timedelta(days=3))
    later = AgreementFactory(case=table.case, owner=table.nurse,
                             due_date=timezone.localdate() + dt.timedelta(days=60))
    table.case.opened_at = timezone.now() - dt.timedelta(weeks=8)
    table.case.save()
    meeting = meeting_plan(actor=table.actor(table.ib), school=table.school,
                           kind=MeetingKind.CORE_TEAM, starts_at=next_week(),
                           professionals=[table.nurse, table.director],
                           empty_chair_guest=table.outsider,
                           empty_chair_purpose="Uitleg over het jongerenwerk")
    sources = {item.source: item for item in AgendaItem.objects.filter(meeting=meeting)}
    assert sources["signals.new"].signal == table.signal
    assert sources["enrolments.new"].child == table.newcomer
    assert sources["agreements.due"].agreement == overdue
    assert not AgendaItem.objects.filter(meeting=meeting, agreement=later).exists()
    assert sources["cases.no_evaluation"].case == table.case
    assert sources["empty_chair"].note == "Uitleg over het jongerenwerk"
    assert "Hofstede" not in " ".join(AgendaItem.objects.filter(meeting=meeting)
                                 .values_list("heading", flat=True))
    # Invited: everyone chosen and the guest, each told once (not the organiser).
    invited = set(Participant.objects.filter(meeting=meeting).values_list(
        "professional_id", flat=True))
    assert invited == {table.ib.pk, table.nurse.pk, table.director.pk, table.outsider.pk}
    told = Notification.objects.filter(kind=NotificationKind.MEETING_INVITATION)
    assert sorted(told.values_list("recipient_id", flat=True)) == sorted(
        [table.nurse.user_id, table.director.user_id, table.outsider.user_id])
    assert all("Hofstede" not in n.message for n in told)
    # Bringing it up to date adds only what is new.
    assert meeting_agenda_fill(actor=table.actor(table.ib), meeting=meeting) == 0
    SignalFactory(school=table.school, raised_by=table.ib)
    assert meeting_agenda_fill(actor=table.actor(table.ib), meeting=meeting) == 1


def test_an_mdo_with_six_professionals_and_one_parent_warns(table: Table) -> None:
    others = [ProfessionalFactory() for _ in range(4)]
    mother = table.bas.guardians.get()
    meeting = meeting_plan(actor=table.actor(table.nurse), school=table.school,
                           kind=MeetingKind.MDO, starts_at=next_week(), case=table.case,
                           professionals=[table.ib, *others], guardians=[mother])
    balance = family_balance(meeting_get(actor=table.actor(table.nurse), meeting_id=meeting.pk))
    assert (balance.professionals, balance.family) == (6, 1)
    assert balance.too_many_professionals
    small = meeting_plan(actor=table.actor(table.nurse), school=table.school,
                         kind=MeetingKind.MDO, starts_at=next_week(), case=table.case,
                         professionals=[table.ib], guardians=[mother], young_person=table.bas)
    assert not family_balance(small).too_many_professionals


@pytest.mark.parametrize(("changes", "field"), [
    ({"starts_at": timezone.now() - dt.timedelta(hours=1)}, "starts_at"),
    ({"kind": MeetingKind.MDO}, "case"),
    ({"kind": MeetingKind.URGENT, "case": "case"}, "video_link"),
    ({"duration_minutes": 3}, "duration_minutes"),
])
def test_bad_plans_are_refused_and_store_nothing(
    table: Table, changes: dict[str, object], field: str,
) -> None:
    values: dict[str, object] = {"kind": MeetingKind.CORE_TEAM, "starts_at": next_week()}
    values.update(changes)
    if values.get("case") == "case":
        values["case"] = table.case
    with pytest.raises(ValidationError) as refused:
        meeting_plan(actor=table.actor(table.ib), school=table.school, **values)  # type: ignore[arg-type]
    assert field in refused.value.message_dict
    assert not Meeting.objects.exists()


def test_only_the_parents_of_the_child_are_invited_to_its_mdo(table: Table) -> None:
    stranger = table.bas.guardians.get().__class__.objects.create(full_name="Iemand Anders")
    with pytest.raises(ValidationError) as refused:
        meeting_plan(actor=table.actor(table.nurse), school=table.school, kind=MeetingKind.MDO,
                     starts_at=next_week(), case=table.case, guardians=[stranger])
    assert "guardians" in refused.value.message_dict
    assert not Meeting.objects.exists()


def test_a_cancelled_meeting_cannot_be_changed(table: Table) -> None:
    meeting = meeting_plan(actor=table.actor(table.ib), school=table.school,
                           kind=MeetingKind.CORE_TEAM, starts_at=next_week())
    meeting_cancel(actor=table.actor(table.ib), meeting=meeting)
    with pytest.raises(ValidationError):
        meeting_reschedule(actor=table.actor(table.ib), meeting=meeting,
                           starts_at=next_week(), duration_minutes=45)
    meeting.refresh_from_db()
    assert meeting.duration_minutes == 60


def test_the_broad_team_and_outsiders_do_not_plan_or_change(table: Table) -> None:
    meeting = meeting_plan(actor=table.actor(table.ib), school=table.school,
                           kind=MeetingKind.CORE_TEAM, starts_at=next_week())
    with pytest.raises(Http404):
        meeting_plan(actor=table.actor(table.outsider), school=table.school,
                     kind=MeetingKind.CORE_TEAM, starts_at=next_week())
    with pytest.raises(Http404):
        meeting_cancel(actor=table.actor(table.director), meeting=meeting)
    meeting.refresh_from_db()
    assert not meeting.is_cancelled
    assert Meeting.objects.count() == 1
    assert not Agreement.objects.exists()


def test_urgent_slots_are_early_or_late_within_two_school_days(table: Table) -> None:
    availability_set(actor=table.actor(table.ib), slots=[(d, DayPart.EARLY_MORNING)
                                                        for d in range(5)])
    availability_set(actor=table.actor(table.nurse), slots=[(d, DayPart.EARLY_MORNING)
                                                           for d in range(5)])
    assert Availability.objects.count() == 10
    monday_noon = dt.datetime(2026, 12, 7, 12, 0, tzinfo=AMSTERDAM)
    slots = urgent_slots(professionals=[table.ib, table.nurse, table.director],
                         now=monday_noon)
    assert len(slots) == 3
    best = slots[0]
    assert timezone.localtime(best.starts_at) == dt.datetime(2026, 12, 8, 7, 45, tzinfo=AMSTERDAM)
    assert {p.pk for p in best.available} == {table.ib.pk, table.nurse.pk}
    for slot in slots:
        local = timezone.localtime(slot.starts_at)
        assert local.weekday() < 5
        assert local.date() <= dt.date(2026, 12, 9)
        assert local.time() in (dt.time(7, 45), dt.time(16, 30))
    friday_evening = dt.datetime(2026, 12, 11, 18, 0, tzinfo=AMSTERDAM)
    weekend = urgent_slots(professionals=[table.ib], now=friday_evening, limit=10)
    assert {timezone.localtime(s.starts_at).date() for s in weekend} == {
        dt.date(2026, 12, 14), dt.date(2026, 12, 15)}
