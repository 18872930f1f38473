"""The places of the demo world (seed 004): region Twente, the fictional municipality of
Hengeloo, its schools and the organisations around them. Plain ORM (there are no services
for organisations); every function is idempotent: it updates what is there and creates what
is missing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from schakel.cases.models import PlanTemplate
from schakel.demo.dates import school_year_label
from schakel.organisations.models import (
    Organisation,
    Region,
    School,
    SchoolClass,
    SchoolType,
    Sector,
)

REGION = "Twente"
MUNICIPALITY = "Hengeloo"
PLAN_TEMPLATE_CODE = "regie-7-stappen"

# Keys used by the rest of the demo to find organisations and schools.
ORGANISATIONS: dict[str, tuple[str, Sector]] = {
    "po_board": ("Stichting De Boomgaard Primair Onderwijs", Sector.EDUCATION),
    "vo_board": ("Stichting Essenhof Voortgezet Onderwijs", Sector.EDUCATION),
    "mbo": ("ROC Hengeloo", Sector.EDUCATION),
    "ggd": ("GGD Hengeloo e.o. - Jeugdgezondheidszorg", Sector.CARE),
    "municipality": ("Gemeente Hengeloo", Sector.MUNICIPALITY),
    "gp": ("Huisartsenpraktijk De Esch", Sector.CARE),
    "welfare": ("Welzijn Hengeloo - Jongerenwerk", Sector.WELFARE),
    "gi": ("Jeugdbescherming Twentestroom (GI)", Sector.CHILD_PROTECTION),
    "childcare": ("Kinderopvang Het Speelkwartier", Sector.CHILDCARE),
}


@dataclass(frozen=True)
class SchoolSpec:
    key: str
    board: str
    name: str
    brin: str
    school_type: SchoolType
    escalation_route: str


SCHOOLS = [
    SchoolSpec(
        "po", "po_board", "IKC De Vlinderboom", "00DM00", SchoolType.PO,
        "Zorgen over een leerling: eerst de leerkracht, dan de intern begeleider (aanspreekpunt "
        "van de school). De IB'er brengt het in het kernteam, dat vier keer per jaar overlegt; "
        "bij spoed plant de IB'er binnen twee werkdagen een online kernteam-spoedoverleg (vroeg "
        "in de ochtend of laat in de middag). Komt het kernteam er niet uit, dan schaalt de "
        "regiehouder op naar het SOT of naar de directie.",
    ),
    SchoolSpec(
        "vo", "vo_board", "Esrand College", "00DM01", SchoolType.VO,
        "Zorgen over een leerling: de mentor meldt bij de zorgcoördinator (aanspreekpunt van de "
        "school). Het zorg- en adviesteam overlegt elke zes weken; bij verzuim schuift de "
        "leerplichtambtenaar aan. Opschalen: SOT via de jeugdregisseur of naar de "
        "locatiedirecteur.",
    ),
    SchoolSpec(
        "mbo", "mbo", "ROC Hengeloo - Kappersacademie", "00DM02", SchoolType.MBO,
        "Zorgen over een student: de studieloopbaanbegeleider meldt bij de coördinator "
        "studentondersteuning (aanspreekpunt). Het interprofessioneel team overlegt maandelijks; "
        "bij verzuim of dreigende voortijdige schooluitval (RMC) is de leerplichtambtenaar "
        "betrokken. Opschalen naar het teamleiderschap of het SOT.",
    ),
]

# Classes per school: (name, school years back). 0 is the current school year.
CLASSES: dict[str, list[tuple[str, int]]] = {
    "po": [("groep 1", 0), ("groep 4", 0), ("groep 8", 1)],
    "vo": [("1 mavo/havo a", 0), ("1 mavo/havo b", 0), ("2 mavo/havo a", 0),
           ("2 mavo/havo b", 0), ("4 mavo", 2)],
    "mbo": [("Kapper niveau 3 - leerjaar 1", 0), ("Kapper niveau 3 - leerjaar 2", 0)],
}


@dataclass
class Places:
    region: Region
    organisations: dict[str, Organisation]
    schools: dict[str, School]
    # (school key, class name) -> class of the school year it belongs to
    classes: dict[tuple[str, str], SchoolClass]


def region_load() -> Region:
    template = PlanTemplate.objects.get(code=PLAN_TEMPLATE_CODE)
    region, _created = Region.objects.get_or_create(name=REGION)
    if region.plan_template_id != template.pk:
        region.plan_template = template
        region.save(update_fields=["plan_template"])
    return region


def organisations_load(region: Region) -> dict[str, Organisation]:
    organisations = {}
    for key, (name, sector) in ORGANISATIONS.items():
        organisations[key], _created = Organisation.objects.update_or_create(
            name=name, region=region,
            defaults={"sector": sector, "municipality": MUNICIPALITY},
        )
    return organisations


def schools_load(organisations: dict[str, Organisation]) -> dict[str, School]:
    schools = {}
    for spec in SCHOOLS:
        schools[spec.key], _created = School.objects.update_or_create(
            brin=spec.brin,
            defaults={
                "organisation": organisations[spec.board], "name": spec.name,
                "school_type": spec.school_type, "municipality": MUNICIPALITY,
                "escalation_route": spec.escalation_route,
            },
        )
    return schools


def classes_load(schools: dict[str, School], today: dt.date) -> dict[tuple[str, str],
                                                                       SchoolClass]:
    classes = {}
    for key, names in CLASSES.items():
        for name, years_back in names:
            classes[key, name], _created = SchoolClass.objects.get_or_create(
                school=schools[key], name=name,
                school_year=school_year_label(today, years_back))
    return classes


def places_load(today: dt.date) -> Places:
    region = region_load()
    organisations = organisations_load(region)
    schools = schools_load(organisations)
    return Places(region, organisations, schools, classes_load(schools, today))
