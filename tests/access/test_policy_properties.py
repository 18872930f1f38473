"""The policy's query filters agree with its per-object decisions, in random small worlds.

Lists (filters) and detail pages (decisions) must never disagree: a case in a list that then
404s, or a case readable by URL that no list shows, is a bug either way.

Across organisations a case's content also needs a care consent or ground for every child
(`policy.may_read_case`; the file holder is exempt), which `case_content_visible_q` leaves out.
So the agreement is checked in worlds where every organisation has consent for every child,
and `test_case_read_is_the_relationship_plus_a_care_basis` checks the consent part in worlds
with consents drawn at random."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import transaction
from hypothesis import given, settings, strategies as st

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.cases.models import Case, CaseStatus
from schakel.children.models import Child
from schakel.consent.models import InformationCategory
from schakel.organisations.models import Professional, School
from schakel.signals.models import Signal, SignalLevel
from tests.factories import (
    CaseFactory,
    ChildFactory,
    EnrolmentFactory,
    FamilyFactory,
    InvolvementFactory,
    OrganisationFactory,
    ProfessionalFactory,
    SchoolClassFactory,
    SchoolFactory,
    SignalFactory,
    TeamFactory,
    TeamMembershipFactory,
    UserFactory,
    actor_for,
    care_consent,
    case_children,
    days_ago,
    days_ahead,
    today,
)

N_SCHOOLS = 2
N_PROFESSIONALS = 4
N_CHILDREN = 4
N_FAMILIES = 2

# Enrolment and involvement periods relative to today: (start offset, end offset or None).
PERIODS = {
    "current": (-200, None),
    "ends_today": (-200, 0),
    "ended": (-400, -1),
    "future": (10, None),
    "ends_later": (-20, 30),
}


@contextmanager
def rolled_back() -> Iterator[None]:
    """Each example builds its world in a savepoint that is rolled back afterwards."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


@dataclass
class RandomWorld:
    schools: list[School]
    professionals: list[Professional]
    actors: list[Actor]


def build_world(data: st.DataObject, *, consent_for_all: bool = True) -> RandomWorld:
    """A random world. Every organisation has a care consent for every child, or, with
    `consent_for_all=False`, consents are drawn per child and organisation and cases are
    sometimes opened by one of the world's professionals (whose organisation then holds
    the file)."""
    schools: list[School] = [SchoolFactory() for _ in range(N_SCHOOLS)]
    classes = [SchoolClassFactory(school=s) for s in schools]
    care = OrganisationFactory(region=schools[0].organisation.region)
    organisations = [s.organisation for s in schools] + [care]
    professionals: list[Professional] = []
    for _ in range(N_PROFESSIONALS):
        member = ProfessionalFactory(organisation=data.draw(st.sampled_from(organisations)))
        for school in schools:
            if data.draw(st.booleans()):
                TeamMembershipFactory(team=TeamFactory(school=school), professional=member)
        professionals.append(member)
    families = [FamilyFactory() for _ in range(N_FAMILIES)]
    children = []
    for index in range(N_CHILDREN):
        # Every family has a child (a family case about nobody has no one to consent).
        family = (families[index] if index < N_FAMILIES
                  else data.draw(st.sampled_from([None, *families])))
        child = ChildFactory(family=family)
        for school in schools:
            period = data.draw(st.sampled_from([None, *PERIODS]))
            if period is not None:
                start, end = PERIODS[period]
                EnrolmentFactory(child=child, school=school, start_date=days_ahead(start),
                                 end_date=None if end is None else days_ahead(end))
        children.append(child)
    for child in children:
        for organisation in organisations:
            if consent_for_all or data.draw(st.booleans()):
                care_consent(child, organisation)
    cases = []
    for _ in range(data.draw(st.integers(0, 4))):
        about_family = data.draw(st.booleans())
        case = CaseFactory(
            child=None if about_family else data.draw(st.sampled_from(children)),
            family=data.draw(st.sampled_from(families)) if about_family else None,
            school=data.draw(st.sampled_from(schools)),
            status=data.draw(st.sampled_from(CaseStatus.values)),
            coordinator=data.draw(st.sampled_from([None, *professionals])),
            involve_coordinator=data.draw(st.booleans()),
            **({} if consent_for_all else {
                "opened_by": data.draw(st.sampled_from(professionals))}),
        )
        for professional in professionals:
            if professional == case.coordinator:
                continue
            period = data.draw(st.sampled_from([None, *PERIODS]))
            if period is not None:
                start, end = PERIODS[period]
                InvolvementFactory(case=case, professional=professional,
                                   start_date=days_ago(300) if start < 0 else days_ahead(start),
                                   end_date=None if end is None else days_ahead(end))
        cases.append(case)
    for _ in range(data.draw(st.integers(0, 4))):
        index = data.draw(st.integers(0, N_SCHOOLS - 1))
        level = data.draw(st.sampled_from(SignalLevel.values))
        SignalFactory(
            school=schools[index], level=level,
            child=data.draw(st.sampled_from(children)) if level == SignalLevel.CHILD else None,
            school_class=classes[index] if level == SignalLevel.CLASS else None,
            raised_by=data.draw(st.sampled_from(professionals)),
            case=data.draw(st.sampled_from([None, *cases])),
        )
    actors = [actor_for(p) for p in professionals]
    actors.append(Actor(user=UserFactory(), professional=None))
    return RandomWorld(schools=schools, professionals=professionals, actors=actors)


def _ids(queryset: object) -> set[int]:
    return set(queryset.values_list("pk", flat=True))  # type: ignore[attr-defined]


@settings(max_examples=40)
@given(data=st.data())
def test_filters_agree_with_decisions(db, data):
    with rolled_back():
        world = build_world(data)
        all_cases = list(Case.objects.all())
        all_signals = list(Signal.objects.select_related("case"))
        all_children = list(Child.objects.all())
        for actor in world.actors:
            content = _ids(Case.objects.filter(policy.case_content_visible_q(actor)))
            assert content == {c.pk for c in all_cases if policy.may_read_case(actor, c)}

            signals = _ids(Signal.objects.filter(policy.signals_visible_q(actor)))
            assert signals == {s.pk for s in all_signals if policy.may_read_signal(actor, s)}

            children = _ids(Child.objects.filter(policy.children_visible_q(actor)))
            assert children == {c.pk for c in all_children if policy.may_read_child(actor, c)}

            schools = _ids(School.objects.filter(policy.schools_for_raising_q(actor)))
            assert schools == {
                s.pk for s in world.schools if policy.may_raise_signal(actor, s.pk)}


@settings(max_examples=40)
@given(data=st.data())
def test_existence_is_content_plus_the_core_teams_pupils(db, data):
    with rolled_back():
        world = build_world(data)
        day = today()
        for actor in world.actors:
            content = _ids(Case.objects.filter(policy.case_content_visible_q(actor)))
            existence = _ids(Case.objects.filter(policy.case_existence_visible_q(actor)))
            schools = policy.core_team_school_ids(actor)
            expected = set(content)
            for case in Case.objects.prefetch_related("child__enrolments"):
                if case.child is None:
                    if case.school_id in schools:
                        expected.add(case.pk)
                elif any(e.school_id in schools and e.start_date <= day
                         and (e.end_date is None or e.end_date >= day)
                         for e in case.child.enrolments.all()):
                    expected.add(case.pk)
            assert existence == expected
            assert content <= existence


def _care_basis(actor: Actor, case: Case) -> bool:
    """The file holder's organisation, or a care consent or ground for every child."""
    assert actor.professional is not None
    organisation = actor.professional.organisation
    if case.opened_by.organisation_id == organisation.pk:
        return True
    children = case_children(case)
    return bool(children) and all(
        policy.may_receive_category(child, organisation, InformationCategory.CARE)
        for child in children)


@settings(max_examples=40)
@given(data=st.data())
def test_case_read_is_the_relationship_plus_a_care_basis(db, data):
    with rolled_back():
        world = build_world(data, consent_for_all=False)
        all_cases = list(Case.objects.select_related("opened_by"))
        for actor in world.actors:
            works_on = _ids(Case.objects.filter(policy.case_content_visible_q(actor)))
            decisions = {c.pk: policy.may_read_case(actor, c) for c in all_cases}
            assert {pk for pk, d in decisions.items() if d} == {
                c.pk for c in all_cases if c.pk in works_on and _care_basis(actor, c)}
            for case in all_cases:
                decision = decisions[case.pk]
                if not decision:
                    continue
                assert actor.professional is not None
                holder = case.opened_by.organisation_id == actor.professional.organisation_id
                assert (decision.basis == "file_holder") is holder
                if not holder:
                    assert decision.basis.startswith("consent #")
