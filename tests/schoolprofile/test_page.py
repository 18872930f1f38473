"""The school profile page: who sees it, that its figures are suppressed, that a small class
is refused, that reading it is logged, and that its queries do not grow with the data."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from schakel.aggregates import HIDDEN_TEXT
from schakel.attendance.models import AttendanceTier
from schakel.audit.events import EventCode
from schakel.audit.models import AccessEvent
from schakel.schoolprofile.services import school_monitor_import
from schakel.signals.models import Signal
from tests.factories import (
    ChildFactory,
    EnrolmentFactory,
    ProfessionalFactory,
    SchoolClassFactory,
    SignalFactory,
    ThemeFactory,
)
from tests.schoolprofile.conftest import ProfileWorld, monitor_csv
from tests.support import sign_in

pytestmark = pytest.mark.django_db


def _last_month() -> dt.datetime:
    first = timezone.localdate().replace(day=1)
    day = first - dt.timedelta(days=10)
    if day < dt.date(first.year if first.month >= 9 else first.year - 1, 8, 1):
        pytest.fail("the test needs a completed month of this school year")  # pragma: no cover
    return timezone.make_aware(dt.datetime.combine(day, dt.time(10)))


def _signals(pw: ProfileWorld, n: int, theme_code: str = "pesten") -> None:
    theme = ThemeFactory(code=theme_code, label=theme_code)
    school_class = SchoolClassFactory(school=pw.world.school)
    for _ in range(n):
        SignalFactory(school=pw.world.school, class_level=True, school_class=school_class,
                      theme=theme)
    Signal.objects.filter(theme=theme).update(raised_at=_last_month())


def _page(client: Client, pw: ProfileWorld, **params: str):
    return client.get(reverse("schoolprofile:detail", kwargs={"school_id": pw.world.school.pk}),
                      params)


@pytest.mark.parametrize(("who", "status"), [
    ("core", 200), ("officer", 200), ("manager", 200), ("steering", 200),
    ("teacher", 404), ("outsider", 404), ("other_core", 404),
])
def test_who_sees_the_profile(client: Client, pw: ProfileWorld, who: str, status: int) -> None:
    w = pw.world
    professional = {"core": w.core_member, "officer": pw.policy_officer, "manager": pw.manager,
                    "steering": pw.steering, "teacher": w.teacher, "outsider": w.outsider,
                    "other_core": w.other_core_member}[who]
    sign_in(client, professional.user)
    assert _page(client, pw).status_code == status
    outcome = "success" if status == 200 else "denied"
    assert AccessEvent.objects.filter(event_code=EventCode.SCHOOL_PROFILE_READ,
                                      user_id=professional.user_id, outcome=outcome).exists()


def test_a_policy_officer_of_another_municipality_sees_nothing(pw: ProfileWorld,
                                                              client: Client) -> None:
    other = ProfessionalFactory(function=pw.policy_officer.function,
                                organisation__municipality_sector=True,
                                organisation__municipality="Almelo")
    sign_in(client, other.user)
    assert _page(client, pw).status_code == 404


def test_small_counts_are_shown_as_under_five(client: Client, pw: ProfileWorld) -> None:
    _signals(pw, 3)
    school_monitor_import(actor=pw.world.actor(pw.policy_officer), file_name="m.csv",
                          content=monitor_csv(pw.world.school.brin, pupils=123, borne=23,
                                              care=13) + b"", today=timezone.localdate())
    sign_in(client, pw.manager.user)
    page = _page(client, pw).content.decode()
    assert "&lt;5" in page
    assert ">3<" not in page
    # The monitor: 10 and 3 under a total of 13: 3 is small and 10 is hidden with it.
    assert HIDDEN_TEXT in page


def test_a_class_of_fewer_than_five_pupils_is_refused(client: Client, pw: ProfileWorld) -> None:
    school_class = SchoolClassFactory(school=pw.world.school)
    for _ in range(3):
        EnrolmentFactory(child=ChildFactory(), school=pw.world.school,
                         school_class=school_class)
    sign_in(client, pw.policy_officer.user)
    response = _page(client, pw, klas=str(school_class.pk))
    assert response.status_code == 200
    assert "fewer than 5 pupils" in response.content.decode()
    assert response.context["profile"].school_class is None


def test_the_page_does_not_grow_with_the_data(client: Client, pw: ProfileWorld) -> None:
    sign_in(client, pw.policy_officer.user)
    _signals(pw, 1, "gedrag")
    school_monitor_import(actor=pw.world.actor(pw.policy_officer), file_name="m.csv",
                          content=monitor_csv(pw.world.school.brin, date="01-09-2026"),
                          today=timezone.localdate())
    _page(client, pw)
    with CaptureQueriesContext(connection) as few:
        _page(client, pw)
    _signals(pw, 7)
    _signals(pw, 6, "thuis")
    week = timezone.localdate() - dt.timedelta(days=timezone.localdate().weekday() + 14)
    for _ in range(6):
        AttendanceTier.objects.create(child=ChildFactory(), school=pw.world.school,
                                      school_week=week, tier=1)
    school_monitor_import(actor=pw.world.actor(pw.policy_officer), file_name="m.csv",
                          content=monitor_csv(pw.world.school.brin),
                          today=timezone.localdate())
    with CaptureQueriesContext(connection) as many:
        response = _page(client, pw)
    assert ">7<" in response.content.decode()
    assert len(many) == len(few)
