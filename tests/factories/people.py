"""Users, plan templates, regions, organisations by sector, schools, classes, professionals
and teams; the `Actor` that services take."""

from __future__ import annotations

import datetime as dt
import importlib
from typing import Any

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from schakel.access.actor import Actor
from schakel.accounts.models import User
from schakel.cases.models import PlanTemplate
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

_templates = importlib.import_module("schakel.cases.migrations.0003_plan_templates")
SEVEN_STEPS: list[dict[str, Any]] = _templates.SEVEN_STEPS
ONE_FAMILY_ONE_PLAN: list[dict[str, Any]] = _templates.ONE_FAMILY_ONE_PLAN

# --- people and organisations ------------------------------------------------------------


class UserFactory(DjangoModelFactory[User]):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.Faker("last_name", locale="nl_NL")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.django.Password("a-long-test-password-42")


class PlanTemplateFactory(DjangoModelFactory[PlanTemplate]):
    """By default the 'Regie in 7 samenwerkingsstappen' template the migrations install."""

    class Meta:
        model = PlanTemplate
        django_get_or_create = ("code",)

    code = "regie-7-stappen"
    name = "Regie in 7 samenwerkingsstappen"
    steps = factory.LazyFunction(lambda: list(SEVEN_STEPS))
    is_default = True

    class Params:
        one_family_one_plan = factory.Trait(
            code="1gezin1plan", name="1Gezin1Plan",
            steps=factory.LazyFunction(lambda: list(ONE_FAMILY_ONE_PLAN)), is_default=False,
        )
        custom = factory.Trait(
            code=factory.Sequence(lambda n: f"template-{n}"),
            name=factory.Sequence(lambda n: f"Template {n}"),
            steps=factory.LazyFunction(lambda: [
                {"number": 1, "title": "Start", "questions": ["Wat is er aan de hand?"]},
                {"number": 6, "title": "Evaluatie", "records_consensus": True,
                 "questions": ["Gaat het beter?"]},
            ]),
            is_default=False,
        )


class RegionFactory(DjangoModelFactory[Region]):
    class Meta:
        model = Region

    name = factory.Sequence(lambda n: f"Regio {n}")
    plan_template: Any = None


class OrganisationFactory(DjangoModelFactory[Organisation]):
    """A care organisation by default; traits for the other sectors."""

    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisatie {n}")
    sector = Sector.CARE
    region = factory.SubFactory(RegionFactory)
    municipality = "Hengelo"

    class Params:
        education = factory.Trait(
            sector=Sector.EDUCATION, name=factory.Sequence(lambda n: f"Schoolbestuur {n}"))
        care = factory.Trait(sector=Sector.CARE, name=factory.Sequence(lambda n: f"GGD {n}"))
        municipality_sector = factory.Trait(
            sector=Sector.MUNICIPALITY, name=factory.Sequence(lambda n: f"Gemeente {n}"))
        child_protection = factory.Trait(
            sector=Sector.CHILD_PROTECTION,
            name=factory.Sequence(lambda n: f"Jeugdbescherming {n}"))
        safety = factory.Trait(
            sector=Sector.SAFETY, name=factory.Sequence(lambda n: f"Politie {n}"))
        welfare = factory.Trait(
            sector=Sector.WELFARE, name=factory.Sequence(lambda n: f"Welzijn {n}"))
        childcare = factory.Trait(
            sector=Sector.CHILDCARE, name=factory.Sequence(lambda n: f"Kinderopvang {n}"))


class SchoolFactory(DjangoModelFactory[School]):
    """A primary school location of an education organisation."""

    class Meta:
        model = School

    organisation = factory.SubFactory(OrganisationFactory, education=True)
    name = factory.Sequence(lambda n: f"Basisschool De Linde {n}")
    brin = factory.Sequence(lambda n: f"B{n:05d}")
    school_type = SchoolType.PO
    municipality = "Hengelo"
    contact_point: Any = None

    class Params:
        secondary = factory.Trait(
            school_type=SchoolType.VO, name=factory.Sequence(lambda n: f"Lyceum {n}"))
        vocational = factory.Trait(
            school_type=SchoolType.MBO, name=factory.Sequence(lambda n: f"ROC {n}"))


class SchoolClassFactory(DjangoModelFactory[SchoolClass]):
    class Meta:
        model = SchoolClass

    school = factory.SubFactory(SchoolFactory)
    name = factory.Sequence(lambda n: f"klas {n:03d}")
    school_year = "2026-2027"


class ProfessionalFactory(DjangoModelFactory[Professional]):
    """A youth nurse at a care organisation by default.

    `core_team_of=school` makes the professional a member of that school's core team."""

    class Meta:
        model = Professional
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    function = Function.YOUTH_NURSE
    full_name = factory.LazyAttribute(lambda o: f"{o.user.first_name} {o.user.last_name}")
    email = factory.LazyAttribute(lambda o: o.user.email)
    phone = "074 123 45 67"
    what_i_do = "Ik volg de gezondheid en ontwikkeling van kinderen."
    is_log_administrator = False

    class Params:
        support_coordinator = factory.Trait(
            function=Function.SUPPORT_COORDINATOR,
            organisation=factory.SubFactory(OrganisationFactory, education=True))
        teacher = factory.Trait(
            function=Function.TEACHER,
            organisation=factory.SubFactory(OrganisationFactory, education=True))
        nurse = factory.Trait(function=Function.YOUTH_NURSE)
        social_worker = factory.Trait(function=Function.SCHOOL_SOCIAL_WORKER)
        youth_director = factory.Trait(
            function=Function.YOUTH_DIRECTOR,
            organisation=factory.SubFactory(OrganisationFactory, municipality_sector=True))
        child_protection_worker = factory.Trait(
            function=Function.CHILD_PROTECTION,
            organisation=factory.SubFactory(OrganisationFactory, child_protection=True))
        truancy_officer = factory.Trait(
            function=Function.TRUANCY_OFFICER,
            organisation=factory.SubFactory(OrganisationFactory, municipality_sector=True))
        log_administrator = factory.Trait(
            function=Function.PRIVACY_OFFICER, is_log_administrator=True)
        functional_administrator = factory.Trait(
            function=Function.POLICY_OFFICER, is_functional_administrator=True)

    @factory.post_generation
    def core_team_of(self, create: bool, extracted: School | None, **kwargs: Any) -> None:
        if create and extracted is not None:
            TeamMembershipFactory(
                team=TeamFactory(school=extracted, layer=TeamLayer.CORE), professional=self)


class TeamFactory(DjangoModelFactory[Team]):
    """A school's core team by default (one team per school and layer)."""

    class Meta:
        model = Team
        django_get_or_create = ("school", "layer")

    school = factory.SubFactory(SchoolFactory)
    layer = TeamLayer.CORE
    name = factory.LazyAttribute(lambda o: f"{TeamLayer(o.layer).label} {o.school.name}")

    class Params:
        core = factory.Trait(layer=TeamLayer.CORE)
        broad = factory.Trait(layer=TeamLayer.BROAD)
        steering = factory.Trait(layer=TeamLayer.STEERING)


class TeamMembershipFactory(DjangoModelFactory[TeamMembership]):
    class Meta:
        model = TeamMembership

    team = factory.SubFactory(TeamFactory)
    professional = factory.SubFactory(ProfessionalFactory)
    role = ""
    start_date = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=365))

    class Params:
        core_team = factory.Trait(team=factory.SubFactory(TeamFactory, layer=TeamLayer.CORE))
        broad_team = factory.Trait(
            team=factory.SubFactory(TeamFactory, layer=TeamLayer.BROAD))
        steering_group = factory.Trait(
            team=factory.SubFactory(TeamFactory, layer=TeamLayer.STEERING))


class ActorFactory(factory.Factory):
    """The `Actor` for a professional: `ActorFactory(professional=p)`."""

    class Meta:
        model = Actor

    professional = factory.SubFactory(ProfessionalFactory)
    user = factory.LazyAttribute(lambda o: o.professional.user if o.professional else None)
    ip_address = "192.0.2.10"


def actor_for(professional: Professional, ip_address: str = "192.0.2.10") -> Actor:
    """A fresh actor (fresh caches) for a professional."""
    return Actor(user=professional.user, professional=professional, ip_address=ip_address)
