"""Every factory builds a valid row, and the traits do what their names say."""

from __future__ import annotations

from typing import Any

import pytest

from schakel.cases.models import AgreementStatus, CaseStatus, Involvement
from schakel.organisations.models import Function, Sector
from schakel.signals.models import SignalLevel
from schakel.teams.models import TeamLayer
from tests import factories as f

pytestmark = pytest.mark.django_db

ALL_FACTORIES: list[Any] = [
    f.UserFactory, f.PlanTemplateFactory, f.RegionFactory, f.OrganisationFactory,
    f.SchoolFactory, f.SchoolClassFactory, f.ProfessionalFactory, f.TeamFactory,
    f.TeamMembershipFactory, f.FamilyFactory, f.ChildFactory, f.EnrolmentFactory,
    f.GuardianFactory, f.GuardianshipFactory, f.ThemeFactory, f.SignalFactory, f.CaseFactory,
    f.InvolvementFactory, f.ConsultationFactory, f.PlanStepEntryFactory, f.AgreementFactory,
    f.InterventionFactory, f.ClassroomAdviceFactory, f.EscalationFactory,
    f.AccessEventFactory, f.NotificationFactory, f.MeasureFactory, f.ConsentFactory,
    f.ConsentSignatureFactory, f.LegalGroundFactory, f.SchoolPartnerFactory,
]


@pytest.mark.parametrize("factory_class", ALL_FACTORIES, ids=lambda c: c.__name__)
def test_every_factory_builds_a_valid_saved_row(factory_class):
    obj = factory_class()
    obj.full_clean()
    assert obj.pk is not None
    assert type(obj).objects.filter(pk=obj.pk).exists()


def test_two_of_each_do_not_clash_on_unique_fields():
    for factory_class in ALL_FACTORIES:
        factory_class.create_batch(2)


@pytest.mark.parametrize(("trait", "age"), [
    ("toddler", 4), ("under_12", 7), ("age_12_to_15", 13), ("age_16_plus", 17)])
def test_child_age_traits(trait, age):
    child = f.ChildFactory(**{trait: True})
    assert child.age_on(f.today()) == age


def test_child_enrolled_at_makes_a_current_enrolment():
    school = f.SchoolFactory()
    child = f.ChildFactory(enrolled_at=school)
    enrolment = child.enrolments.get()
    assert enrolment.school == school
    assert enrolment.start_date <= f.today()
    assert enrolment.end_date is None


def test_organisation_sector_traits():
    assert f.OrganisationFactory(education=True).sector == Sector.EDUCATION
    assert f.OrganisationFactory(child_protection=True).sector == Sector.CHILD_PROTECTION
    assert f.OrganisationFactory(municipality_sector=True).sector == Sector.MUNICIPALITY


def test_professional_traits_and_core_team():
    school = f.SchoolFactory()
    coordinator = f.ProfessionalFactory(support_coordinator=True, core_team_of=school)
    assert coordinator.function == Function.SUPPORT_COORDINATOR
    assert coordinator.organisation.sector == Sector.EDUCATION
    membership = coordinator.team_memberships.get()
    assert (membership.team.school, membership.team.layer) == (school, TeamLayer.CORE)
    admin = f.ProfessionalFactory(log_administrator=True)
    assert admin.is_log_administrator
    broad = f.TeamMembershipFactory(broad_team=True)
    assert broad.team.layer == TeamLayer.BROAD


def test_case_coordinator_is_involved_unless_told_otherwise():
    nurse = f.ProfessionalFactory()
    other = f.ProfessionalFactory()
    case = f.CaseFactory(coordinator=nurse, involved=[other])
    assert set(case.involvements.values_list("professional", flat=True)) == {nurse.pk, other.pk}
    bare = f.CaseFactory(coordinator=nurse, involve_coordinator=False)
    assert not Involvement.objects.filter(case=bare).exists()


def test_case_and_signal_traits():
    assert f.CaseFactory(for_family=True).child is None
    assert f.CaseFactory(closed=True).status == CaseStatus.CLOSED
    signal = f.SignalFactory(class_level=True)
    assert signal.level == SignalLevel.CLASS
    assert signal.school_class.school == signal.school
    assert f.SignalFactory(school_level=True).school_class is None
    child_signal = f.SignalFactory()
    assert child_signal.child.enrolments.filter(school=child_signal.school).exists()


def test_agreement_traits():
    assert f.AgreementFactory(overdue=True).is_overdue
    assert not f.AgreementFactory().is_overdue
    assert f.AgreementFactory(done=True).status == AgreementStatus.DONE
    assert not f.GuardianshipFactory(without_custody=True).custody_periods.exists()
    assert f.GuardianshipFactory().custody_periods.get().end_date is None


def test_plan_step_versions_count_up():
    case = f.CaseFactory()
    assert [f.PlanStepEntryFactory(case=case, step=2).version for _ in range(3)] == [1, 2, 3]


def test_actor_factory_uses_the_professionals_user():
    professional = f.ProfessionalFactory()
    actor = f.ActorFactory(professional=professional)
    assert actor.user == professional.user
    assert actor.professional == professional


def test_world_fixture(world):
    assert world.school.contact_point == world.core_member
    assert world.case.coordinator == world.nurse
    assert list(world.case.involvements.values_list("professional", flat=True)) == [
        world.nurse.pk]
    assert world.child.enrolments.get().school_class == world.school_class


def test_consent_signatures():
    guardian = f.GuardianFactory()
    consent = f.ConsentFactory(signed_by=[guardian], signed_by_young_person=True)
    signatures = list(consent.signatures.order_by("is_young_person"))
    assert [(s.guardian, s.is_young_person) for s in signatures] == [
        (guardian, False), (None, True)]
    assert not f.ConsentFactory(withdrawn=True).is_withdrawn_on(f.days_ago(1))
    assert f.ConsentFactory(withdrawn=True).is_withdrawn_on(f.today())


def test_measure_traits():
    measure = f.MeasureFactory()
    assert measure.organisation == measure.worker.organisation
    assert measure.is_active_on(f.today())
    assert not f.MeasureFactory(ended=True).is_active_on(f.today())
