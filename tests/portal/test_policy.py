"""The inzage rules of the portal, computed from the age on the day (`policy.portal`): around
the 12th and 16th birthdays (leap days included), for the young person, the parent with
custody and the parent without; family cases; professionals are never portal users."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from hypothesis import given, strategies as st

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.access.policy import Ground, consenters
from schakel.cases.models import Case
from schakel.children.models import Child, Custody
from schakel.portal.models import SharedWithParents, WithheldEntry
from tests.factories import CaseFactory, actor_for
from tests.portal.fixtures import PortalWorld, portal_actor

DAYS = st.integers(min_value=-3, max_value=3)


def _birthday(birth: dt.date, years: int) -> dt.date:
    """The day `birth` turns `years` (29 February: 1 March in common years)."""
    try:
        return birth.replace(year=birth.year + years)
    except ValueError:
        return dt.date(birth.year + years, 3, 1)


births = st.one_of(
    st.dates(min_value=dt.date(1995, 1, 1), max_value=dt.date(2015, 12, 31)),
    st.sampled_from([dt.date(2000, 2, 29), dt.date(2004, 2, 29), dt.date(2008, 2, 29)]),
)


@given(birth=births, threshold=st.sampled_from([12, 16]), offset=DAYS)
def test_file_access_follows_the_age_on_the_day(
    pw: PortalWorld, birth: dt.date, threshold: int, offset: int,
) -> None:
    child = pw.young
    child.birth_date = birth
    child.save(update_fields=["birth_date"])
    Custody.objects.filter(guardianship__child=child).update(start_date=birth)
    day = _birthday(birth, threshold) + dt.timedelta(days=offset)
    age = consenters.age_on(birth, day)
    assert age == (threshold if offset >= 0 else threshold - 1)
    young = portal_actor(pw.young_user)
    mother = portal_actor(pw.mother_user)
    father = portal_actor(pw.father_user)

    assert bool(policy.may_read_file_in_portal(young, child, day)) == (age >= 12)
    assert bool(policy.may_read_file_in_portal(mother, child, day)) == (age < 16)
    assert not policy.may_read_file_in_portal(father, child, day)
    assert bool(policy.may_read_case_in_portal(young, pw.case_young, day)) == (age >= 12)
    assert bool(policy.may_read_case_in_portal(mother, pw.case_young, day)) == (age < 16)
    assert bool(policy.may_give_consent_in_portal(young, child, day)) == (age >= 12)
    assert bool(policy.may_give_consent_in_portal(mother, child, day)) == (age < 16)
    assert bool(policy.may_share_case_in_portal(young, pw.case_young, day)) == (age >= 16)
    assert policy.information_shows_case(child, day) == (age < 16)
    assert bool(policy.may_request_information(father, child, day)) == (age < 18)
    assert not policy.may_request_information(mother, child, day)


def test_grounds_name_the_relationship(pw: PortalWorld) -> None:
    assert policy.may_read_file_in_portal(portal_actor(pw.mother_user), pw.young).ground == (
        Ground.PARENT_WITH_CUSTODY)
    assert policy.may_read_file_in_portal(portal_actor(pw.young_user), pw.young).ground == (
        Ground.YOUNG_PERSON)
    assert policy.may_request_information(portal_actor(pw.father_user), pw.young).ground == (
        Ground.PARENT_WITHOUT_CUSTODY)


def test_a_parent_without_custody_may_only_ask(pw: PortalWorld) -> None:
    father = portal_actor(pw.father_user)
    for child, case in ((pw.little, pw.case_little), (pw.young, pw.case_young),
                        (pw.older, pw.case_older)):
        assert policy.may_request_information(father, child)
        assert policy.may_read_child_in_portal(father, child)
        assert not policy.may_read_file_in_portal(father, child)
        assert not policy.may_read_case_in_portal(father, case)
        assert not policy.may_give_consent_in_portal(father, child)
        assert not policy.may_read_access_log_in_portal(father, child)


def test_another_family_sees_nothing(pw: PortalWorld) -> None:
    other = portal_actor(pw.other_user)
    for child in (pw.little, pw.young, pw.older):
        assert not policy.may_read_child_in_portal(other, child)
        assert not policy.may_request_information(other, child)
    assert not policy.may_read_case_in_portal(other, pw.case_young)
    assert policy.may_read_case_in_portal(other, pw.case_other)


def test_the_seventeen_year_olds_case_is_hidden_from_parents_unless_shared(
    pw: PortalWorld,
) -> None:
    mother = portal_actor(pw.mother_user)
    assert not policy.may_read_case_in_portal(mother, pw.case_older)
    assert pw.case_older.pk not in _case_ids(mother, pw.older)
    sharing = SharedWithParents.objects.create(case=pw.case_older, young_person=pw.older,
                                               shared_at=timezone.now())
    assert policy.may_read_case_in_portal(mother, pw.case_older).ground == (
        Ground.SHARED_BY_YOUNG_PERSON)
    assert pw.case_older.pk in _case_ids(mother, pw.older)
    assert not policy.may_read_file_in_portal(mother, pw.older)  # consent and log stay private
    assert not policy.may_read_case_in_portal(portal_actor(pw.father_user), pw.case_older)
    sharing.ended_at = timezone.now()
    sharing.save()
    assert not policy.may_read_case_in_portal(mother, pw.case_older)


def _case_ids(actor: Actor, child: Child) -> set[int]:
    return set(Case.objects.filter(policy.portal_cases_q(actor, child)).values_list(
        "pk", flat=True))


def test_case_filter_agrees_with_case_decisions(pw: PortalWorld) -> None:
    family_case = CaseFactory(child=None, family=pw.young.family, school=pw.school,
                              coordinator=pw.nurse, opened_by=pw.core_member)
    cases: list[Case] = [pw.case_little, pw.case_young, pw.case_older, pw.case_other,
                         family_case]
    for user in (pw.mother_user, pw.young_user, pw.older_user, pw.father_user, pw.other_user):
        actor = portal_actor(user)
        readable = {c.pk for c in cases if policy.may_read_case_in_portal(actor, c)}
        listed: set[int] = set()
        for child in (pw.little, pw.young, pw.older, pw.other_child):
            listed |= _case_ids(actor, child)
        assert listed == readable, user.username


def test_family_cases_are_for_parents_with_custody_while_a_child_is_under_16(
    pw: PortalWorld,
) -> None:
    family_case = CaseFactory(child=None, family=pw.young.family, school=pw.school,
                              coordinator=pw.nurse, opened_by=pw.core_member)
    assert policy.may_read_case_in_portal(portal_actor(pw.mother_user), family_case)
    assert not policy.may_read_case_in_portal(portal_actor(pw.young_user), family_case)
    assert not policy.may_read_case_in_portal(portal_actor(pw.father_user), family_case)
    for child in (pw.little, pw.young):
        child.birth_date = child.birth_date - dt.timedelta(days=365 * 10)
        child.save()
    assert not policy.may_read_case_in_portal(portal_actor(pw.mother_user), family_case)


def test_withheld_entries_are_hidden_from_parents_only(pw: PortalWorld) -> None:
    WithheldEntry.objects.create(
        case=pw.case_young, object_type="plan_step", object_id=pw.step3.pk,
        reason="In het belang van Tina", withheld_by=pw.nurse, withheld_at=timezone.now())
    assert policy.portal_hidden_entries(portal_actor(pw.mother_user), pw.case_young) == {
        ("plan_step", pw.step3.pk)}
    assert policy.portal_hidden_entries(portal_actor(pw.young_user), pw.case_young) == set()


def test_professionals_and_strangers_are_no_portal_users(pw: PortalWorld) -> None:
    nurse = actor_for(pw.nurse)
    assert policy.portal_person(nurse) is None
    assert not policy.may_read_file_in_portal(nurse, pw.young)
    assert not policy.may_read_case_in_portal(nurse, pw.case_young)
    pw.mother.user = pw.nurse.user  # a professional's account linked as a parent
    pw.mother.save()
    assert policy.portal_person(actor_for(pw.nurse)) is None


def test_a_young_person_under_12_has_no_portal(pw: PortalWorld) -> None:
    pw.little.user = pw.young_user
    pw.young.user = None
    pw.young.save()
    pw.little.save()
    actor = portal_actor(pw.little.user)
    assert not policy.may_read_file_in_portal(actor, pw.little)
    assert not policy.may_read_case_in_portal(actor, pw.case_little)
    assert not policy.may_give_consent_in_portal(actor, pw.little)


def test_the_coordinator_withholds_and_answers_others_do_not(pw: PortalWorld) -> None:
    assert policy.may_withhold_entry(actor_for(pw.nurse), pw.case_young).ground == (
        Ground.COORDINATOR)
    assert policy.may_answer_correction(actor_for(pw.nurse), pw.case_young)
    assert not policy.may_withhold_entry(actor_for(pw.teacher), pw.case_young)
    assert not policy.may_withhold_entry(actor_for(pw.core_member), pw.case_young)
    assert not policy.may_withhold_entry(portal_actor(pw.mother_user), pw.case_young)
