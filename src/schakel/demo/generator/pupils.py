"""Generated families, pupils, guardians and enrolments (current, and earlier ones at a
primary or secondary school for part of the older pupils)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

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
from schakel.demo.generator.bulk import insert
from schakel.demo.generator.config import EDUCATION_NUMBER_BASE, RegionSize
from schakel.demo.generator.names import FIRST_NAMES, LAST_NAMES
from schakel.demo.generator.organisations import GRADES, RegionIndex, SchoolInfo
from schakel.organisations.models import SchoolType

FAMILY_SIZES = ([1, 2, 3, 4], [45, 35, 15, 5])
EARLIER_SCHOOL_SHARE = 0.6


@dataclass(frozen=True)
class Pupil:
    child_id: int
    family_id: int
    school_index: int


@dataclass
class PupilIndex:
    by_school: list[list[Pupil]]
    family_children: dict[int, list[int]]
    family_of: dict[int, int] = field(default_factory=dict)  # child -> family
    custodians: dict[int, list[int]] = field(default_factory=dict)  # family -> guardians
    birth_dates: dict[int, dt.date] = field(default_factory=dict)  # child -> birth date


def _family_plan(size: RegionSize) -> list[int]:
    """Family sizes covering every pupil in order (siblings share a school here)."""
    rng = size.rng("families")
    sizes: list[int] = []
    left = size.pupils
    while left > 0:
        n = min(left, rng.choices(*FAMILY_SIZES)[0])
        sizes.append(n)
        left -= n
    return sizes


def pupils_generate(region: RegionIndex, size: RegionSize) -> PupilIndex:
    rng = size.rng("pupils")
    today = size.day()
    this_year = school_year_start(today)
    sizes = _family_plan(size)
    last_names = [rng.choice(LAST_NAMES) for _ in sizes]
    families = insert(Family, (Family(name=f"Gezin {name}") for name in last_names),
                      size.batch_size)

    # Every pupil: school, class and age; then the child itself.
    places: list[tuple[int, int, int]] = []  # (school index, class id, age)
    for s, info in enumerate(region.schools):
        for k in range(info.pupils):
            class_id, age = info.classes[k % len(info.classes)]
            places.append((s, class_id, age))
    family_of: list[int] = []
    for f, n in enumerate(sizes):
        family_of += [f] * n
    children = insert(Child, (
        Child(first_name=rng.choice(FIRST_NAMES), last_name=last_names[family_of[i]],
              birth_date=birth_date_for_age(today, age, rng.randrange(365)),
              education_number=str(EDUCATION_NUMBER_BASE + i),
              family=families[family_of[i]])
        for i, (_s, _c, age) in enumerate(places)
    ), size.batch_size)

    custodians = _guardians_generate(families, children, family_of, size)
    _enrolments_generate(region, places, children, this_year, today, size)

    index = PupilIndex([[] for _ in region.schools], {})
    for child, family_n, (s, _c, _a) in zip(children, family_of, places, strict=True):
        family_id = families[family_n].pk
        index.by_school[s].append(Pupil(child.pk, family_id, s))
        index.family_children.setdefault(family_id, []).append(child.pk)
        index.family_of[child.pk] = family_id
        index.birth_dates[child.pk] = child.birth_date
    index.custodians = {families[f].pk: ids for f, ids in custodians.items()}
    return index


def _guardians_generate(families: list[Family], children: list[Child], family_of: list[int],
                        size: RegionSize) -> dict[int, list[int]]:
    """Guardians per family; returns the guardians with custody per family position."""
    rng = size.rng("guardians")
    wanted: list[tuple[int, Guardian, bool]] = []
    for f, family in enumerate(families):
        surname = family.name.removeprefix("Gezin ")
        count = 2 if rng.random() < 0.85 else 1
        for g in range(count):
            first = rng.choice(FIRST_NAMES)
            custody = g == 0 or rng.random() < 0.95
            wanted.append((f, Guardian(full_name=f"{first} {surname}"), custody))
    guardians = insert(Guardian, [g for _f, g, _c in wanted], size.batch_size)
    by_family: dict[int, list[tuple[Guardian, bool]]] = {}
    for (f, _g, custody), guardian in zip(wanted, guardians, strict=True):
        by_family.setdefault(f, []).append((guardian, custody))
    pairs = [(child, guardian, custody) for child, f in zip(children, family_of, strict=True)
             for guardian, custody in by_family[f]]
    guardianships = insert(Guardianship, (
        Guardianship(guardian=guardian, child=child, relation="ouder")
        for child, guardian, _custody in pairs), size.batch_size)
    insert(Custody, (
        Custody(guardianship=guardianship, start_date=child.birth_date, source=CustodySource.BIRTH)
        for guardianship, (child, _guardian, custody) in zip(guardianships, pairs, strict=True)
        if custody), size.batch_size)
    return {f: [g.pk for g, custody in pairs if custody] for f, pairs in by_family.items()}


def _enrolments_generate(region: RegionIndex, places: list[tuple[int, int, int]],
                         children: list[Child], this_year: dt.date, today: dt.date,
                         size: RegionSize) -> None:
    rng = size.rng("enrolments")
    earlier_type = {SchoolType.VO: SchoolType.PO, SchoolType.MBO: SchoolType.VO}
    by_type: dict[SchoolType, list[SchoolInfo]] = {}
    for info in region.schools:
        by_type.setdefault(info.school_type, []).append(info)

    def rows() -> list[Enrolment]:
        out = []
        for i, ((s, class_id, age), child) in enumerate(zip(places, children, strict=True)):
            info = region.schools[s]
            _grades, first_age = GRADES[info.school_type]
            start = min(years_after(this_year, -(age - first_age)), today)
            out.append(Enrolment(child=child, school_id=info.id, school_class_id=class_id,
                                 pupil_number=f"G{i:07d}", start_date=start))
            kind = earlier_type.get(info.school_type)
            previous = by_type.get(kind, []) if kind else []
            if previous and rng.random() < EARLIER_SCHOOL_SHARE:
                earlier = rng.choice(previous)
                out.append(Enrolment(
                    child=child, school_id=earlier.id, pupil_number=f"H{i:07d}",
                    start_date=years_after(start, -4), end_date=start - dt.timedelta(days=1)))
        return out

    insert(Enrolment, rows(), size.batch_size)

