"""`Consent` and `LegalGround`: `active_on` / `active_q` / `is_active_on` are the written-out
date rule. A consent is in force from the day it was given up to and including `valid_until`,
until the (local) day it was withdrawn; whether the right people signed is not part of it."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.conf import settings as django_settings
from django.db.models import Exists, OuterRef
from hypothesis import HealthCheck, given, settings, strategies as st

from schakel.children.models import Child
from schakel.consent.models import Consent, LegalGround
from tests.dated import Period, periods, query_day, rolled_back
from tests.factories import (
    ChildFactory,
    ConsentFactory,
    LegalGroundFactory,
    OrganisationFactory,
    ProfessionalFactory,
)

LOCAL = ZoneInfo(django_settings.TIME_ZONE)
# Around local midnight, and the hours that do not exist or come twice when the clocks change.
TIMES = st.sampled_from([dt.time(0, 0), dt.time(0, 0, 1), dt.time(1, 30), dt.time(2, 30),
                         dt.time(12, 0), dt.time(23, 59, 59)]) | st.times()


@st.composite
def consents(draw: st.DrawFn) -> tuple[Period, dt.datetime | None]:
    """A period of validity, and a withdrawal (or none) from the day before it was given to
    after its end."""
    given_at, until = draw(periods())
    if not draw(st.booleans()):
        return (given_at, until), None
    day = given_at + dt.timedelta(days=draw(st.integers(-1, 70)))
    return (given_at, until), dt.datetime.combine(day, draw(TIMES), tzinfo=LOCAL)


def within(day: dt.date, start: dt.date, end: dt.date | None) -> bool:
    return start <= day and (end is None or day <= end)


@settings(max_examples=50, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), drawn=st.lists(consents(), min_size=1, max_size=4))
def test_consent_active_on_is_the_date_rule(db, data, drawn):
    withdrawal_days = [w.astimezone(LOCAL).date() for _, w in drawn if w is not None]
    day = query_day(data, [d for span, _ in drawn for d in span] + withdrawal_days)
    with rolled_back():
        organisation = OrganisationFactory()
        recorder = ProfessionalFactory()
        rows = [ConsentFactory(child=ChildFactory(), organisation=organisation,
                               recorded_by=recorder, given_at=given_at, valid_until=until,
                               withdrawn_at=withdrawn)
                for (given_at, until), withdrawn in drawn]
        expected = {
            row.pk for row, ((given_at, until), withdrawn) in zip(rows, drawn, strict=True)
            if within(day, given_at, until)
            and (withdrawn is None or withdrawn.astimezone(LOCAL).date() > day)}

        consents_ = Consent.objects.filter(organisation=organisation)
        assert set(consents_.active_on(day).values_list("pk", flat=True)) == expected
        assert {row.pk for row in Consent.objects.filter(pk__in=[r.pk for r in rows])
                if row.is_active_on(day)} == expected
        children = Child.objects.filter(pk__in=[row.child_id for row in rows])
        covered = {row.child_id for row in rows if row.pk in expected}
        joined = children.filter(Consent.active_q(day, prefix="consents__"))
        assert set(joined.values_list("pk", flat=True)) == covered
        subquery = children.filter(
            Exists(consents_.filter(child=OuterRef("pk")).active_on(day)))
        assert set(subquery.values_list("pk", flat=True)) == covered


@settings(max_examples=50, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), spans=st.lists(periods(), min_size=1, max_size=4))
def test_legal_ground_active_on_is_the_rule(db, data, spans):
    day = query_day(data, [d for span in spans for d in span])
    with rolled_back():
        organisation = OrganisationFactory(municipality_sector=True)
        recorder = ProfessionalFactory()
        rows = [LegalGroundFactory(child=ChildFactory(), organisation=organisation,
                                   recorded_by=recorder, valid_from=start, valid_until=end)
                for start, end in spans]
        by_span = list(zip(rows, spans, strict=True))
        expected = {row.pk for row, (start, end) in by_span if within(day, start, end)}

        grounds = LegalGround.objects.filter(organisation=organisation)
        assert set(grounds.active_on(day).values_list("pk", flat=True)) == expected
        assert {row.pk for row in rows if row.is_active_on(day)} == expected
        assert {row.pk for row in rows if row.has_ended_before(day)} == {
            row.pk for row, (_, end) in by_span if end is not None and end < day}
        joined = Child.objects.filter(LegalGround.active_q(day, prefix="legal_grounds__"),
                                      pk__in=[row.child_id for row in rows])
        assert set(joined.values_list("pk", flat=True)) == {
            row.child_id for row in rows if row.pk in expected}

