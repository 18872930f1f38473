"""`policy.prevention` per role: the kernteam and the municipality's policy officer change a
school's matrix; its steering group reads it; anyone else gets 404 and finds it in no list."""

from __future__ import annotations

import datetime as dt

import pytest
from django.http import Http404
from django.utils import timezone

from schakel.access import policy
from schakel.access.policy.core import Ground
from schakel.audit.events import EventCode
from schakel.audit.models import AccessEvent, Outcome
from schakel.prevention.models import RankedKind
from schakel.prevention.selectors import (
    prevention_matrix_get,
    prevention_schools_for,
    ranked_item_for_change,
    school_for_prevention_change,
)
from schakel.prevention.services import ranked_item_add
from schakel.teams.models import TeamMembership
from tests.factories import ProfessionalFactory
from tests.prevention.helpers import People

pytestmark = pytest.mark.django_db

# role -> (reads, changes, the ground of the decision)
EXPECTED: dict[str, tuple[bool, bool, Ground]] = {
    "core": (True, True, Ground.CORE_TEAM),
    "officer": (True, True, Ground.POLICY_OFFICER),
    "steering": (True, False, Ground.STEERING_GROUP),
    "teacher": (False, False, Ground.NONE),
    "other_officer": (False, False, Ground.NONE),
    "other_core": (False, False, Ground.NONE),
    "director": (False, False, Ground.NONE),
}


@pytest.mark.parametrize("role", list(EXPECTED))
def test_each_role(people: People, role: str) -> None:
    reads, changes, ground = EXPECTED[role]
    actor = people.actor(getattr(people, role))
    read = policy.may_read_prevention_matrix(actor, people.school)
    assert bool(read) == reads
    assert read.ground == ground
    assert bool(policy.may_change_prevention_matrix(actor, people.school)) == changes
    assert (people.school in prevention_schools_for(actor=actor)) == reads
    if reads:
        page = prevention_matrix_get(actor=actor, school_id=people.school.pk)
        assert page.may_change == changes
    else:
        with pytest.raises(Http404):
            prevention_matrix_get(actor=actor, school_id=people.school.pk)
    if not changes:
        with pytest.raises(Http404):
            school_for_prevention_change(actor=actor, school_id=people.school.pk)


def test_refusals_are_logged_and_a_missing_school_is_the_same_404(people: People) -> None:
    teacher = people.actor(people.teacher)
    for school_id in (people.school.pk, 999_999):
        with pytest.raises(Http404):
            prevention_matrix_get(actor=teacher, school_id=school_id)
    denied = AccessEvent.objects.filter(event_code=EventCode.PREVENTION_READ,
                                        outcome=Outcome.DENIED, user_id=teacher.user.pk)
    assert denied.count() == 2


def test_a_row_of_another_school_is_404_even_to_an_editor(people: People) -> None:
    item = ranked_item_add(actor=people.actor(people.other_core),
                           school=people.other_core.team_memberships.get().team.school,
                           kind=RankedKind.DESIRED, text="Iets")
    with pytest.raises(Http404):
        ranked_item_for_change(actor=people.actor(people.core), school_id=people.school.pk,
                               item_id=item.pk)


def test_a_member_who_left_the_kernteam_no_longer_changes_it(people: People) -> None:
    TeamMembership.objects.filter(professional=people.core).update(
        end_date=timezone.localdate() - dt.timedelta(days=1))
    assert not policy.may_read_prevention_matrix(people.actor(people.core), people.school)


def test_a_policy_officer_of_a_care_organisation_is_no_municipality_officer(
        people: People) -> None:
    # The factory's functional administrator has the function of a policy officer at a GGD.
    administrator = ProfessionalFactory(functional_administrator=True)
    assert policy.policy_officer_municipality(people.actor(administrator)) == ""
    assert not policy.may_read_prevention_matrix(people.actor(administrator), people.school)
    assert policy.policy_officer_municipality(people.actor(people.officer)) == "Hengeloo"
