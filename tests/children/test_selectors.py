"""Child reads: the overview, pupil search, siblings; each child shown is logged."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext

from schakel.access.policy import Ground
from schakel.audit.models import AccessEvent, Outcome
from schakel.children.selectors import (
    SEARCH_LIMIT,
    _siblings,
    child_get,
    pupil_at_school,
    pupils_search,
    siblings_shown,
)
from tests.conftest import World
from tests.factories import (
    CaseFactory,
    ChildFactory,
    EnrolmentFactory,
    GuardianshipFactory,
    ProfessionalFactory,
    actor_for,
)


def count_queries(action: Callable[[], object]) -> int:
    with CaptureQueriesContext(connection) as ctx:
        action()
    return len(ctx.captured_queries)


# --- child_get ---------------------------------------------------------------------------


def test_the_core_team_reads_a_pupil(world: World):
    child, decision = child_get(actor=world.actor(world.core_member), child_id=world.child.pk)
    assert (child, decision.ground) == (world.child, Ground.CORE_TEAM)
    event = AccessEvent.objects.get()
    assert (event.event_code, event.outcome, event.child_id, event.object_type) == (
        "child.view", Outcome.SUCCESS, world.child.pk, "children.child")


def test_those_involved_in_a_family_case_read_each_child(world: World):
    sister = ChildFactory(family=world.family)
    worker = ProfessionalFactory()
    CaseFactory(for_family=True, family=world.family, school=world.school, coordinator=worker,
                consented=True)
    _, decision = child_get(actor=actor_for(worker), child_id=sister.pk)
    assert decision.ground == Ground.COORDINATOR


@pytest.mark.parametrize("who", ["outsider", "teacher", "other_core_member", "log_admin"])
def test_others_get_404_and_a_denied_row(world: World, who):
    with pytest.raises(Http404):
        child_get(actor=world.actor(getattr(world, who)), child_id=world.child.pk)
    event = AccessEvent.objects.get()
    assert (event.outcome, event.child_id) == (Outcome.DENIED, world.child.pk)


def test_a_missing_child_is_the_same_404(world: World):
    with pytest.raises(Http404):
        child_get(actor=world.actor(world.core_member), child_id=world.child.pk + 999)
    assert AccessEvent.objects.get().child_id is None


def _add_history(world: World, n: int) -> None:
    for _ in range(n):
        EnrolmentFactory(child=world.child, ended=True, with_class=True)
        GuardianshipFactory(child=world.child)


def _read_child(world: World) -> None:
    child, _ = child_get(actor=world.actor(world.core_member), child_id=world.child.pk)
    for enrolment in child.enrolments.all():
        _ = (enrolment.school.name, enrolment.school_class)
    for guardianship in child.guardianships.all():
        _ = guardianship.guardian.full_name
    _ = child.family


def test_child_get_takes_constant_queries(world: World, django_assert_num_queries):
    _add_history(world, 1)
    one = count_queries(lambda: _read_child(world))
    _add_history(world, 9)
    with django_assert_num_queries(one):
        _read_child(world)


# --- pupil search ------------------------------------------------------------------------


def test_search_finds_current_pupils_by_name_or_number(world: World):
    bastiaan = ChildFactory(first_name="Bastiaan", last_name="Kok")
    EnrolmentFactory(child=bastiaan, school=world.school, pupil_number="77001")
    leaver = ChildFactory(first_name="Basje")
    EnrolmentFactory(child=leaver, school=world.school, ended=True)
    elsewhere = ChildFactory(first_name="Bas")
    EnrolmentFactory(child=elsewhere, school=world.other_school)
    actor = world.actor(world.teacher)
    found = pupils_search(actor=actor, school_id=world.school.pk, query=" bas ")
    assert {e.child for e in found} == {world.child, bastiaan}
    assert [e.child for e in pupils_search(actor=actor, school_id=world.school.pk,
                                           query="77001")] == [bastiaan]
    assert [e.child for e in pupils_search(actor=actor, school_id=world.school.pk,
                                           query="kok")] == [bastiaan]


def test_search_needs_two_characters_and_rights(world: World):
    assert pupils_search(actor=world.actor(world.teacher), school_id=world.school.pk,
                         query=" b ") == []
    assert pupils_search(actor=world.actor(world.nurse), school_id=world.school.pk,
                         query="bas") == []
    assert not AccessEvent.objects.exists()


def test_search_is_limited(world: World):
    for _ in range(SEARCH_LIMIT + 5):
        ChildFactory(first_name="Anna", enrolled_at=world.school)
    found = pupils_search(actor=world.actor(world.core_member), school_id=world.school.pk,
                          query="anna")
    assert len(found) == SEARCH_LIMIT
    assert AccessEvent.objects.count() == SEARCH_LIMIT


def test_pupil_at_school(world: World):
    leaver = ChildFactory()
    EnrolmentFactory(child=leaver, school=world.school, ended=True)
    actor = world.actor(world.core_member)
    enrolment = pupil_at_school(actor=actor, school_id=world.school.pk, child_id=world.child.pk)
    assert enrolment is not None
    assert enrolment.child == world.child
    assert pupil_at_school(actor=actor, school_id=world.school.pk, child_id=leaver.pk) is None
    assert pupil_at_school(actor=world.actor(world.outsider), school_id=world.school.pk,
                           child_id=world.child.pk) is None
    assert list(AccessEvent.objects.values_list("child_id", flat=True)) == [world.child.pk]


# --- siblings ----------------------------------------------------------------------------


def test_siblings_are_the_rest_of_the_family(world: World):
    sisters = ChildFactory.create_batch(2, family=world.family)
    ChildFactory()  # no family
    assert set(_siblings(world.child)) == set(sisters)
    assert list(_siblings(ChildFactory())) == []
    shown = siblings_shown(actor=world.actor(world.core_member), child=world.child)
    assert set(shown) == set(sisters)
    assert set(AccessEvent.objects.values_list("child_id", flat=True)) == {
        s.pk for s in sisters}
    assert set(AccessEvent.objects.values_list("event_code", flat=True)) == {"child.siblings"}
