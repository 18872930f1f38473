"""Generated organisations, school locations, classes, professionals and teams."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from django.utils import timezone

from schakel.accounts.models import User
from schakel.cases.models import PlanTemplate
from schakel.demo.dates import school_year_label, school_year_start
from schakel.demo.generator.bulk import insert
from schakel.demo.generator.config import BRIN_PREFIX, USERNAME_PREFIX, RegionSize
from schakel.demo.generator.names import (
    FIRST_NAMES,
    LAST_NAMES,
    MBO_PROGRAMMES,
    MUNICIPALITIES,
    SCHOOL_NOUNS,
)
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
from schakel.teams.models import Team, TeamLayer, TeamMembership

REGION = "Twente"
PUPILS_PER_CLASS = 25
# Share of school locations per type, and their relative size in pupils.
TYPE_SHARE = {SchoolType.PO: 0.76, SchoolType.VO: 0.17, SchoolType.MBO: 0.07}
TYPE_SIZE = {SchoolType.PO: 1.0, SchoolType.VO: 4.5, SchoolType.MBO: 8.0}
# Grades per type and the age of a pupil in the first grade.
GRADES = {SchoolType.PO: (8, 4), SchoolType.VO: (6, 12), SchoolType.MBO: (3, 16)}
# Care functions with their weight and the organisation kind they work for.
CARE_FUNCTIONS = [
    (Function.YOUTH_NURSE, 18, "ggd"), (Function.YOUTH_DOCTOR, 7, "ggd"),
    (Function.YOUTH_DIRECTOR, 18, "gemeente"), (Function.TRUANCY_OFFICER, 5, "gemeente"),
    (Function.SCHOOL_SOCIAL_WORKER, 10, "welzijn"), (Function.YOUTH_WORKER, 8, "welzijn"),
    (Function.GP_MENTAL_HEALTH, 10, "huisarts"), (Function.YOUTH_MENTAL_HEALTH, 6, "jggz"),
    (Function.ORTHOPEDAGOGUE, 6, "jggz"), (Function.COMMUNITY_OFFICER, 4, "politie"),
    (Function.CHILD_PROTECTION, 5, "gi"), (Function.YOUTH_PROBATION, 3, "gi"),
]
ORG_KINDS = {
    "gemeente": ("Gemeente {m} (gegenereerd)", Sector.MUNICIPALITY, True),
    "welzijn": ("Welzijn {m} (gegenereerd)", Sector.WELFARE, True),
    "huisarts": ("Huisartsen {m} (gegenereerd)", Sector.CARE, True),
    "ggd": ("GGD Twente-regio JGZ (gegenereerd)", Sector.CARE, False),
    "jggz": ("Jeugd-GGZ Twente-regio (gegenereerd)", Sector.CARE, False),
    "politie": ("Politie basisteam Twente-regio (gegenereerd)", Sector.SAFETY, False),
    "gi": ("Jeugdbescherming Twente-regio (gegenereerd)", Sector.CHILD_PROTECTION, False),
}


@dataclass
class Pro:
    """What later phases need to know of a generated professional."""

    id: int
    user_id: int
    name: str
    function: str
    organisation: str
    organisation_id: int


@dataclass
class SchoolInfo:
    id: int
    school_type: SchoolType
    municipality: str
    pupils: int
    contact: Pro
    staff: list[Pro]
    classes: list[tuple[int, int]] = field(default_factory=list)  # (class id, age)


@dataclass
class RegionIndex:
    schools: list[SchoolInfo]
    care: dict[str, list[Pro]]  # municipality -> care professionals
    professionals: list[Pro]

    def care_pool(self, municipality: str) -> list[Pro]:
        """The care professionals of a town (all of them when the town has none)."""
        return self.care.get(municipality) or [p for pool in self.care.values() for p in pool]


def _school_types(count: int) -> list[SchoolType]:
    vo = max(1, round(count * TYPE_SHARE[SchoolType.VO]))
    mbo = max(1, round(count * TYPE_SHARE[SchoolType.MBO]))
    return [SchoolType.PO] * (count - vo - mbo) + [SchoolType.VO] * vo + [SchoolType.MBO] * mbo


def _split(total: int, weights: list[float]) -> list[int]:
    """Split `total` over the weights, each share at least 1."""
    scale = (total - len(weights)) / sum(weights)
    shares = [1 + int(w * scale) for w in weights]
    order = sorted(range(len(weights)), key=lambda i: -weights[i])
    for i in range(total - sum(shares)):
        shares[order[i % len(order)]] += 1
    return shares


def _organisations(region: Region, municipalities: list[str],
                   size: RegionSize) -> dict[tuple[str, str], Organisation]:
    """(kind, municipality or "") -> organisation; plus school boards as ("board", n)."""
    wanted: list[tuple[tuple[str, str], Organisation]] = []
    for kind, (pattern, sector, local) in ORG_KINDS.items():
        for m in municipalities if local else [""]:
            wanted.append(((kind, m), Organisation(
                name=pattern.format(m=m), sector=sector, region=region, municipality=m)))
    boards = max(3, size.schools // 10)
    for n in range(boards):
        wanted.append((("board", str(n)), Organisation(
            name=f"Stichting Onderwijs {SCHOOL_NOUNS[n % len(SCHOOL_NOUNS)]} {n:03d} "
                 "(gegenereerd)", sector=Sector.EDUCATION, region=region)))
    created = insert(Organisation, [org for _key, org in wanted], size.batch_size)
    return {key: org for (key, _org), org in zip(wanted, created, strict=True)}


def _users_and_professionals(
    specs: list[tuple[Function, Organisation]], rng: random.Random, size: RegionSize,
) -> list[Pro]:
    users = []
    names = []
    for n, _spec in enumerate(specs):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        username = f"{USERNAME_PREFIX}{n + 1:05d}"
        names.append(f"{first} {last}")
        users.append(User(username=username, first_name=first, last_name=last,
                          email=f"{username}@example.org", password="!"))  # unusable
    users = insert(User, users, size.batch_size)
    professionals = insert(Professional, (
        Professional(
            user=user, organisation=org, function=function, full_name=name,
            email=user.email, phone=f"088 555 {n % 10_000:04d}",
            what_i_do=f"{Function(function).label} bij {org.name}.",
            what_to_expect="Meedenken bij zorgen, afspraken nakomen en terugkoppelen.",
            how_to_reach="Op werkdagen per telefoon of e-mail.",
        )
        for n, (user, name, (function, org)) in enumerate(
            zip(users, names, specs, strict=True))
    ), size.batch_size)
    return [Pro(p.pk, p.user_id, p.full_name, str(Function(p.function).label),
                p.organisation.name, p.organisation_id) for p in professionals]


def organisations_generate(size: RegionSize) -> RegionIndex:
    rng = size.rng("organisations")
    template = PlanTemplate.objects.get(code="regie-7-stappen")
    region, _created = Region.objects.get_or_create(
        name=REGION, defaults={"plan_template": template})
    municipalities = [m for m, _w in MUNICIPALITIES]
    orgs = _organisations(region, municipalities, size)
    boards = [org for (kind, _n), org in orgs.items() if kind == "board"]

    types = _school_types(size.schools)
    towns = rng.choices(municipalities, weights=[w for _m, w in MUNICIPALITIES], k=len(types))
    pupils = _split(size.pupils, [TYPE_SIZE[t] * rng.uniform(0.6, 1.4) for t in types])
    schools = insert(School, (
        School(organisation=boards[n % len(boards)], brin=f"{BRIN_PREFIX}{n:05d}",
               name=f"{_school_label(t)} {SCHOOL_NOUNS[n % len(SCHOOL_NOUNS)]} "
                    f"({town}, gen-{n:03d})",
               school_type=t, municipality=town)
        for n, (t, town) in enumerate(zip(types, towns, strict=True))
    ), size.batch_size)

    staff_n = size.staff_per_school()
    specs: list[tuple[Function, Organisation]] = []
    for school in schools:
        contact = (Function.SUPPORT_COORDINATOR if school.school_type == SchoolType.PO
                   else Function.CARE_COORDINATOR)
        teacher = Function.TEACHER if school.school_type == SchoolType.PO else Function.MENTOR
        specs += [(contact, school.organisation)] + [(teacher, school.organisation)] * (
            staff_n - 1)
    care_n = size.professionals - len(specs)
    weights = [w for _f, w, _k in CARE_FUNCTIONS]
    school_towns = list(dict.fromkeys(s.municipality for s in schools))
    care_specs = []
    for n in range(care_n):
        # Spread over the towns that have schools, round-robin first so each has someone.
        town = school_towns[n] if n < len(school_towns) else rng.choice(school_towns)
        function, _w, kind = rng.choices(CARE_FUNCTIONS, weights=weights)[0]
        local = ORG_KINDS[kind][2]
        care_specs.append((town, function, orgs[kind, town if local else ""]))
    pros = _users_and_professionals(
        specs + [(f, org) for _t, f, org in care_specs], rng, size)

    care: dict[str, list[Pro]] = {}
    for (town, _f, _org), pro in zip(care_specs, pros[len(specs):], strict=True):
        care.setdefault(town, []).append(pro)
    infos = []
    for n, school in enumerate(schools):
        staff = pros[n * staff_n:(n + 1) * staff_n]
        infos.append(SchoolInfo(school.pk, SchoolType(school.school_type), school.municipality,
                                pupils[n], staff[0], staff[1:]))
    for info, school in zip(infos, schools, strict=True):
        school.contact_point_id = info.contact.id
    School.objects.bulk_update(schools, ["contact_point"], batch_size=size.batch_size)
    _classes_generate(infos, size)
    _teams_generate(infos, care, rng, size)
    return RegionIndex(infos, care, pros)


def _school_label(school_type: SchoolType) -> str:
    return {SchoolType.PO: "Basisschool", SchoolType.VO: "College"}.get(school_type, "ROC")


def _classes_generate(infos: list[SchoolInfo], size: RegionSize) -> None:
    year = school_year_label(size.day())
    wanted: list[tuple[SchoolInfo, SchoolClass, int]] = []
    for info in infos:
        grades, first_age = GRADES[info.school_type]
        for k in range(max(1, round(info.pupils / PUPILS_PER_CLASS))):
            grade, letter = k % grades + 1, chr(ord("a") + (k // grades) % 26)
            suffix = k // (grades * 26)
            name = _class_name(info.school_type, grade, letter, k) + (
                f" {suffix}" if suffix else "")
            wanted.append((info, SchoolClass(school_id=info.id, name=name, school_year=year),
                           first_age + grade - 1))
    created = insert(SchoolClass, [c for _i, c, _a in wanted], size.batch_size)
    for (info, _c, age), school_class in zip(wanted, created, strict=True):
        info.classes.append((school_class.pk, age))


def _class_name(school_type: SchoolType, grade: int, letter: str, k: int) -> str:
    if school_type == SchoolType.PO:
        return f"groep {grade}{letter}"
    if school_type == SchoolType.VO:
        return f"{grade}{letter}"
    return f"{MBO_PROGRAMMES[k % len(MBO_PROGRAMMES)]} - leerjaar {grade}{letter}"


def _teams_generate(infos: list[SchoolInfo], care: dict[str, list[Pro]], rng: random.Random,
                    size: RegionSize) -> None:
    teams = insert(Team, (
        Team(school_id=info.id, layer=layer, name=f"{label} {info.id}")
        for info in infos
        for layer, label in ((TeamLayer.CORE, "Kernteam"), (TeamLayer.BROAD, "Breder team"))
    ), size.batch_size)
    memberships = []
    since = school_year_start(timezone.localdate())
    everyone = [p for pool in care.values() for p in pool]
    for n, info in enumerate(infos):
        core, broad = teams[2 * n], teams[2 * n + 1]
        pool = care.get(info.municipality) or everyone
        chosen = rng.sample(pool, k=min(len(pool), 5))
        memberships.append(TeamMembership(team=core, professional_id=info.contact.id,
                                          start_date=since,
                                          role="Voorzitter, aanspreekpunt school"))
        memberships += [TeamMembership(team=core, professional_id=p.id, role=p.function,
                                      start_date=since)
                        for p in chosen[:3]]
        memberships += [TeamMembership(team=broad, professional_id=p.id, role=p.function,
                                      start_date=since)
                        for p in chosen[3:] + info.staff]
    insert(TeamMembership, memberships, size.batch_size)
