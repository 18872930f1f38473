"""Measures (OTS, voogdij, jeugdreclassering): periods, refusals, and the school is told."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import translation
from django.utils.formats import date_format
from hypothesis import given, strategies as st

from schakel.audit.models import AccessEvent
from schakel.children.models import Enrolment, Measure, MeasureKind
from schakel.children.services import measure_end, measure_start
from schakel.dates import add_months
from schakel.notifications.models import Notification, NotificationKind
from schakel.organisations.models import School, SchoolType
from tests.consent.fixtures import (
    ConsentWorld,
    actor,
    birth_date_for_age,
    make_child,
    make_professional,
    today,
)


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """The tests compare the English message ids, whatever catalogue is compiled."""
    with translation.override("en"):
        yield


def long_date(day: dt.date) -> str:
    return date_format(day, "j F Y")


def start(cw: ConsentWorld, **overrides: Any) -> Measure:
    values: dict[str, Any] = {
        "actor": actor(cw.joost), "child": cw.tina, "kind": MeasureKind.OTS,
        "organisation": cw.gi, "worker": cw.joost, "start_date": today(),
        "end_date": add_months(today(), 12),
    }
    values.update(overrides)
    return measure_start(**values)


def counts() -> tuple[int, int, int]:
    return Measure.objects.count(), Notification.objects.count(), AccessEvent.objects.count()


def test_start_of_an_ots_notifies_the_school_contact_point(cw: ConsentWorld) -> None:
    measure = start(cw)
    notification = Notification.objects.get()
    assert notification.recipient == cw.ilse.user
    assert notification.kind == NotificationKind.MEASURE_STARTED
    # Only who, what measure, since when and whom to contact: no care content.
    assert notification.message == (
        f"Supervision order (OTS) for Tina Jansen from {long_date(today())}. Contact: Joost Kok, "
        "Jeugdbescherming Overijssel.")
    assert cw.case.title not in notification.message
    event = AccessEvent.objects.get(event_code="measure.start")
    assert (event.child_id, event.object_id, event.ground) == (
        cw.tina.pk, str(measure.pk), "measure_organisation")


def test_every_current_school_hears_and_a_former_one_does_not(cw: ConsentWorld) -> None:
    other = School.objects.create(organisation=cw.school_board, name="Oude school",
                                  brin="99ZZ", school_type=SchoolType.PO, municipality="Hengelo",
                                  contact_point=cw.gerda)
    Enrolment.objects.create(child=cw.tina, school=other, pupil_number="1",
                             start_date=today() - dt.timedelta(days=3000),
                             end_date=today() - dt.timedelta(days=401))
    start(cw)
    assert set(Notification.objects.values_list("recipient_id", flat=True)) == {cw.ilse.user.pk}


def test_end_of_a_measure_notifies_the_school(cw: ConsentWorld) -> None:
    measure = start(cw, start_date=today() - dt.timedelta(days=20),
                    end_date=today() + dt.timedelta(days=200))
    measure_end(actor=actor(cw.joost), measure=measure)
    measure.refresh_from_db()
    assert measure.end_date == today()
    assert measure.ended_by == cw.joost
    ended = Notification.objects.get(kind=NotificationKind.MEASURE_ENDED)
    assert ended.recipient == cw.ilse.user
    assert ended.message.startswith("Supervision order (OTS) for Tina Jansen ended on ")
    before = counts()
    with pytest.raises(ValidationError, match="already ended"):
        measure_end(actor=actor(cw.joost), measure=measure)
    assert counts() == before


def test_ending_after_the_ordered_end_is_refused(cw: ConsentWorld) -> None:
    measure = start(cw, end_date=today() + dt.timedelta(days=30))
    before = counts()
    with pytest.raises(ValidationError, match="record an extension as a new period"):
        measure_end(actor=actor(cw.joost), measure=measure,
                    end_date=today() + dt.timedelta(days=31))
    assert counts() == before


def _young_child_overrides(cw: ConsentWorld) -> dict[str, Any]:
    bas = make_child("Bas", birth_date_for_age(10), family=cw.family)
    return {"child": bas, "kind": MeasureKind.YOUTH_PROBATION, "end_date": None}


REFUSALS: list[tuple[str, Any, str | None]] = [
    ("OTS longer than a year",
     lambda cw: {"end_date": add_months(today(), 12) + dt.timedelta(days=1)},
     "An OTS lasts at most one year per period; record an extension as a new period."),
    ("OTS without end", lambda cw: {"end_date": None},
     "An OTS is ordered for a set period: give its end date."),
    ("provisional OTS longer than 3 months",
     lambda cw: {"kind": MeasureKind.PROVISIONAL_OTS,
                 "end_date": add_months(today(), 3) + dt.timedelta(days=1)},
     "A provisional OTS lasts at most three months."),
    ("end before start", lambda cw: {"end_date": today() - dt.timedelta(days=1)},
     "The end date lies before the start date."),
    ("jeugdreclassering under 12", _young_child_overrides, None),
    ("worker of another organisation", lambda cw: {"worker": cw.anne},
     "Anne de Vries does not work at Jeugdbescherming Overijssel."),
]


@pytest.mark.parametrize(("case", "overrides", "message"), REFUSALS,
                         ids=[r[0] for r in REFUSALS])
def test_bad_measures_are_refused_and_nothing_is_stored(
    cw: ConsentWorld, case: str, overrides: Any, message: str | None,
) -> None:
    values = overrides(cw)
    if message is None:
        message = (f"Youth probation (jeugdreclassering) applies from 12 years; Bas is 10 on "
                   f"{long_date(today())}.")
    before = counts()
    with pytest.raises(ValidationError) as excinfo:
        start(cw, **values)
    assert message in excinfo.value.messages
    assert counts() == before


def test_the_longest_allowed_periods_are_accepted(cw: ConsentWorld) -> None:
    start(cw, kind=MeasureKind.PROVISIONAL_OTS, end_date=add_months(today(), 3))
    start(cw, start_date=add_months(today(), 3) + dt.timedelta(days=1),
          end_date=add_months(add_months(today(), 3) + dt.timedelta(days=1), 12))
    start(cw, kind=MeasureKind.YOUTH_PROBATION, end_date=None)
    assert Measure.objects.count() == 3


def test_overlapping_ots_periods_are_refused(cw: ConsentWorld) -> None:
    start(cw)
    before = counts()
    with pytest.raises(ValidationError) as excinfo:
        start(cw, kind=MeasureKind.PROVISIONAL_OTS, start_date=today() + dt.timedelta(days=30),
              end_date=today() + dt.timedelta(days=60))
    assert excinfo.value.messages == ["Tina already has a measure of this kind in this period."]
    assert counts() == before


def test_a_measure_is_carried_out_by_a_certified_institution(cw: ConsentWorld) -> None:
    worker = make_professional(cw.ggd, "Gijs GGD")
    before = counts()
    with pytest.raises(ValidationError) as excinfo:
        start(cw, actor=actor(worker), organisation=cw.ggd, worker=worker)
    assert excinfo.value.messages == [
        "A measure is carried out by a certified institution (child protection)."]
    assert counts() == before


def test_only_the_gi_itself_records_its_measures(cw: ConsentWorld) -> None:
    with pytest.raises(Http404):
        start(cw, actor=actor(cw.anne))
    measure = start(cw)
    with pytest.raises(Http404):
        measure_end(actor=actor(cw.ilse), measure=measure)
    assert Measure.objects.get().ended_at is None


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)),
       st.integers(min_value=0, max_value=36))
def test_add_months(day: dt.date, months: int) -> None:
    later = add_months(day, months)
    assert (later.year * 12 + later.month) - (day.year * 12 + day.month) == months
    assert later.day == day.day or (later.day < day.day and (
        later + dt.timedelta(days=1)).day == 1)
