"""`Involvement.active_on` / `active_q` / `is_active_on` are the written-out rule: not ended
before the day (`until` inclusive), whatever the start date."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings, strategies as st

from schakel.cases.models import Involvement
from schakel.organisations.models import Professional
from tests.dated import periods, query_day, rolled_back
from tests.factories import CaseFactory, InvolvementFactory


@settings(max_examples=50, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(),
       spans=st.lists(periods(end_before_start=True), min_size=1, max_size=4))
def test_active_on_is_the_rule(db, data, spans):
    day = query_day(data, [d for span in spans for d in span])
    with rolled_back():
        case = CaseFactory()
        rows = [InvolvementFactory(case=case, start_date=start, end_date=end)
                for start, end in spans]
        expected = {row.pk for row, (_, end) in zip(rows, spans, strict=True)
                    if end is None or day <= end}

        assert set(case.involvements.active_on(day).values_list("pk", flat=True)) == expected
        assert set(Involvement.objects.filter(Involvement.active_q(day), case=case)
                   .values_list("pk", flat=True)) == expected
        assert {row.pk for row in rows if row.is_active_on(day)} == expected
        # through a relation: each professional has only this one involvement
        joined = Professional.objects.filter(
            Involvement.active_q(day, prefix="involvements__"),
            pk__in=[row.professional_id for row in rows])
        assert set(joined.values_list("pk", flat=True)) == {
            row.professional_id for row in rows if row.pk in expected}
