"""A small world for the consent and measure tests, built with the ORM.

Tina (13 today) is a pupil of a secondary school whose contact point is Ilse (core team). Her
mother Eva and father Henk have custody; her stepfather Karel has none. Anne (GGD youth nurse)
coordinates Tina's case; Sam (GGD) and Wim (municipality) are involved in it; Gerda (GGD) is
not. Joost works at the certified institution (GI). Olaf is an outsider.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass

from django.utils import timezone

from schakel.access.actor import Actor
from schakel.accounts.models import User
from schakel.cases.models import Case, Involvement, PlanTemplate
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
)
from schakel.organisations.models import (
    Function,
    Organisation,
    Professional,
    Region,
    School,
    SchoolType,
    Sector,
)
from schakel.teams.models import Team, TeamLayer, TeamMembership

_counter = itertools.count(1)


def today() -> dt.date:
    return timezone.localdate()


def birthday(birth_date: dt.date, age: int) -> dt.date:
    """The day a child born on `birth_date` turns `age` (1 March for 29 February in a common
    year)."""
    try:
        return birth_date.replace(year=birth_date.year + age)
    except ValueError:
        return dt.date(birth_date.year + age, 3, 1)


def birth_date_for_age(age: int, *, days_since_birthday: int = 100) -> dt.date:
    """A birth date that makes a child `age` today, their last birthday `days_since_birthday`
    days ago (kept below a year)."""
    last_birthday = today() - dt.timedelta(days=days_since_birthday)
    try:
        return last_birthday.replace(year=last_birthday.year - age)
    except ValueError:  # 29 February
        return dt.date(last_birthday.year - age, 2, 28)


def actor(professional: Professional) -> Actor:
    return Actor(user=professional.user, professional=professional, ip_address="127.0.0.1")


def make_professional(
    organisation: Organisation, name: str, function: Function = Function.YOUTH_NURSE,
) -> Professional:
    n = next(_counter)
    user = User.objects.create_user(
        username=f"consent-user-{n}", email=f"user{n}@example.org", password=None)
    return Professional.objects.create(
        user=user, organisation=organisation, function=function, full_name=name)


def make_child(
    first_name: str, birth_date: dt.date, *, family: Family | None = None,
) -> Child:
    return Child.objects.create(first_name=first_name, last_name="Jansen",
                                birth_date=birth_date, family=family)


def add_guardian(child: Child, name: str, *, custody: bool = True) -> Guardian:
    guardian = Guardian.objects.create(full_name=name)
    guardianship = Guardianship.objects.create(guardian=guardian, child=child)
    if custody:
        Custody.objects.create(guardianship=guardianship, start_date=child.birth_date,
                               source=CustodySource.BIRTH)
    return guardian


def make_consent(
    child: Child, organisation: Organisation, *, given_at: dt.date,
    guardians: tuple[Guardian, ...] = (), young_person: bool = False,
    category: InformationCategory = InformationCategory.CARE,
    valid_until: dt.date | None = None, withdrawn_at: dt.datetime | None = None,
) -> Consent:
    """A consent written straight to the database (history the services would refuse now)."""
    consent = Consent.objects.create(
        child=child, organisation=organisation, category=category, purpose="Afstemming zorg",
        method=ConsentMethod.WRITTEN, given_at=given_at, valid_until=valid_until,
        withdrawn_at=withdrawn_at)
    for guardian in guardians:
        ConsentSignature.objects.create(consent=consent, guardian=guardian)
    if young_person:
        ConsentSignature.objects.create(consent=consent, is_young_person=True)
    return consent


@dataclass
class ConsentWorld:
    region: Region
    school_board: Organisation
    ggd: Organisation
    municipality: Organisation
    gi: Organisation
    school: School
    ilse: Professional  # school contact point, core team
    anne: Professional  # GGD, coordinator of Tina's case
    sam: Professional  # GGD, involved
    gerda: Professional  # GGD, not involved
    wim: Professional  # municipality, involved
    joost: Professional  # GI worker
    olaf: Professional  # outsider
    family: Family
    tina: Child
    eva: Guardian  # mother, custody
    henk: Guardian  # father, custody
    karel: Guardian  # stepfather, no custody
    case: Case


def build_world() -> ConsentWorld:
    region = Region.objects.create(name=f"Twente {next(_counter)}")
    board = Organisation.objects.create(name="Stichting VO Twente", sector=Sector.EDUCATION,
                                        region=region)
    ggd = Organisation.objects.create(name="GGD Twente", sector=Sector.CARE, region=region)
    municipality = Organisation.objects.create(name="Gemeente Hengelo",
                                               sector=Sector.MUNICIPALITY, region=region)
    gi = Organisation.objects.create(name="Jeugdbescherming Overijssel",
                                     sector=Sector.CHILD_PROTECTION, region=region)
    other = Organisation.objects.create(name="Buurtwerk", sector=Sector.WELFARE, region=region)
    school = School.objects.create(
        organisation=board, name="Het Twents Lyceum", brin=f"{next(_counter):02d}XY",
        school_type=SchoolType.VO, municipality="Hengelo")
    ilse = make_professional(board, "Ilse Bakker", Function.CARE_COORDINATOR)
    school.contact_point = ilse
    school.save(update_fields=["contact_point"])
    team = Team.objects.create(school=school, layer=TeamLayer.CORE, name="Kernteam")
    TeamMembership.objects.create(team=team, professional=ilse, start_date=timezone.localdate())
    anne = make_professional(ggd, "Anne de Vries")
    sam = make_professional(ggd, "Sam Visser")
    gerda = make_professional(ggd, "Gerda Mulder")
    wim = make_professional(municipality, "Wim Jacobs", Function.YOUTH_DIRECTOR)
    joost = make_professional(gi, "Joost Kok", Function.CHILD_PROTECTION)
    olaf = make_professional(other, "Olaf Buiten", Function.YOUTH_WORKER)
    family = Family.objects.create(name="Gezin Jansen")
    tina = make_child("Tina", birth_date_for_age(13), family=family)
    Enrolment.objects.create(child=tina, school=school, pupil_number=f"T{next(_counter)}",
                             start_date=today() - dt.timedelta(days=400))
    eva = add_guardian(tina, "Eva Jansen")
    henk = add_guardian(tina, "Henk Jansen")
    karel = add_guardian(tina, "Karel de Boer", custody=False)
    template = PlanTemplate.objects.filter(is_default=True).first() or (
        PlanTemplate.objects.create(code="test", name="Test", steps=[], is_default=True))
    case = Case.objects.create(
        reference=f"C-{next(_counter)}", title="Te laat en drugssignalen", child=tina,
        school=school, coordinator=anne, plan_template=template, opened_by=ilse,
        opened_at=timezone.now())
    for professional in (anne, sam, wim):
        Involvement.objects.create(case=case, professional=professional, part="Begeleiding",
                                   start_date=today() - dt.timedelta(days=30), added_by=ilse)
    return ConsentWorld(
        region=region, school_board=board, ggd=ggd, municipality=municipality, gi=gi,
        school=school, ilse=ilse, anne=anne, sam=sam, gerda=gerda, wim=wim, joost=joost,
        olaf=olaf, family=family, tina=tina, eva=eva, henk=henk, karel=karel, case=case,
    )


def case_for(cw: ConsentWorld, child: Child) -> Case:
    """A case of `child` coordinated by Anne."""
    case = Case.objects.create(
        reference=f"C-{next(_counter)}", title="Zorgen", child=child, school=cw.school,
        coordinator=cw.anne, plan_template=cw.case.plan_template, opened_by=cw.ilse,
        opened_at=timezone.now())
    Involvement.objects.create(case=case, professional=cw.anne, part="Regie",
                               start_date=today(), added_by=cw.ilse)
    return case


def file_holder(cw: ConsentWorld) -> Professional:
    """Ilse of the school that opened the case (the file holder), involved in it: who records
    a legal ground (`policy.may_record_legal_ground`)."""
    Involvement.objects.get_or_create(
        case=cw.case, professional=cw.ilse,
        defaults={"part": "Zorgcoördinator", "start_date": today() - dt.timedelta(days=30),
                  "added_by": cw.ilse})
    return cw.ilse
