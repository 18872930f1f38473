"""Custody (gezag) as dated history: the services that record and end it (with their access-
log rows and their refusals), who may, and the upgrade that carries the old `has_custody`
over without loss."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.http import Http404
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.audit.models import AccessEvent, Action
from schakel.children.models import Custody, CustodySource, Guardianship
from schakel.children.services import custody_end, custody_record
from tests.factories import (
    CaseFactory,
    ChildFactory,
    EnrolmentFactory,
    GuardianshipFactory,
    MeasureFactory,
    ProfessionalFactory,
    SchoolFactory,
    actor_for,
)
from tests.support import sign_in


def today() -> dt.date:
    return timezone.localdate()


@pytest.fixture
def parent(db: None) -> Guardianship:
    """A father recorded without custody, his child at a school with a core team."""
    school = SchoolFactory()
    child = ChildFactory(age=9)
    EnrolmentFactory(child=child, school=school)
    return GuardianshipFactory(child=child, without_custody=True, relation="vader")


def _core(parent: Guardianship) -> Actor:
    school = parent.child.enrolments.get().school
    return actor_for(ProfessionalFactory(organisation=school.organisation, core_team_of=school))


def test_recording_custody_gives_custody_from_that_day(parent: Guardianship) -> None:
    start = today() - dt.timedelta(days=10)
    custody = custody_record(actor=_core(parent), guardianship=parent, start_date=start,
                             source=CustodySource.REGISTER, reference="Gezagsregister")
    assert policy.has_custody(parent.guardian, parent.child, start)
    assert not policy.has_custody(parent.guardian, parent.child, start - dt.timedelta(days=1))
    row = AccessEvent.objects.get(event_code="custody.record")
    assert (row.action, row.child_id, row.object_id) == (
        Action.CREATE, parent.child_id, str(custody.pk))

    end = today() + dt.timedelta(days=30)
    custody_end(actor=_core(parent), custody=custody, end_date=end)
    assert policy.has_custody(parent.guardian, parent.child, end)
    assert not policy.has_custody(parent.guardian, parent.child, end + dt.timedelta(days=1))
    assert AccessEvent.objects.filter(event_code="custody.end", action=Action.UPDATE).exists()
    custody.refresh_from_db()
    assert custody.ended_by is not None


@pytest.mark.parametrize(("field", "start", "end"), [
    ("start_date", -10_000, None),  # before the child's birth
    ("start_date", 5, None),  # in the future
    ("end_date", -5, -10),  # ends before it begins
])
def test_bad_periods_are_refused_and_nothing_is_stored(
        parent: Guardianship, field: str, start: int, end: int | None) -> None:
    with pytest.raises(ValidationError) as refused:
        custody_record(
            actor=_core(parent), guardianship=parent,
            start_date=today() + dt.timedelta(days=start),
            end_date=None if end is None else today() + dt.timedelta(days=end),
            source=CustodySource.COURT_ORDER)
    assert field in refused.value.message_dict
    assert not Custody.objects.exists()


def test_overlapping_periods_are_refused(parent: Guardianship) -> None:
    core = _core(parent)
    custody_record(actor=core, guardianship=parent, start_date=today() - dt.timedelta(days=10),
                   source=CustodySource.COURT_ORDER)
    with pytest.raises(ValidationError):
        custody_record(actor=core, guardianship=parent, start_date=today(),
                       source=CustodySource.COURT_ORDER)
    assert Custody.objects.count() == 1


def test_who_may_record_custody(parent: Guardianship) -> None:
    child = parent.child
    assert policy.may_record_custody(_core(parent), child)
    coordinator = ProfessionalFactory(nurse=True)
    CaseFactory(child=child, coordinator=coordinator)
    assert policy.may_record_custody(actor_for(coordinator), child).ground == (
        policy.Ground.COORDINATOR)
    measure = MeasureFactory(child=child, guardianship=True)
    assert policy.may_record_custody(actor_for(measure.worker), child)
    outsider = actor_for(ProfessionalFactory())
    assert not policy.may_record_custody(outsider, child)
    with pytest.raises(Http404):
        custody_record(actor=outsider, guardianship=parent, start_date=today(),
                       source=CustodySource.COURT_ORDER)
    assert AccessEvent.objects.filter(event_code="custody.record", outcome="denied").exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_upgrade_carries_every_custody_over() -> None:
    """Before 0005 a guardianship had `has_custody`; after it, custody with it is an
    open-ended period from the child's birth, and without it there is none. (Serialized
    rollback: the database is left as the next transactional tests expect it.)"""
    executor = MigrationExecutor(connection)
    before = [("children", "0004_custody_dated")]
    after = executor.loader.graph.leaf_nodes()
    executor.migrate(before)
    apps = executor.loader.project_state(before).apps
    child_model = apps.get_model("children", "Child")
    guardian_model = apps.get_model("children", "Guardian")
    guardianship_model = apps.get_model("children", "Guardianship")
    child = child_model.objects.create(first_name="Sem", last_name="Kuipers",
                                       birth_date=dt.date(2015, 2, 28))
    with_custody = guardianship_model.objects.create(
        child=child, guardian=guardian_model.objects.create(full_name="Ingrid"),
        has_custody=True)
    without = guardianship_model.objects.create(
        child=child, guardian=guardian_model.objects.create(full_name="Marco"),
        has_custody=False)
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(after)
    period = Custody.objects.get()
    assert period.guardianship_id == with_custody.pk
    assert (period.start_date, period.end_date, period.source) == (
        dt.date(2015, 2, 28), None, CustodySource.UNKNOWN)
    assert not Custody.objects.filter(guardianship_id=without.pk).exists()
    assert policy.custody_on(Guardianship.objects.get(pk=without.pk).child, today()) \
        .guardian_ids == {with_custody.guardian_id}


def test_the_custody_page_records_and_ends_custody(parent: Guardianship) -> None:
    core = _core(parent)
    client = sign_in(Client(), core.user)
    url = reverse("children:custody", kwargs={"child_id": parent.child_id})
    page = client.get(url).content.decode()
    assert escape(parent.guardian.full_name) in page
    start = today() - dt.timedelta(days=3)
    response = client.post(url, {
        "action": "record", "record-guardianship": str(parent.pk), "record-source": "court_order",
        "record-start_date": start.isoformat(), "record-reference": "Beschikking 123"})
    assert response.status_code == 302
    period = Custody.objects.get()
    assert (period.start_date, period.source, period.reference) == (
        start, CustodySource.COURT_ORDER, "Beschikking 123")
    response = client.post(url, {"action": "end", "end-custody": str(period.pk),
                                 "end-end_date": today().isoformat()})
    assert response.status_code == 302
    period.refresh_from_db()
    assert period.end_date == today()
    # Bad input: a start before the birth is refused with the form again, nothing stored.
    response = client.post(url, {
        "action": "record", "record-guardianship": str(parent.pk), "record-source": "birth",
        "record-start_date": "1900-01-01"})
    assert response.status_code == 200
    assert Custody.objects.count() == 1


def test_the_custody_page_is_closed_to_others(parent: Guardianship) -> None:
    client = sign_in(Client(), ProfessionalFactory().user)
    url = reverse("children:custody", kwargs={"child_id": parent.child_id})
    assert client.get(url).status_code == 404
    assert client.post(url, {"action": "record"}).status_code == 404
