"""Shared fixtures: a small world around one school, and helpers to prove that refused input
changes nothing."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.apps import apps
from django.conf import settings as django_settings
from django.test import override_settings
from django.utils import translation
from hypothesis import HealthCheck, settings

from schakel.access.actor import Actor
from schakel.cases.models import Case
from schakel.children.models import Child, Family, Guardian
from schakel.consent.models import Consent
from schakel.organisations.models import Professional, School, SchoolClass
from schakel.signals.models import Signal
from tests.factories import (
    CaseFactory,
    ChildFactory,
    EnrolmentFactory,
    FamilyFactory,
    GuardianshipFactory,
    ProfessionalFactory,
    SchoolClassFactory,
    SchoolFactory,
    SignalFactory,
    actor_for,
    care_consent,
)

# A real ClamAV daemon for the attachments' tests (started on first use).
pytest_plugins = ["tests.attachments.clamd"]

# Database examples are rolled back one by one, so function-scoped fixtures are fine; the
# database timing varies on shared machines, so no deadline.
settings.register_profile(
    "schakel", deadline=None, database=None, print_blob=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.load_profile("schakel")


@pytest.fixture(autouse=True)
def _language_of_the_settings() -> Iterator[None]:
    """Each test starts in the settings' language: the test client runs a request in the
    test's own thread, and the locale middleware leaves the language of a Dutch request (or
    a user's preference) active after it, which would reach the next test's messages."""
    translation.activate(django_settings.LANGUAGE_CODE)
    yield
    translation.activate(django_settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _attendance_records_per_test(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The Parquet records of one test only: each test's database starts empty, so must the
    records the attendance engine reads beside it (ids are reused after a rollback). Not
    through the `settings` fixture: some tests have a parameter of that name."""
    root = str(tmp_path_factory.mktemp("records"))
    with override_settings(SCHAKEL_ATTENDANCE_PARQUET_ROOT=root):
        yield


@dataclass
class World:
    """One primary school with its core team, a teacher, a nurse who coordinates the case of a
    pupil, an outsider, a log administrator, and a second school with its own core team.

    The school's IB'er opened the case, so the school's organisation holds the file; the
    nurse's GGD reads its care content on the mother's consent (`nurse_consent`; Bas is 9,
    so his mother with custody signs)."""

    school: School
    school_class: SchoolClass
    core_member: Professional
    teacher: Professional
    nurse: Professional
    outsider: Professional
    log_admin: Professional
    family: Family
    child: Child
    guardian: Guardian
    case: Case
    nurse_consent: Consent
    signal: Signal
    other_school: School
    other_core_member: Professional

    def actor(self, professional: Professional) -> Actor:
        """A fresh actor, so that cached team memberships are never stale."""
        return actor_for(professional)


@pytest.fixture
def world(db: None) -> World:
    school = SchoolFactory(name="Basisschool De Esch")
    school_class = SchoolClassFactory(school=school, name="groep 4")
    core_member = ProfessionalFactory(
        support_coordinator=True, organisation=school.organisation, core_team_of=school,
        full_name="Ilse Bakker")
    school.contact_point = core_member
    school.save(update_fields=["contact_point"])
    teacher = ProfessionalFactory(teacher=True, organisation=school.organisation,
                                  full_name="Tom Smit")
    nurse = ProfessionalFactory(nurse=True, full_name="Anne de Vries")
    outsider = ProfessionalFactory(youth_director=True, full_name="Olaf Buiten")
    log_admin = ProfessionalFactory(log_administrator=True, full_name="Petra Log")
    family = FamilyFactory(name="Gezin Jansen")
    child = ChildFactory(first_name="Bas", last_name="Jansen", family=family, under_12=True)
    EnrolmentFactory(child=child, school=school, school_class=school_class)
    guardian = GuardianshipFactory(child=child, guardian__full_name="Eva Jansen").guardian
    case = CaseFactory(child=child, school=school, coordinator=nurse, opened_by=core_member,
                       title="Vechtpartijen op het plein")
    nurse_consent = care_consent(child, nurse.organisation, recorded_by=nurse)
    signal = SignalFactory(school=school, child=child, raised_by=teacher)
    other_school = SchoolFactory(name="Basisschool Het Anker")
    other_core_member = ProfessionalFactory(
        support_coordinator=True, organisation=other_school.organisation,
        core_team_of=other_school)
    return World(
        school=school, school_class=school_class, core_member=core_member, teacher=teacher,
        nurse=nurse, outsider=outsider, log_admin=log_admin, family=family, child=child,
        guardian=guardian, case=case, nurse_consent=nurse_consent, signal=signal,
        other_school=other_school, other_core_member=other_core_member,
    )


Snapshot = dict[str, list[tuple[Any, ...]]]

_SNAPSHOT_APPS = ("organisations", "teams", "children", "signals", "cases", "notifications",
                  "audit", "accounts")


def take_snapshot() -> Snapshot:
    """Every row of every domain table, for "refused input changes nothing" assertions."""
    snapshot: Snapshot = {}
    for label in _SNAPSHOT_APPS:
        for model in apps.get_app_config(label).get_models():
            snapshot[model._meta.label] = list(
                model._base_manager.order_by("pk").values_list())
    return snapshot


@pytest.fixture
def db_snapshot(db: None) -> Callable[[], Snapshot]:
    """`before = db_snapshot()` ... `assert db_snapshot() == before`."""
    return take_snapshot



def assert_nothing_changed(before: Snapshot, *, denied_rows: int = 0) -> None:
    """Nothing but `denied_rows` new denied rows in the access log changed since `before`."""
    after = take_snapshot()
    log = "audit.AccessEvent"
    assert {k: v for k, v in after.items() if k != log} == {
        k: v for k, v in before.items() if k != log}
    new_rows = after[log][len(before[log]):]
    assert after[log][:len(before[log])] == before[log]
    assert len(new_rows) == denied_rows
    outcome = [f.name for f in apps.get_model("audit", "AccessEvent")._meta.concrete_fields].index(
        "outcome")
    assert all(row[outcome] == "denied" for row in new_rows)
