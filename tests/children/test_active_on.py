"""`Enrolment`, `Measure` and `Custody`: `active_on` / `active_q` / `is_active_on` are the rule
(from the start date up to and including the end date), `Enrolment.not_ended_before` keeps
those still to come, and `Measure.overlapping` is "active on some day of the period"."""

from __future__ import annotations

import datetime as dt

from django.db.models import Exists, OuterRef
from hypothesis import HealthCheck, given, settings, strategies as st

from schakel.access import policy
from schakel.children.models import Child, Custody, Enrolment, Guardianship, Measure, MeasureKind
from tests.dated import periods, query_day, rolled_back
from tests.factories import (
    ChildFactory,
    CustodyFactory,
    EnrolmentFactory,
    GuardianshipFactory,
    MeasureFactory,
    ProfessionalFactory,
    SchoolFactory,
)


def within(day: dt.date, start: dt.date, end: dt.date | None) -> bool:
    return start <= day and (end is None or day <= end)


@settings(max_examples=50, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), spans=st.lists(periods(), min_size=1, max_size=4))
def test_enrolment_active_on_is_the_rule(db, data, spans):
    day = query_day(data, [d for span in spans for d in span])
    with rolled_back():
        school = SchoolFactory()
        rows = [EnrolmentFactory(child=ChildFactory(), school=school, start_date=start,
                                 end_date=end) for start, end in spans]
        by_span = list(zip(rows, spans, strict=True))
        expected = {row.pk for row, (start, end) in by_span if within(day, start, end)}
        not_ended = {row.pk for row, (_, end) in by_span if end is None or day <= end}

        enrolments = Enrolment.objects.filter(school=school)
        assert set(enrolments.active_on(day).values_list("pk", flat=True)) == expected
        assert set(enrolments.not_ended_before(day).values_list("pk", flat=True)) == not_ended
        assert {row.pk for row in rows if row.is_active_on(day)} == expected
        children = Child.objects.filter(pk__in=[row.child_id for row in rows])
        pupils = {row.child_id for row in rows if row.pk in expected}
        joined = children.filter(Enrolment.active_q(day, prefix="enrolments__"))
        assert set(joined.values_list("pk", flat=True)) == pupils
        subquery = children.filter(
            Exists(Enrolment.objects.filter(child=OuterRef("pk")).active_on(day)))
        assert set(subquery.values_list("pk", flat=True)) == pupils


@settings(max_examples=50, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), spans=st.lists(periods(), min_size=1, max_size=4),
       open_ended=st.booleans())
def test_measure_active_on_is_the_rule(db, data, spans, open_ended):
    edges = [d for span in spans for d in span]
    day = query_day(data, edges)
    first, last = sorted([query_day(data, edges), query_day(data, edges)])
    period = (first, None if open_ended else last)
    with rolled_back():
        worker = ProfessionalFactory(child_protection_worker=True)
        rows = [MeasureFactory(child=ChildFactory(), worker=worker, start_date=start,
                               end_date=end) for start, end in spans]
        by_span = list(zip(rows, spans, strict=True))
        expected = {row.pk for row, (start, end) in by_span if within(day, start, end)}

        measures = Measure.objects.filter(worker=worker)
        assert set(measures.active_on(day).values_list("pk", flat=True)) == expected
        assert {row.pk for row in rows if row.is_active_on(day)} == expected
        joined = Child.objects.filter(Measure.active_q(day, prefix="measures__"),
                                      pk__in=[row.child_id for row in rows])
        assert set(joined.values_list("pk", flat=True)) == {
            row.child_id for row in rows if row.pk in expected}

        # overlapping: active on some day of the period, counted day by day (an open end
        # reaches past every row's dates)
        if open_ended:
            last = max(first, *(d for span in spans for d in span if d is not None))
            last += dt.timedelta(days=1)
        days = [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
        overlap = {row.pk for row, (start, end) in by_span
                   if any(within(d, start, end) for d in days)}
        assert set(measures.overlapping(*period).values_list("pk", flat=True)) == overlap


@settings(max_examples=50, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), spans=st.lists(periods(), min_size=1, max_size=4),
       voogdij=st.none() | periods())
def test_custody_active_on_is_the_rule(db, data, spans, voogdij):
    """Custody periods answer the rule like the other relations; `policy.custody_q` and
    `policy.custody_history` add that a voogdij active on the day overrides them."""
    edges = [d for span in spans for d in span] + (list(voogdij) if voogdij else [])
    day = query_day(data, edges)
    with rolled_back():
        child = ChildFactory(birth_date=dt.date(1990, 1, 1))
        rows = [CustodyFactory(guardianship=GuardianshipFactory(child=child, has_custody=False),
                               start_date=start, end_date=end) for start, end in spans]
        by_span = list(zip(rows, spans, strict=True))
        expected = {row.pk for row, (start, end) in by_span if within(day, start, end)}
        if voogdij is not None:
            MeasureFactory(child=child, kind=MeasureKind.GUARDIANSHIP, start_date=voogdij[0],
                           end_date=voogdij[1])
        under_voogdij = voogdij is not None and within(day, *voogdij)

        periods_ = Custody.objects.filter(guardianship__child=child)
        assert set(periods_.active_on(day).values_list("pk", flat=True)) == expected
        assert {row.pk for row in rows if row.is_active_on(day)} == expected
        guardianships = Guardianship.objects.filter(child=child)
        holders = set() if under_voogdij else {row.guardianship_id for row in rows
                                               if row.pk in expected}
        joined = guardianships.filter(Custody.active_q(day, prefix="custody_periods__"))
        assert set(joined.values_list("pk", flat=True)) == {
            row.guardianship_id for row in rows if row.pk in expected}
        assert set(guardianships.filter(policy.custody_q(day)).values_list(
            "pk", flat=True)) == holders
        guardian_ids = {row.guardianship.guardian_id for row in rows
                        if row.guardianship_id in holders}
        assert policy.custody_history(child.pk).on(day).guardian_ids == guardian_ids
        on_day = policy.custody_on(child, day)
        assert on_day.guardian_ids == guardian_ids
        assert (on_day.voogd_organisation_id is not None) == under_voogdij
