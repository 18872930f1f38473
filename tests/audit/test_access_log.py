"""The access log (NEN 7513): append-only, every field filled, one row per child shown."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from schakel.access.actor import Actor
from schakel.audit.events import EventCode
from schakel.audit.models import AccessEvent, Action, Outcome
from schakel.audit.writer import Subject, access_event_record, access_events_record
from schakel.cases.selectors import case_get, case_list_page
from schakel.children.selectors import pupils_search
from schakel.organisations.models import Function
from schakel.signals.selectors import signal_list_page
from tests.conftest import World
from tests.factories import (
    AccessEventFactory,
    CaseFactory,
    ChildFactory,
    EnrolmentFactory,
    FamilyFactory,
    SignalFactory,
    UserFactory,
    actor_for,
)

# --- append-only -------------------------------------------------------------------------


@pytest.fixture
def event(db) -> AccessEvent:
    return AccessEventFactory(user_name="Anne de Vries")


def test_saving_an_existing_row_is_refused(event):
    event.user_name = "Someone else"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.save(update_fields=["user_name"])
    assert AccessEvent.objects.get().user_name == "Anne de Vries"


def test_deleting_a_row_is_refused(event):
    with pytest.raises(PermissionError):
        event.delete()
    assert AccessEvent.objects.count() == 1


def test_queryset_update_and_delete_are_refused(event):
    with pytest.raises(PermissionError):
        AccessEvent.objects.filter(pk=event.pk).update(user_name="x")
    with pytest.raises(PermissionError):
        AccessEvent.objects.all().delete()
    with pytest.raises(PermissionError):
        AccessEvent.objects.update(ground="")
    assert AccessEvent.objects.get().user_name == "Anne de Vries"


def test_bulk_update_and_update_or_create_are_refused(event):
    event.ground = "changed"
    with pytest.raises(PermissionError):
        AccessEvent.objects.bulk_update([event], ["ground"])
    with pytest.raises(PermissionError):
        AccessEvent.objects.update_or_create(pk=event.pk, defaults={"ground": "changed"})
    assert AccessEvent.objects.get().ground == "involved"


# --- NEN 7513 fields ---------------------------------------------------------------------


def test_a_record_holds_every_nen_7513_field(world: World):
    actor = actor_for(world.nurse, ip_address="198.51.100.7")
    before = timezone.now()
    access_event_record(
        actor=actor, event_code=EventCode.CASE_VIEW, action=Action.READ,
        subject=Subject.of(world.case, world.child.pk), ground="coordinator")
    event = AccessEvent.objects.get()
    assert before <= event.occurred_at <= timezone.now()
    assert event.occurred_at.utcoffset() == dt.timedelta(0)
    assert event.event_code == "case.view"
    assert event.action == "R"
    assert event.outcome == Outcome.SUCCESS
    assert event.user_id == world.nurse.user_id
    assert event.user_name == "Anne de Vries"
    assert event.user_function == str(Function.YOUTH_NURSE.label)
    assert event.organisation_name == world.nurse.organisation.name
    assert event.ip_address == "198.51.100.7"
    assert event.object_type == "cases.case"
    assert event.object_id == str(world.case.pk)
    assert event.child_id == world.child.pk
    assert event.ground == "coordinator"
    assert event.source_system == "schakel"


def test_a_user_without_professional_is_logged_by_name(db):
    user = UserFactory(first_name="Eva", last_name="Jansen")
    access_event_record(actor=Actor(user=user, professional=None),
                        event_code=EventCode.PORTAL_CHILD,
                        action=Action.READ, subject=Subject("children.child", "1", 1))
    event = AccessEvent.objects.get()
    assert (event.user_name, event.user_function, event.organisation_name) == (
        "Eva Jansen", "", "")
    assert event.ip_address is None


def test_log_rows_outlive_the_person(world: World):
    access_event_record(actor=world.actor(world.nurse), event_code=EventCode.CASE_VIEW,
                        action=Action.READ, subject=Subject.of(world.case, world.child.pk))
    world.nurse.full_name = "Anne Jansen-de Vries"
    world.nurse.save()
    assert AccessEvent.objects.get().user_name == "Anne de Vries"


def test_events_record_writes_one_row_per_subject_at_one_moment(world: World):
    subjects = [Subject("children.child", str(i), i) for i in (11, 12, 13)]
    count = access_events_record(actor=world.actor(world.nurse), event_code=EventCode.CHILD_SEARCH,
                                 action=Action.READ, subjects=subjects, ground="core_team")
    events = list(AccessEvent.objects.order_by("child_id"))
    assert count == 3
    assert [e.child_id for e in events] == [11, 12, 13]
    assert len({e.occurred_at for e in events}) == 1
    assert {e.ground for e in events} == {"core_team"}
    assert access_events_record(actor=world.actor(world.nurse), event_code=EventCode.CASE_LIST,
                                action=Action.READ, subjects=[]) == 0
    assert AccessEvent.objects.count() == 3


# --- list reads log each child shown -----------------------------------------------------


def test_case_list_logs_one_row_per_child_shown(world: World, settings):
    settings.SCHAKEL_PAGE_SIZE = 2
    extra = [CaseFactory(school=world.school, coordinator=world.nurse, consented=True)
             for _ in range(2)]
    page = case_list_page(actor=world.actor(world.nurse), page_number=1)
    assert len(page.object_list) == 2
    events = AccessEvent.objects.all()
    assert {e.child_id for e in events} == {c.child_id for c in page.object_list}
    assert {e.event_code for e in events} == {"case.list"}
    assert {e.action for e in events} == {Action.READ}
    assert len(events) == 2
    page_two = case_list_page(actor=world.actor(world.nurse), page_number=2)
    assert len(page_two.object_list) == 1
    assert AccessEvent.objects.count() == 3
    assert set(AccessEvent.objects.values_list("child_id", flat=True)) == {
        world.child.pk, *(c.child_id for c in extra)}


def test_case_list_logs_every_child_of_a_family_case(world: World):
    family = FamilyFactory()
    children = ChildFactory.create_batch(3, family=family)
    CaseFactory(for_family=True, family=family, school=world.school, coordinator=world.nurse,
                consented=True)
    case_list_page(actor=world.actor(world.nurse), page_number=1)
    logged = set(AccessEvent.objects.values_list("child_id", flat=True))
    assert logged == {world.child.pk, *(c.pk for c in children)}


def test_case_view_of_a_family_case_logs_every_child(world: World):
    family = FamilyFactory()
    children = ChildFactory.create_batch(2, family=family)
    case = CaseFactory(for_family=True, family=family, school=world.school,
                       coordinator=world.nurse, consented=True)
    case_get(actor=world.actor(world.nurse), case_id=case.pk)
    assert set(AccessEvent.objects.values_list("child_id", flat=True)) == {
        c.pk for c in children}


def test_empty_case_list_writes_nothing(world: World):
    case_list_page(actor=world.actor(world.outsider), page_number=1)
    assert not AccessEvent.objects.exists()


def test_signal_list_logs_child_signals_only(world: World):
    SignalFactory(school=world.school, class_level=True)
    SignalFactory(school=world.school, school_level=True)
    second = SignalFactory(school=world.school)
    page = signal_list_page(actor=world.actor(world.core_member), page_number=1)
    assert len(page.object_list) == 4
    logged = list(AccessEvent.objects.values_list("child_id", flat=True))
    assert len(logged) == 2
    assert set(logged) == {world.child.pk, second.child_id}


def test_pupil_search_logs_each_result(world: World):
    other = ChildFactory(first_name="Bastiaan")
    EnrolmentFactory(child=other, school=world.school)
    leaver = ChildFactory(first_name="Basje")
    EnrolmentFactory(child=leaver, school=world.school, ended=True)
    results = pupils_search(actor=world.actor(world.core_member), school_id=world.school.pk,
                            query="bas")
    assert {e.child_id for e in results} == {world.child.pk, other.pk}
    events = AccessEvent.objects.all()
    assert {e.child_id for e in events} == {world.child.pk, other.pk}
    assert {e.event_code for e in events} == {"child.search"}


def test_pupil_search_refused_shows_and_logs_nothing(world: World):
    assert pupils_search(actor=world.actor(world.outsider), school_id=world.school.pk,
                         query="bas") == []
    assert not AccessEvent.objects.exists()
