"""A family around a secondary school for the portal tests: a mother with custody, a father
without custody, a child of 8, a young person of 13 and one of 17 (each with a case whose
coordinator is the youth nurse), and another family whose mother must see nothing."""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.test import Client

from schakel.access.actor import Actor
from schakel.accounts.models import User
from schakel.accounts.signin import PORTAL_SESSION, SEEN_AT, SIGNED_IN_AT
from schakel.cases.models import Agreement, Case, PlanStepEntry
from schakel.children.models import Child, Guardian
from schakel.consent.models import Consent, InformationCategory
from schakel.organisations.models import Professional, School
from tests.factories import (
    AgreementFactory,
    CaseFactory,
    ChildFactory,
    ConsentFactory,
    EnrolmentFactory,
    FamilyFactory,
    GuardianFactory,
    GuardianshipFactory,
    InterventionFactory,
    InvolvementFactory,
    PlanStepEntryFactory,
    ProfessionalFactory,
    SchoolClassFactory,
    SchoolFactory,
    UserFactory,
)

PORTAL_PASSWORD = "a-long-test-password-42"  # the UserFactory's


@dataclass
class PortalWorld:
    school: School
    core_member: Professional
    nurse: Professional
    teacher: Professional
    mother: Guardian
    father: Guardian
    other_mother: Guardian
    little: Child  # 8
    young: Child  # 13
    older: Child  # 17
    other_child: Child
    case_little: Case
    case_young: Case
    case_older: Case
    case_other: Case
    step3: PlanStepEntry
    agreement: Agreement

    @property
    def mother_user(self) -> User:
        assert self.mother.user is not None
        return self.mother.user

    @property
    def father_user(self) -> User:
        assert self.father.user is not None
        return self.father.user

    @property
    def young_user(self) -> User:
        assert self.young.user is not None
        return self.young.user

    @property
    def older_user(self) -> User:
        assert self.older.user is not None
        return self.older.user

    @property
    def other_user(self) -> User:
        assert self.other_mother.user is not None
        return self.other_mother.user


def portal_user(username: str, first_name: str, last_name: str) -> User:
    return UserFactory(username=username, first_name=first_name, last_name=last_name)


def _case(child: Child, school: School, nurse: Professional, opener: Professional,
          title: str) -> Case:
    return CaseFactory(child=child, school=school, coordinator=nurse, opened_by=opener,
                       title=title)


def build_portal_world() -> PortalWorld:
    school = SchoolFactory(secondary=True, name="Esrand College")
    school_class = SchoolClassFactory(school=school, name="2 havo b")
    core_member = ProfessionalFactory(
        support_coordinator=True, organisation=school.organisation, core_team_of=school,
        full_name="Karin Lammerink")
    school.contact_point = core_member
    school.save(update_fields=["contact_point"])
    nurse = ProfessionalFactory(nurse=True, full_name="Marieke ter Horst",
                                what_i_do="Jeugdverpleegkundige voor de school.")
    teacher = ProfessionalFactory(teacher=True, organisation=school.organisation,
                                  full_name="Daan Scholten")
    family = FamilyFactory(name="Gezin Kuipers")
    mother = GuardianFactory(full_name="Ingrid Kuipers",
                             user=portal_user("ingrid", "Ingrid", "Kuipers"))
    father = GuardianFactory(full_name="Marco Kuipers",
                             user=portal_user("marco", "Marco", "Kuipers"))
    children = {}
    for key, first_name, age in (("little", "Sem", 8), ("young", "Tina", 13),
                                 ("older", "Lotte", 17)):
        child = ChildFactory(first_name=first_name, last_name="Kuipers", family=family,
                             age=age)
        EnrolmentFactory(child=child, school=school, school_class=school_class)
        GuardianshipFactory(guardian=mother, child=child, relation="moeder")
        GuardianshipFactory(guardian=father, child=child, relation="vader", has_custody=False)
        children[key] = child
    for key, username in (("young", "tina"), ("older", "lotte")):
        child = children[key]
        child.user = portal_user(username, child.first_name, child.last_name)
        child.save(update_fields=["user"])
    cases = {key: _case(child, school, nurse, core_member, f"Zorgen om {child.first_name}")
             for key, child in children.items()}
    for case in cases.values():
        InvolvementFactory(case=case, professional=teacher, part="Mentor")
    step3 = PlanStepEntryFactory(case=cases["young"], step=3, filled_in_by=nurse,
                                 content="Tina komt op tijd en voelt zich thuis op school.")
    PlanStepEntryFactory(case=cases["young"], step=1, filled_in_by=core_member,
                         content="Tina komt vaak te laat.")
    agreement = AgreementFactory(case=cases["young"], owner=nurse,
                                 description="Gesprek met Tina en moeder")
    InterventionFactory(case=cases["young"], recorded_by=nurse, description="Mentorgesprekken")
    PlanStepEntryFactory(case=cases["older"], step=3, filled_in_by=nurse,
                         content="Lotte haalt haar examens zonder faalangst.")
    other_mother = GuardianFactory(full_name="Eva Jansen",
                                   user=portal_user("eva", "Eva", "Jansen"))
    other_child = ChildFactory(first_name="Bram", last_name="Jansen", age=10)
    EnrolmentFactory(child=other_child, school=school)
    GuardianshipFactory(guardian=other_mother, child=other_child)
    case_other = _case(other_child, school, nurse, core_member, "Zorgen om Bram")
    # The nurse's organisation did not open the cases: it reads the care content on consent.
    for child, guardian, young_person in (
            (children["little"], mother, False), (children["young"], mother, True),
            (children["older"], None, True), (other_child, other_mother, False)):
        care_consent(child, nurse, guardian=guardian, young_person=young_person)
    return PortalWorld(
        school=school, core_member=core_member, nurse=nurse, teacher=teacher, mother=mother,
        father=father, other_mother=other_mother, little=children["little"],
        young=children["young"], older=children["older"], other_child=other_child,
        case_little=cases["little"], case_young=cases["young"], case_older=cases["older"],
        case_other=case_other, step3=step3, agreement=agreement,
    )


def care_consent(child: Child, professional: Professional, *, guardian: Guardian | None,
                 young_person: bool) -> Consent:
    """Consent in force to share care content with the professional's organisation."""
    consent: Consent = ConsentFactory(
        child=child, organisation=professional.organisation, category=InformationCategory.CARE,
        signed_by=[guardian] if guardian is not None else [],
        signed_by_young_person=young_person)
    return consent


def portal_actor(user: User, role: str = "") -> Actor:
    """A fresh portal actor (fresh caches)."""
    return Actor(user=user, professional=None, ip_address="192.0.2.20", role=role)


def portal_sign_in(client: Client, user: User) -> Client:
    """A portal session, as the portal's sign-in page leaves it."""
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    session = client.session
    session[PORTAL_SESSION] = str(user.pk)
    now = time.time()
    session[SIGNED_IN_AT] = now
    session[SEEN_AT] = now
    session.save()
    return client
