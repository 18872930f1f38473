"""`TeamMembership`: `active_on` / `active_q` / `is_active_on` are the written-out rule, and
the policy's core team of a school is exactly today's active core-team memberships."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from hypothesis import HealthCheck, given, settings, strategies as st

from schakel.access import policy
from schakel.organisations.models import Professional
from schakel.teams.models import TeamLayer, TeamMembership
from tests.dated import periods, query_day, rolled_back
from tests.factories import ProfessionalFactory, SchoolFactory, TeamFactory, actor_for


def within(day: dt.date, start: dt.date, end: dt.date | None) -> bool:
    return start <= day and (end is None or day <= end)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), spans=st.lists(periods(), min_size=1, max_size=4))
def test_membership_active_on_is_the_rule(db, data, spans):
    day = query_day(data, [d for span in spans for d in span])
    with rolled_back():
        team = TeamFactory(school=SchoolFactory())
        rows = [TeamMembership.objects.create(
            team=team, professional=ProfessionalFactory(), start_date=start, end_date=end)
            for start, end in spans]
        expected = {row.pk for row, (start, end) in zip(rows, spans, strict=True)
                    if within(day, start, end)}
        memberships = TeamMembership.objects.filter(team=team)
        assert set(memberships.active_on(day).values_list("pk", flat=True)) == expected
        assert {row.pk for row in rows if row.is_active_on(day)} == expected
        people = Professional.objects.filter(
            TeamMembership.active_q(day, "team_memberships__"), team_memberships__team=team)
        assert set(people.values_list("pk", flat=True)) == {
            row.professional_id for row in rows if row.pk in expected}


def test_the_core_team_of_the_policy_is_todays_members(db):
    school = SchoolFactory()
    team = TeamFactory(school=school, layer=TeamLayer.CORE)
    today = timezone.localdate()
    current, former, future = ProfessionalFactory(), ProfessionalFactory(), ProfessionalFactory()
    TeamMembership.objects.create(team=team, professional=current,
                                  start_date=today - dt.timedelta(days=10))
    TeamMembership.objects.create(team=team, professional=former,
                                  start_date=today - dt.timedelta(days=10),
                                  end_date=today - dt.timedelta(days=1))
    TeamMembership.objects.create(team=team, professional=future,
                                  start_date=today + dt.timedelta(days=1))
    assert policy.core_team_school_ids(actor_for(current)) == {school.pk}
    assert policy.core_team_school_ids(actor_for(former)) == frozenset()
    assert policy.core_team_school_ids(actor_for(future)) == frozenset()
