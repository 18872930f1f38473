"""Across organisations a case's content follows consent (issue 3; `policy.may_read_case`): the
organisation that opened the case holds the file and reads without one; any other
organisation's professional, even the coordinator or someone actively involved, reads only
on a care consent in force today under the age rule, or a legal ground, for every child of
the case. The check reads the database on every request, so a withdrawal refuses the very
next one."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.http import Http404
from django.test import Client
from django.urls import reverse

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.access.policy import Ground
from schakel.audit.models import AccessEvent, Outcome
from schakel.cases.models import Case
from schakel.cases.selectors import _cases_for_actor, case_get
from schakel.children.models import Child, Guardian
from schakel.consent.models import Consent, InformationCategory
from schakel.consent.services import consent_withdraw
from schakel.organisations.models import Organisation, Professional
from tests.factories import (
    CaseFactory,
    ChildFactory,
    ConsentFactory,
    ConsentSignatureFactory,
    FamilyFactory,
    GuardianFactory,
    GuardianshipFactory,
    LegalGroundFactory,
    OrganisationFactory,
    ProfessionalFactory,
    SchoolFactory,
    actor_for,
    care_consent,
    days_ago,
    days_ahead,
)
from tests.support import sign_in


@dataclass
class ConsentWorld:
    """A case opened and coordinated by a school's IB'er (the school's organisation holds the
    file), with a teacher of the same school and a youth nurse of the GGD involved."""

    holder: Professional
    teacher: Professional
    nurse: Professional
    child: Child
    guardian: Guardian
    case: Case

    def nurse_actor(self) -> Actor:
        return actor_for(self.nurse)


def build(age: int = 9) -> ConsentWorld:
    school = SchoolFactory(name="Basisschool De Wilg")
    holder = ProfessionalFactory(support_coordinator=True, organisation=school.organisation,
                                 full_name="Ilse Bakker")
    teacher = ProfessionalFactory(teacher=True, organisation=school.organisation)
    nurse = ProfessionalFactory(nurse=True, organisation=OrganisationFactory(care=True),
                                full_name="Anne de Vries")
    child = ChildFactory(age=age, enrolled_at=school)
    guardian = GuardianshipFactory(child=child).guardian
    case = CaseFactory(child=child, school=school, coordinator=holder, opened_by=holder,
                       involved=[teacher, nurse])
    return ConsentWorld(holder=holder, teacher=teacher, nurse=nurse, child=child,
                        guardian=guardian, case=case)


@pytest.fixture
def cw(db: None) -> ConsentWorld:
    return build()


def reads(actor: Actor, case: Case) -> bool:
    """Whether `case_get` lets the actor in (a refusal is the same 404 as missing)."""
    try:
        case_get(actor=actor, case_id=case.pk)
    except Http404:
        return False
    return True


def last_event(professional: Professional) -> AccessEvent:
    return AccessEvent.objects.filter(user_id=professional.user_id).latest("pk")


# --- the file holder ---------------------------------------------------------------------


def test_the_file_holders_organisation_reads_without_consent(cw: ConsentWorld) -> None:
    assert not Consent.objects.exists()
    for professional, ground in ((cw.holder, Ground.COORDINATOR), (cw.teacher, Ground.INVOLVED)):
        _case, decision = case_get(actor=actor_for(professional), case_id=cw.case.pk)
        assert (decision.ground, decision.basis) == (ground, "file_holder")
        event = last_event(professional)
        assert (event.event_code, event.outcome, event.child_id, event.ground) == (
            "case.view", Outcome.SUCCESS, cw.child.pk, f"{ground}; file_holder")


# --- another organisation ----------------------------------------------------------------


def test_another_organisation_is_refused_without_consent(cw: ConsentWorld) -> None:
    with pytest.raises(Http404):
        case_get(actor=cw.nurse_actor(), case_id=cw.case.pk)
    event = last_event(cw.nurse)
    assert (event.event_code, event.outcome, event.child_id, event.object_id) == (
        "case.view", Outcome.DENIED, cw.child.pk, str(cw.case.pk))
    assert not policy.may_contribute_to_case(cw.nurse_actor(), cw.case)


def test_the_coordinator_of_another_organisation_also_needs_consent(db: None) -> None:
    cw = build()
    Case.objects.filter(pk=cw.case.pk).update(coordinator=cw.nurse)
    cw.case.refresh_from_db()
    assert not reads(cw.nurse_actor(), cw.case)
    assert not policy.may_steer_case(cw.nurse_actor(), cw.case)
    care_consent(cw.child, cw.nurse.organisation)
    assert policy.may_steer_case(cw.nurse_actor(), cw.case).ground == Ground.COORDINATOR


def test_with_consent_the_read_is_logged_with_the_consent(cw: ConsentWorld) -> None:
    consent = ConsentFactory(child=cw.child, organisation=cw.nurse.organisation,
                             signed_by=[cw.guardian])  # Bas is 9: his mother with custody
    _case, decision = case_get(actor=cw.nurse_actor(), case_id=cw.case.pk)
    assert (decision.ground, decision.basis) == (Ground.INVOLVED, f"consent #{consent.pk}")
    event = last_event(cw.nurse)
    assert (event.event_code, event.outcome, event.child_id) == (
        "case.view", Outcome.SUCCESS, cw.child.pk)
    assert f"consent #{consent.pk}" in event.ground
    assert event.ground == f"involved; consent #{consent.pk}"


def test_after_a_withdrawal_the_very_next_read_is_404(cw: ConsentWorld) -> None:
    consent = ConsentFactory(child=cw.child, organisation=cw.nurse.organisation,
                             signed_by=[cw.guardian])
    actor = cw.nurse_actor()  # the same actor (and its caches) before and after
    assert reads(actor, cw.case)
    consent_withdraw(actor=actor_for(cw.holder), child=cw.child, consent_id=consent.pk,
                     by_guardian=cw.guardian)
    with pytest.raises(Http404):
        case_get(actor=actor, case_id=cw.case.pk)
    assert last_event(cw.nurse).outcome == Outcome.DENIED
    assert reads(actor_for(cw.holder), cw.case)  # the file holder reads on


def test_after_a_withdrawal_the_case_content_is_gone_at_once(
        client: Client, cw: ConsentWorld) -> None:
    """The very next request shows only that the case awaits consent (the professional is
    still involved); an outsider's 404 is tested elsewhere."""
    consent = care_consent(cw.child, cw.nurse.organisation)
    sign_in(client, cw.nurse.user)
    url = reverse("cases:detail", kwargs={"case_id": cw.case.pk})
    assert cw.case.title in client.get(url).content.decode()
    consent_withdraw(actor=actor_for(cw.holder), child=cw.child, consent_id=consent.pk,
                     by_guardian=cw.guardian)
    page = client.get(url).content.decode()
    assert cw.case.title not in page
    assert "no consent or legal ground yet" in page
    assert not reads(cw.nurse_actor(), cw.case)


@pytest.mark.parametrize("kind", ["other_category", "other_organisation", "expired",
                                  "not_yet_given", "withdrawn"])
def test_a_consent_that_is_not_for_this_is_not_enough(cw: ConsentWorld, kind: str) -> None:
    fields: dict[str, object] = {"child": cw.child, "organisation": cw.nurse.organisation,
                                 "signed_by": [cw.guardian]}
    if kind == "other_category":
        fields["category"] = InformationCategory.CONTACT
    elif kind == "other_organisation":
        fields["organisation"] = OrganisationFactory(care=True)
    elif kind == "expired":
        fields["expired"] = True
    elif kind == "not_yet_given":
        fields["given_at"] = days_ahead(3)
    else:
        fields["withdrawn"] = True
    ConsentFactory(**fields)
    assert not reads(cw.nurse_actor(), cw.case)


def test_a_legal_ground_also_allows(cw: ConsentWorld) -> None:
    ground = LegalGroundFactory(child=cw.child, organisation=cw.nurse.organisation,
                                category=InformationCategory.CARE, meldcode=True)
    _case, decision = case_get(actor=cw.nurse_actor(), case_id=cw.case.pk)
    assert decision.basis == f"meldcode #{ground.pk}"
    assert last_event(cw.nurse).ground == f"involved; meldcode #{ground.pk}"


def test_an_ended_legal_ground_does_not_allow(cw: ConsentWorld) -> None:
    LegalGroundFactory(child=cw.child, organisation=cw.nurse.organisation,
                       category=InformationCategory.CARE, meldcode=True,
                       valid_from=days_ago(90), valid_until=days_ago(1))
    assert not reads(cw.nurse_actor(), cw.case)


# --- family cases ------------------------------------------------------------------------


def test_a_family_case_needs_a_ground_for_every_child(db: None) -> None:
    school = SchoolFactory()
    holder = ProfessionalFactory(support_coordinator=True, organisation=school.organisation)
    nurse = ProfessionalFactory(nurse=True)
    family = FamilyFactory()
    first = ChildFactory(family=family, age=7)
    second = ChildFactory(family=family, age=4)
    guardian = GuardianshipFactory(child=first).guardian
    GuardianshipFactory(child=second, guardian=guardian)
    case = CaseFactory(for_family=True, family=family, school=school, coordinator=holder,
                       opened_by=holder, involved=[nurse])
    consent = ConsentFactory(child=first, organisation=nurse.organisation, signed_by=[guardian])
    assert not reads(actor_for(nurse), case)
    ground = LegalGroundFactory(child=second, organisation=nurse.organisation,
                                category=InformationCategory.CARE, meldcode=True)
    _case, decision = case_get(actor=actor_for(nurse), case_id=case.pk)
    assert sorted(decision.basis.split(", ")) == [
        f"consent #{consent.pk}", f"meldcode #{ground.pk}"]
    logged = AccessEvent.objects.filter(user_id=nurse.user_id, outcome=Outcome.SUCCESS)
    assert {e.child_id for e in logged} == {first.pk, second.pk}


@pytest.mark.parametrize("children", [1, 4])
def test_the_consent_check_of_a_family_case_costs_the_same_queries_for_more_children(
        db: None, django_assert_num_queries: Any, children: int) -> None:
    """One custody, one consent and one signature query for the whole family (as a child
    case costs), not three per child."""
    school = SchoolFactory()
    holder = ProfessionalFactory(support_coordinator=True, organisation=school.organisation)
    nurse = ProfessionalFactory(nurse=True)
    family = FamilyFactory()
    guardian = GuardianFactory()
    for age in range(4, 4 + children):
        child = ChildFactory(family=family, age=age)
        GuardianshipFactory(child=child, guardian=guardian)
        care_consent(child, nurse.organisation)
    made = CaseFactory(for_family=True, family=family, school=school, coordinator=holder,
                       opened_by=holder, involved=[nurse])
    case = Case.objects.select_related("opened_by", "child").get(pk=made.pk)
    actor = actor_for(nurse)
    policy.may_read_case(actor, case)  # the actor's caches
    # the involvement, the family's children, custody, consents and their signatures
    with django_assert_num_queries(5):
        assert policy.may_read_case(actor, case)


@pytest.mark.parametrize("organisations", [1, 4])
def test_which_involved_organisations_lack_consent_costs_the_same_queries_for_more(
        db: None, django_assert_max_num_queries: Any, organisations: int) -> None:
    """The case page asks it for every organisation involved: one custody, one consent (and
    signature) and one legal-ground query whatever their number."""
    cw = build()
    others: list[Organisation] = [OrganisationFactory() for _n in range(organisations)]
    care_consent(cw.child, others[0])
    case = Case.objects.select_related("opened_by", "child").get(pk=cw.case.pk)
    with django_assert_max_num_queries(4):
        lacking = policy.organisations_lacking_care_basis(others, case)
    assert lacking == {o.pk for o in others[1:]}


# --- the age rule ------------------------------------------------------------------------


def test_at_13_the_parents_consent_alone_is_not_enough(db: None) -> None:
    cw = build(age=13)
    consent = ConsentFactory(child=cw.child, organisation=cw.nurse.organisation,
                             signed_by=[cw.guardian])
    assert not reads(cw.nurse_actor(), cw.case)
    ConsentSignatureFactory(consent=consent, young_person=True)
    assert reads(cw.nurse_actor(), cw.case)


def test_at_13_the_young_persons_consent_alone_is_not_enough(db: None) -> None:
    cw = build(age=13)
    ConsentFactory(child=cw.child, organisation=cw.nurse.organisation,
                   signed_by_young_person=True)
    assert not reads(cw.nurse_actor(), cw.case)


def test_at_17_only_the_young_persons_own_consent_counts(db: None) -> None:
    cw = build(age=17)
    parents = ConsentFactory(child=cw.child, organisation=cw.nurse.organisation,
                             signed_by=[cw.guardian])
    assert not reads(cw.nurse_actor(), cw.case)
    own = ConsentFactory(child=cw.child, organisation=cw.nurse.organisation,
                         signed_by_young_person=True)
    _case, decision = case_get(actor=cw.nurse_actor(), case_id=cw.case.pk)
    assert decision.basis == f"consent #{own.pk}" != f"consent #{parents.pk}"


@pytest.mark.parametrize("age", [4, 11, 12, 15, 16, 17])
def test_the_fixture_helper_gives_what_the_age_rule_asks(db: None, age: int) -> None:
    """`care_consent` (used by the fixtures) signs as the rule requires on the day."""
    cw = build(age=age)
    consent = care_consent(cw.child, cw.nurse.organisation)
    signatures = list(consent.signatures.all())
    assert any(s.is_young_person for s in signatures) is (age >= 12)
    assert any(s.guardian_id == cw.guardian.pk for s in signatures) is (age < 16)
    assert reads(cw.nurse_actor(), cw.case)


def test_lists_show_only_what_the_pages_allow(cw: ConsentWorld) -> None:
    """The case list and the own agreements follow the same rule as the case page: without a
    ground the case is not listed; after consent it is; after a withdrawal it is gone again —
    from the next request on (each request has an actor of its own)."""
    assert list(_cases_for_actor(actor=cw.nurse_actor())) == []
    consent = ConsentFactory(child=cw.child, organisation=cw.nurse.organisation,
                             signed_by=[cw.guardian])
    assert list(_cases_for_actor(actor=cw.nurse_actor())) == [cw.case]
    consent_withdraw(actor=actor_for(cw.holder), child=cw.child, consent_id=consent.pk,
                     by_guardian=cw.guardian)
    assert list(_cases_for_actor(actor=cw.nurse_actor())) == []


def test_the_listable_cases_are_read_once_per_actor(
        cw: ConsentWorld, django_assert_num_queries: Any) -> None:
    """Lists filter by `listable_case_ids` several times a request: one query per actor (that
    is, per request), the same ids each time, and a new actor reads them afresh."""
    ConsentFactory(child=cw.child, organisation=cw.nurse.organisation, signed_by=[cw.guardian])
    actor = cw.nurse_actor()
    with django_assert_num_queries(1):
        assert policy.listable_case_ids(actor) == {cw.case.pk}
    with django_assert_num_queries(0):
        assert policy.listable_case_ids(actor) == {cw.case.pk}
    other = CaseFactory(child=cw.child, school=cw.case.school, coordinator=cw.nurse)
    assert policy.listable_case_ids(actor) == {cw.case.pk}
    assert policy.listable_case_ids(cw.nurse_actor()) == {cw.case.pk, other.pk}
