"""The measures page (issue 7, item 4): the certified institution records, extends (a new
period) and ends a measure; an OTS past the 18th birthday is refused in Dutch and nothing is
stored; the school's core team reads the measures; others get 404."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from schakel.children.models import Measure, MeasureKind
from schakel.dates import add_years
from schakel.notifications.models import Notification, NotificationKind
from schakel.organisations.models import Professional, School
from tests.factories import (
    ChildFactory,
    MeasureFactory,
    ProfessionalFactory,
    SchoolFactory,
)
from tests.support import sign_in

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def _school_with_contact() -> tuple[School, Professional]:
    school = SchoolFactory()
    contact = ProfessionalFactory(support_coordinator=True, organisation=school.organisation,
                                  core_team_of=school)
    school.contact_point = contact
    school.save(update_fields=["contact_point"])
    return school, contact


def test_the_gi_records_extends_and_ends_an_ots(client: Client) -> None:
    school, contact = _school_with_contact()
    child = ChildFactory(age=9, enrolled_at=school)
    worker = ProfessionalFactory(child_protection_worker=True)
    sign_in(client, worker.user)
    url = reverse("children:measures", kwargs={"child_id": child.pk})
    answer = client.post(url, {"kind": MeasureKind.OTS, "worker": worker.pk,
                               "start_date": TODAY.isoformat(),
                               "end_date": (TODAY + dt.timedelta(days=364)).isoformat()})
    assert answer.status_code == 302
    measure = Measure.objects.get(child=child)
    assert (measure.organisation, measure.worker) == (worker.organisation, worker)
    assert Notification.objects.filter(recipient=contact.user,
                                       kind=NotificationKind.MEASURE_STARTED).exists()
    page = client.get(url, {"extend": measure.pk}).content.decode()
    assert f'value="{(TODAY + dt.timedelta(days=365)).isoformat()}"' in page  # the next day
    answer = client.post(reverse("children:measure_end", kwargs={"child_id": child.pk}),
                         {"measure": measure.pk, "end_date": TODAY.isoformat()})
    assert answer.status_code == 302
    measure.refresh_from_db()
    assert measure.ended_at is not None
    assert measure.end_date == TODAY


def test_an_ots_past_the_18th_birthday_is_refused_and_nothing_stored(client: Client) -> None:
    child = ChildFactory(birth_date=add_years(TODAY, -18) + dt.timedelta(days=30))
    worker = ProfessionalFactory(child_protection_worker=True)
    sign_in(client, worker.user)
    answer = client.post(reverse("children:measures", kwargs={"child_id": child.pk}), {
        "kind": MeasureKind.OTS, "worker": worker.pk, "start_date": TODAY.isoformat(),
        "end_date": (TODAY + dt.timedelta(days=360)).isoformat()})
    assert answer.status_code == 200
    assert "ends at 18 years" in answer.content.decode()
    assert not Measure.objects.filter(child=child).exists()


def test_the_core_team_reads_and_others_get_404(client: Client) -> None:
    school, contact = _school_with_contact()
    child = ChildFactory(age=9, enrolled_at=school)
    measure = MeasureFactory(child=child)
    url = reverse("children:measures", kwargs={"child_id": child.pk})
    sign_in(client, contact.user)
    page = client.get(url).content.decode()
    assert escape(measure.worker.full_name) in page
    assert "end_date" not in page  # reading only: no forms for the school
    assert client.post(reverse("children:measure_end", kwargs={"child_id": child.pk}), {
        "measure": measure.pk, "end_date": TODAY.isoformat()}).status_code == 404
    measure.refresh_from_db()
    assert measure.ended_at is None  # refused: not the school's measure
    sign_in(client, ProfessionalFactory(nurse=True).user)
    assert client.get(url).status_code == 404
