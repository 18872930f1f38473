"""A small world for the web interface tests, built with plain ORM calls (independent of the
shared factories): one primary school with its core team and contact point, a teacher, a youth
nurse who coordinates the case of a pupil, an outsider, and a second school. The school opened
the case and holds its file; the nurse's GGD reads it on the mother's consent."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from schakel.accounts.models import User
from schakel.cases.models import (
    Agreement,
    Case,
    CaseStatus,
    ClassroomAdvice,
    Consultation,
    Escalation,
    EscalationLevel,
    Intervention,
    Involvement,
    PlanStepEntry,
    PlanTemplate,
)
from schakel.children.models import (
    Child,
    Custody,
    CustodySource,
    Enrolment,
    Family,
    Guardian,
    Guardianship,
)
from schakel.consent.models import (
    Consent,
    ConsentMethod,
    ConsentSignature,
    InformationCategory,
    LegalGround,
    LegalGroundKind,
)
from schakel.notifications.models import Notification, NotificationKind
from schakel.organisations.models import (
    Function,
    Organisation,
    Professional,
    Region,
    School,
    SchoolClass,
    SchoolType,
    Sector,
)
from schakel.signals.models import Signal, SignalLevel, Theme
from schakel.teams.models import Team, TeamLayer, TeamMembership

_seq = itertools.count(1)


def today() -> dt.date:
    return timezone.localdate()


def make_professional(
    organisation: Organisation, function: str, full_name: str, **extra: object,
) -> Professional:
    n = next(_seq)
    user = User.objects.create_user(
        username=f"user{n}", email=f"user{n}@example.org", first_name=full_name.split()[0])
    return Professional.objects.create(
        user=user, organisation=organisation, function=function, full_name=full_name, **extra)


def make_school(region: Region, name: str) -> School:
    n = next(_seq)
    board = Organisation.objects.create(name=f"Stichting {name}", sector=Sector.EDUCATION,
                                        region=region, municipality="Enschede")
    return School.objects.create(organisation=board, name=name, brin=f"{n:02d}AB{n % 100:02d}"[:6],
                                 school_type=SchoolType.PO, municipality="Enschede")


def add_to_team(school: School, professional: Professional, layer: str = TeamLayer.CORE,
                role: str = "") -> TeamMembership:
    team, _ = Team.objects.get_or_create(
        school=school, layer=layer, defaults={"name": f"{layer} {school.name}"})
    return TeamMembership.objects.create(team=team, professional=professional, role=role,
                                         start_date=timezone.localdate())


def make_child(school: School, first_name: str, *, family: Family | None = None,
               school_class: SchoolClass | None = None, age: int = 8) -> Child:
    n = next(_seq)
    child = Child.objects.create(
        first_name=first_name, last_name="Jansen", family=family,
        birth_date=today().replace(year=today().year - age, day=1))
    Enrolment.objects.create(child=child, school=school, school_class=school_class,
                             pupil_number=f"L{n:05d}", start_date=today() - dt.timedelta(days=400))
    return child


def make_case(
    school: School, child: Child, *, opened_by: Professional, coordinator: Professional | None,
    involved: list[Professional], title: str = "Zorgen", status: str = CaseStatus.OPEN,
    grounded: bool = False,
) -> Case:
    """`grounded=True` records a legal ground (Meldcode) for care content for every other
    organisation working on the case, so that it may read and list it."""
    n = next(_seq)
    case = Case.objects.create(
        reference=f"C-T{n:05d}", title=title, child=child, school=school, status=status,
        coordinator=coordinator, plan_template=PlanTemplate.objects.get(is_default=True),
        opened_by=opened_by, opened_at=timezone.now(),
        closed_at=timezone.now() if status == CaseStatus.CLOSED else None,
        closure_reason="Doelen bereikt" if status == CaseStatus.CLOSED else "",
    )
    for professional in involved:
        Involvement.objects.create(case=case, professional=professional, part="Begeleiding",
                                   start_date=today() - dt.timedelta(days=30),
                                   added_by=opened_by)
    if grounded:
        others = {p.organisation_id for p in [*involved, *([coordinator] if coordinator else [])]}
        for organisation_id in others - {opened_by.organisation_id}:
            LegalGround.objects.create(
                child=child, organisation_id=organisation_id, category=InformationCategory.CARE,
                kind=LegalGroundKind.MELDCODE, reference="Meldcode, stap 2",
                valid_from=today() - dt.timedelta(days=30), recorded_by=opened_by)
    return case


def give_care_consent(child: Child, organisation: Organisation, guardian: Guardian, *,
                      recorded_by: Professional) -> Consent:
    """A written consent, given last week by a guardian with custody of a child under 12, to
    share care content with `organisation`: across organisations a case's content follows
    consent (`policy.may_read_case`)."""
    consent = Consent.objects.create(
        child=child, organisation=organisation, category=InformationCategory.CARE,
        purpose="Afstemming van de hulp rond het kind", method=ConsentMethod.WRITTEN,
        given_at=today() - dt.timedelta(days=7), recorded_by=recorded_by)
    ConsentSignature.objects.create(consent=consent, guardian=guardian)
    return consent


def make_signal(school: School, child: Child | None, raised_by: Professional,
                theme_code: str = "gedrag") -> Signal:
    return Signal.objects.create(
        level=SignalLevel.CHILD if child else SignalLevel.SCHOOL, school=school, child=child,
        theme=Theme.objects.get(code=theme_code), description="Vecht op het plein.",
        raised_by=raised_by)


def make_agreement(case: Case, owner: Professional, *, due: dt.date,
                   description: str = "Gesprek met ouders") -> Agreement:
    return Agreement.objects.create(case=case, description=description, owner=owner,
                                    due_date=due, created_by=owner)


def notify(user: User, message: str = "Er is iets nieuws", link: str = "") -> Notification:
    return Notification.objects.create(recipient=user, kind=NotificationKind.INVOLVED,
                                       message=message, link=link)


@dataclass
class WebWorld:
    region: Region
    school: School
    school_class: SchoolClass
    core: Professional
    teacher: Professional
    nurse: Professional
    outsider: Professional
    family: Family
    child: Child
    sibling: Child
    guardian: Guardian
    case: Case
    nurse_consent: Consent
    signal: Signal
    other_school: School
    other_core: Professional


def build_world() -> WebWorld:
    region = Region.objects.create(name=f"Twente {next(_seq)}")
    school = make_school(region, "Basisschool De Esch")
    school_class = SchoolClass.objects.create(school=school, name="groep 4",
                                              school_year="2025-2026")
    core = make_professional(school.organisation, Function.SUPPORT_COORDINATOR, "Ilse Bakker",
                             what_i_do="Ik coördineer de zorg op school.",
                             how_to_reach="Maandag t/m donderdag")
    add_to_team(school, core, role="voorzitter")
    school.contact_point = core
    school.escalation_route = "Bel eerst de directeur."
    school.save()
    teacher = make_professional(school.organisation, Function.TEACHER, "Tom Smit")
    ggd = Organisation.objects.create(name="GGD Twente", sector=Sector.CARE, region=region)
    nurse = make_professional(ggd, Function.YOUTH_NURSE, "Anne de Vries")
    add_to_team(school, nurse, layer=TeamLayer.BROAD)
    municipality = Organisation.objects.create(name="Gemeente Enschede",
                                               sector=Sector.MUNICIPALITY, region=region)
    outsider = make_professional(municipality, Function.YOUTH_DIRECTOR, "Olaf Buiten")
    family = Family.objects.create(name="Gezin Jansen")
    child = make_child(school, "Bas", family=family, school_class=school_class)
    other_school = make_school(region, "Basisschool Het Anker")
    sibling = make_child(other_school, "Tina", family=family, age=13)
    guardian = Guardian.objects.create(full_name="Eva Jansen", phone="0612345678")
    guardianship = Guardianship.objects.create(guardian=guardian, child=child,
                                               relation="moeder")
    Custody.objects.create(guardianship=guardianship, start_date=child.birth_date,
                           source=CustodySource.BIRTH)
    case = make_case(school, child, opened_by=core, coordinator=nurse, involved=[nurse, core],
                     title="Vechtpartijen op het plein")
    nurse_consent = give_care_consent(child, ggd, guardian, recorded_by=nurse)
    signal = make_signal(school, child, teacher)
    other_core = make_professional(other_school.organisation, Function.SUPPORT_COORDINATOR,
                                   "Karin Anker")
    add_to_team(other_school, other_core)
    return WebWorld(
        region=region, school=school, school_class=school_class, core=core, teacher=teacher,
        nurse=nurse, outsider=outsider, family=family, child=child, sibling=sibling,
        guardian=guardian, case=case, nurse_consent=nurse_consent, signal=signal,
        other_school=other_school, other_core=other_core,
    )


def count_queries(client: Client, url: str) -> int:
    """How many database queries one GET of the page takes (it must succeed)."""
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, response.status_code
    return len(context.captured_queries)


def grow_case(case: Case, author: Professional, n: int) -> None:
    """Add n rows of every kind a case page shows, for query-count tests."""
    from_date = today() - dt.timedelta(days=60)
    for i in range(n):
        helper = make_professional(author.organisation, Function.SCHOOL_SOCIAL_WORKER,
                                   f"Helper {i}")
        Involvement.objects.create(case=case, professional=helper, part="Hulp",
                                   start_date=from_date, added_by=author)
        make_agreement(case, helper, due=today() + dt.timedelta(days=i + 1),
                       description=f"Afspraak {i}")
        make_agreement(case, author, due=today() - dt.timedelta(days=i + 1))
        Intervention.objects.create(case=case, description=f"Training {i}", provider="SMW",
                                    start_date=from_date, recorded_by=helper)
        ClassroomAdvice.objects.create(case=case, advice=f"Advies {i}", given_by=helper)
        Consultation.objects.create(case=case, signals_seen=f"Signalen {i}", recorded_by=helper)
        Escalation.objects.create(case=case, level=EscalationLevel.SOT, reason=f"Reden {i}",
                                  escalated_by=helper)
        PlanStepEntry.objects.create(case=case, step=i % 8, version=next(_seq),
                                     content=f"Stap {i}", filled_in_by=helper)
        signal = make_signal(case.school, case.child, helper)
        signal.case = case
        signal.save()
