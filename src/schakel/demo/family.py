"""The Twente family of seed 004 and their classmates. Plain ORM (there are no services for
children yet), idempotent. Ages are computed from today: Sara 4, Bas 7, Tina 13, Lotte 17."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from schakel.children.models import (
    Child,
    Custody,
    CustodySource,
    Enrolment,
    Family,
    Guardian,
    Guardianship,
)
from schakel.demo.dates import birth_date_for_age, school_year_start, years_after
from schakel.demo.world import Places
from schakel.organisations.models import SchoolClass

FAMILY_NAME = "Twente"


@dataclass(frozen=True)
class ChildSpec:
    key: str
    first_name: str
    age: int
    days_past_birthday: int
    education_number: str


CHILDREN = [
    ChildSpec("sara", "Sara", 4, 95, "100000401"),
    ChildSpec("bas", "Bas", 7, 140, "100000402"),
    ChildSpec("tina", "Tina", 13, 200, "100000403"),
    ChildSpec("lotte", "Lotte", 17, 60, "100000404"),
]

# (name, relation, custody over every child, e-mail, phone)
GUARDIANS = [
    ("Ingrid Twente-Lohuis", "moeder", True, "ingrid.twente@example.org", "06 5550 1001"),
    ("Marco Twente", "vader", True, "marco.twente@example.org", "06 5550 1002"),
]
# A grandmother who picks Sara and Bas up from school: known to the school, no custody.
GRANDMOTHER = ("Gerda Lohuis", "grootmoeder", "gerda.lohuis@example.org", "06 5550 1003")

FIRST_NAMES = [
    "Daan", "Emma", "Noah", "Julia", "Sem", "Mila", "Luuk", "Tess", "Finn", "Zoë", "Levi",
    "Sophie", "Milan", "Nora", "Jesse", "Evi", "Thijs", "Lynn", "Ruben", "Fleur", "Gijs",
    "Anna", "Stijn", "Lieke", "Bram", "Roos", "Mees", "Isa", "Hugo", "Sanne",
]
LAST_NAMES = [
    "Nijenhuis", "Oude Groote Beverborg", "Kamphuis", "Wolters", "Schuurman", "Pierik",
    "Hesselink", "Morsink", "Brinkman", "Lansink", "Wiggers", "Slagman", "Teunissen",
    "Kiekebos", "Tijhuis", "Leferink", "Rouwhorst", "Pots", "Olde Hampsink", "Huisman",
]
# Classmates per current class: (school key, class name, age, number of pupils).
CLASSMATES = [
    ("po", "groep 1", 4, 7), ("po", "groep 4", 7, 7),
    ("vo", "1 mavo/havo a", 12, 6), ("vo", "1 mavo/havo b", 12, 5),
    ("vo", "2 mavo/havo a", 13, 6), ("vo", "2 mavo/havo b", 13, 5),
    ("mbo", "Kapper niveau 3 - leerjaar 1", 16, 5),
    ("mbo", "Kapper niveau 3 - leerjaar 2", 17, 5),
]
# A pupil of 2 mavo/havo a whose case the demo escalates (see stories).
DYLAN = ChildSpec("dylan", "Dylan", 14, 30, "100000501")
DYLAN_MOTHER = ("Monique Hofstede", "moeder", "monique.hofstede@example.org", "06 5550 2001")
# A pupil of groep 4 under voogdij of the GI (see `stories.custody`): his mother had custody
# alone from his birth (BW 1:253b) until the court ended it; his father recognised him
# without joint custody and asks the school for information (BW 1:377c).
JAYDEN = ChildSpec("jayden", "Jayden", 7, 250, "100000502")
JAYDEN_MOTHER = ("Sandra Mulder", "moeder", "sandra.mulder@example.org", "06 5550 3001")
JAYDEN_FATHER = ("Rick Bos", "vader", "rick.bos@example.org", "06 5550 3002")


@dataclass
class DemoFamily:
    family: Family
    children: dict[str, Child]


def _child_load(spec: ChildSpec, today: dt.date, last_name: str,
                family: Family | None) -> Child:
    child, _created = Child.objects.update_or_create(
        education_number=spec.education_number,
        defaults={"first_name": spec.first_name, "last_name": last_name, "family": family,
                  "birth_date": birth_date_for_age(today, spec.age, spec.days_past_birthday)},
    )
    return child


def _enrol(child: Child, places: Places, school_key: str, pupil_number: str,
           start: dt.date, end: dt.date | None, class_name: str | None) -> None:
    school_class: SchoolClass | None = (
        places.classes[school_key, class_name] if class_name else None)
    Enrolment.objects.update_or_create(
        school=places.schools[school_key], pupil_number=pupil_number,
        defaults={"child": child, "school_class": school_class, "start_date": start,
                  "end_date": end},
    )


def guardianship_load(guardian: Guardian, child: Child, relation: str, *,
                      custody: bool) -> Guardianship:
    """A parent or carer of the child; with custody by law since the child's birth (BW
    1:251), recorded once as an open-ended period."""
    guardianship, _created = Guardianship.objects.update_or_create(
        guardian=guardian, child=child, defaults={"relation": relation})
    if custody and not guardianship.custody_periods.exists():
        Custody.objects.create(guardianship=guardianship, start_date=child.birth_date,
                               source=CustodySource.BIRTH)
    return guardianship


def _day_after_birthday(child: Child, age: int) -> dt.date:
    """Dutch children start school the day after they turn four."""
    return years_after(child.birth_date, age) + dt.timedelta(days=1)


def family_load(places: Places, today: dt.date) -> DemoFamily:
    family, _created = Family.objects.get_or_create(name=f"Gezin {FAMILY_NAME}")
    children = {spec.key: _child_load(spec, today, FAMILY_NAME, family) for spec in CHILDREN}
    this_year = school_year_start(today)
    sara, bas, tina, lotte = (children[k] for k in ("sara", "bas", "tina", "lotte"))

    # Sara started in groep 1 the day after her fourth birthday, after the day-care hand-over.
    _enrol(sara, places, "po", "VB-1001", _day_after_birthday(sara, 4), None, "groep 1")
    _enrol(bas, places, "po", "VB-0874", _day_after_birthday(bas, 4), None, "groep 4")
    # Tina: primary school until last summer, brugklas mavo/havo since this school year.
    _enrol(tina, places, "po", "VB-0612", _day_after_birthday(tina, 4),
           this_year - dt.timedelta(days=1), "groep 8")
    _enrol(tina, places, "vo", "EC-26114", this_year, None, "1 mavo/havo a")
    # Lotte: primary school, four years of mavo, now in her second year at the MBO.
    lotte_vo_start = years_after(this_year, -5)
    lotte_mbo_start = years_after(this_year, -1)
    _enrol(lotte, places, "po", "VB-0377", _day_after_birthday(lotte, 4),
           lotte_vo_start - dt.timedelta(days=1), None)
    _enrol(lotte, places, "vo", "EC-21087", lotte_vo_start,
           lotte_mbo_start - dt.timedelta(days=1), "4 mavo")
    _enrol(lotte, places, "mbo", "ROC-25530", lotte_mbo_start, None,
           "Kapper niveau 3 - leerjaar 2")

    guardians = []
    for name, relation, _custody, email, phone in GUARDIANS:
        guardian, _created = Guardian.objects.update_or_create(
            full_name=name, defaults={"email": email, "phone": phone})
        guardians.append((guardian, relation))
    for child in children.values():
        for guardian, relation in guardians:
            guardianship_load(guardian, child, relation, custody=True)
    name, relation, email, phone = GRANDMOTHER
    grandmother, _created = Guardian.objects.update_or_create(
        full_name=name, defaults={"email": email, "phone": phone})
    for child in (sara, bas):
        guardianship_load(grandmother, child, relation, custody=False)
    return DemoFamily(family, children)


def classmates_load(places: Places, today: dt.date) -> Child:
    """A few fictional pupils per class so that lists are not empty; returns Dylan."""
    rng = random.Random(2026)  # fixed: the same classmates every time
    this_year = school_year_start(today)
    number = 0
    for school_key, class_name, age, count in CLASSMATES:
        for _ in range(count):
            number += 1
            spec = ChildSpec(f"pupil{number}", rng.choice(FIRST_NAMES), age,
                             rng.randrange(0, 365), f"1000006{number:02d}")
            child = _child_load(spec, today, rng.choice(LAST_NAMES), None)
            start = this_year if school_key != "po" or age > 4 else (
                _day_after_birthday(child, 4))
            _enrol(child, places, school_key, f"{school_key.upper()}-9{number:03d}",
                   min(start, today), None, class_name)
    dylan = _child_load(DYLAN, today, "Hofstede", None)
    _enrol(dylan, places, "vo", "EC-25093", years_after(this_year, -1), None, "2 mavo/havo a")
    name, relation, email, phone = DYLAN_MOTHER
    mother, _created = Guardian.objects.update_or_create(
        full_name=name, defaults={"email": email, "phone": phone})
    guardianship_load(mother, dylan, relation, custody=True)
    return dylan


def voogdij_child_load(places: Places, today: dt.date) -> Child:
    """Jayden (7) in groep 4 with his mother (custody from his birth, recorded as such: the
    voogdij of the GI, not an edit of her period, is what ends it for now) and his father
    (no custody)."""
    jayden = _child_load(JAYDEN, today, "Mulder", None)
    _enrol(jayden, places, "po", "VB-0899", _day_after_birthday(jayden, 4), None, "groep 4")
    for (name, relation, email, phone), custody in ((JAYDEN_MOTHER, True),
                                                    (JAYDEN_FATHER, False)):
        guardian, _created = Guardian.objects.update_or_create(
            full_name=name, defaults={"email": email, "phone": phone})
        guardianship_load(guardian, jayden, relation, custody=custody)
    return jayden
