"""factory_boy factories for every domain model, with traits for the usual variants.

Dates are relative to `timezone.localdate()` so that tests keep working on any day.
Factories build data directly; they do not go through the services (tests of the services
call those). `ActorFactory` builds the `Actor` that services, selectors and the policy take.
"""

from __future__ import annotations

import datetime as dt
import importlib
from typing import Any

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from schakel.access.actor import Actor
from schakel.accounts.models import User
from schakel.audit.models import AccessEvent, Action, Outcome
from schakel.cases.models import (
    Agreement,
    AgreementStatus,
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
from schakel.children.models import Child, Enrolment, Family, Guardian, Guardianship
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
from schakel.signals.models import Signal, SignalLevel, SignalStatus, Theme
from schakel.teams.models import Team, TeamLayer, TeamMembership

_templates = importlib.import_module("schakel.cases.migrations.0003_plan_templates")
SEVEN_STEPS: list[dict[str, Any]] = _templates.SEVEN_STEPS
ONE_FAMILY_ONE_PLAN: list[dict[str, Any]] = _templates.ONE_FAMILY_ONE_PLAN


def today() -> dt.date:
    return timezone.localdate()


def days_ago(n: int) -> dt.date:
    return today() - dt.timedelta(days=n)


def days_ahead(n: int) -> dt.date:
    return today() + dt.timedelta(days=n)


def birth_date_for_age(age: int, on: dt.date | None = None) -> dt.date:
    """A birth date that makes a child exactly `age` on `on` (today), with the next birthday
    some weeks away, so that tests do not depend on the day they run."""
    day = on or today()
    try:
        anniversary = day.replace(year=day.year - age)
    except ValueError:  # 29 February in a year without one
        anniversary = day.replace(year=day.year - age, day=28)
    return anniversary - dt.timedelta(days=30)


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

    class Params:
        core_team = factory.Trait(team=factory.SubFactory(TeamFactory, layer=TeamLayer.CORE))
        broad_team = factory.Trait(
            team=factory.SubFactory(TeamFactory, layer=TeamLayer.BROAD))
        steering_group = factory.Trait(
            team=factory.SubFactory(TeamFactory, layer=TeamLayer.STEERING))


# --- children ----------------------------------------------------------------------------


class FamilyFactory(DjangoModelFactory[Family]):
    class Meta:
        model = Family

    name = factory.Sequence(lambda n: f"Gezin Jansen-{n}")


class ChildFactory(DjangoModelFactory[Child]):
    """A child of 9 by default. Age traits follow the consent bands (under 12, 12-15, 16+);
    `age=N` sets any age; `enrolled_at=school` adds a current enrolment."""

    class Meta:
        model = Child
        skip_postgeneration_save = True

    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.Faker("last_name", locale="nl_NL")
    birth_date = factory.LazyAttribute(lambda o: birth_date_for_age(o.age))
    education_number = factory.Sequence(lambda n: f"{n:09d}")
    family: Any = None

    class Params:
        age = 9
        toddler = factory.Trait(age=4)
        under_12 = factory.Trait(age=7)
        age_12_to_15 = factory.Trait(age=13)
        age_16_plus = factory.Trait(age=17)
        in_family = factory.Trait(family=factory.SubFactory(FamilyFactory))

    @factory.post_generation
    def enrolled_at(self, create: bool, extracted: School | None, **kwargs: Any) -> None:
        if create and extracted is not None:
            EnrolmentFactory(child=self, school=extracted, **kwargs)


class EnrolmentFactory(DjangoModelFactory[Enrolment]):
    """A current enrolment since a year ago; `ended` and `future` for the others."""

    class Meta:
        model = Enrolment

    child = factory.SubFactory(ChildFactory)
    school = factory.SubFactory(SchoolFactory)
    school_class: Any = None
    pupil_number = factory.Sequence(lambda n: f"{100000 + n}")
    start_date = factory.LazyFunction(lambda: days_ago(365))
    end_date: Any = None

    class Params:
        with_class = factory.Trait(
            school_class=factory.SubFactory(
                SchoolClassFactory, school=factory.SelfAttribute("..school")))
        ended = factory.Trait(
            start_date=factory.LazyFunction(lambda: days_ago(730)),
            end_date=factory.LazyFunction(lambda: days_ago(1)))
        future = factory.Trait(
            start_date=factory.LazyFunction(lambda: days_ahead(30)), end_date=None)


class GuardianFactory(DjangoModelFactory[Guardian]):
    class Meta:
        model = Guardian

    full_name = factory.Faker("name", locale="nl_NL")
    email = factory.Sequence(lambda n: f"ouder{n}@example.org")
    phone = "06 12345678"


class GuardianshipFactory(DjangoModelFactory[Guardianship]):
    """A parent with custody (gezag) by default."""

    class Meta:
        model = Guardianship

    guardian = factory.SubFactory(GuardianFactory)
    child = factory.SubFactory(ChildFactory)
    relation = "ouder"
    has_custody = True

    class Params:
        without_custody = factory.Trait(has_custody=False)
        custody = factory.Trait(has_custody=True)


# --- signals -----------------------------------------------------------------------------


class ThemeFactory(DjangoModelFactory[Theme]):
    class Meta:
        model = Theme
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"thema-{n}")
    label = factory.LazyAttribute(lambda o: o.code.capitalize())
    is_active = True

    class Params:
        inactive = factory.Trait(is_active=False)


class SignalFactory(DjangoModelFactory[Signal]):
    """A new child-level signal about a pupil of the school; traits for class and school
    level and for the statuses."""

    class Meta:
        model = Signal

    level = SignalLevel.CHILD
    school = factory.SubFactory(SchoolFactory)
    school_class: Any = None
    child = factory.SubFactory(
        ChildFactory, enrolled_at=factory.SelfAttribute("...school"))
    theme = factory.SubFactory(ThemeFactory)
    description = "Komt vaak te laat en lijkt moe."
    observed_outside_school = False
    status = SignalStatus.NEW
    raised_by = factory.SubFactory(ProfessionalFactory, teacher=True)
    case: Any = None
    collective_action = ""

    class Params:
        class_level = factory.Trait(
            level=SignalLevel.CLASS, child=None,
            school_class=factory.SubFactory(
                SchoolClassFactory, school=factory.SelfAttribute("..school")))
        school_level = factory.Trait(level=SignalLevel.SCHOOL, child=None, school_class=None)
        discussed = factory.Trait(status=SignalStatus.DISCUSSED)
        linked_collective = factory.Trait(
            status=SignalStatus.LINKED_COLLECTIVE, collective_action="Weerbaarheidstraining")
        closed = factory.Trait(status=SignalStatus.CLOSED)


# --- cases -------------------------------------------------------------------------------


class CaseFactory(DjangoModelFactory[Case]):
    """An open case about a pupil of the school. A coordinator given is also involved
    (`involve_coordinator=False` to skip); `involved=[...]` adds active involvements."""

    class Meta:
        model = Case
        skip_postgeneration_save = True

    reference = factory.Sequence(lambda n: f"C1999-{n:06d}")  # never clashes with case_open
    title = "Zorgen over welbevinden"
    child = factory.SubFactory(ChildFactory, enrolled_at=factory.SelfAttribute("...school"))
    family: Any = None
    school = factory.SubFactory(SchoolFactory)
    status = CaseStatus.OPEN
    coordinator: Any = None
    plan_template = factory.SubFactory(PlanTemplateFactory)
    opened_by = factory.SubFactory(ProfessionalFactory, support_coordinator=True)
    opened_at = factory.LazyFunction(timezone.now)
    last_evaluated_at: Any = None
    closed_at: Any = None
    closure_reason = ""

    class Params:
        for_family = factory.Trait(child=None, family=factory.SubFactory(FamilyFactory))
        with_coordinator = factory.Trait(coordinator=factory.SubFactory(ProfessionalFactory))
        escalated = factory.Trait(status=CaseStatus.ESCALATED)
        closed = factory.Trait(
            status=CaseStatus.CLOSED, closed_at=factory.LazyFunction(timezone.now),
            closure_reason="Doelen bereikt.")

    @factory.post_generation
    def involve_coordinator(
        self, create: bool, extracted: bool | None, **kwargs: Any,
    ) -> None:
        if create and extracted is not False and self.coordinator is not None:
            InvolvementFactory(case=self, professional=self.coordinator)

    @factory.post_generation
    def involved(self, create: bool, extracted: list[Professional] | None,
                 **kwargs: Any) -> None:
        if not create:
            return
        already = set(self.involvements.values_list("professional_id", flat=True))
        for professional in extracted or []:
            if professional.pk not in already:
                InvolvementFactory(case=self, professional=professional, **kwargs)


class InvolvementFactory(DjangoModelFactory[Involvement]):
    """An active involvement since a month ago; `ended` ended yesterday."""

    class Meta:
        model = Involvement

    case = factory.SubFactory(CaseFactory)
    professional = factory.SubFactory(ProfessionalFactory)
    part = "Begeleiding van het kind"
    start_date = factory.LazyFunction(lambda: days_ago(30))
    end_date: Any = None
    added_by = factory.SelfAttribute("professional")

    class Params:
        ended = factory.Trait(end_date=factory.LazyFunction(lambda: days_ago(1)))
        ending_later = factory.Trait(end_date=factory.LazyFunction(lambda: days_ahead(14)))


class ConsultationFactory(DjangoModelFactory[Consultation]):
    class Meta:
        model = Consultation

    case = factory.SubFactory(CaseFactory)
    signals_seen = "Vechtpartijen op het schoolplein."
    already_started = "Gesprek met moeder."
    wisdom = "Schoolmaatschappelijk werk erbij halen."
    who_takes_role = "De IB'er."
    recorded_by = factory.SubFactory(ProfessionalFactory)


def _next_version(o: Any) -> int:
    return PlanStepEntry.objects.filter(case=o.case, step=o.step).count() + 1


class PlanStepEntryFactory(DjangoModelFactory[PlanStepEntry]):
    class Meta:
        model = PlanStepEntry

    case = factory.SubFactory(CaseFactory)
    step = 1
    version = factory.LazyAttribute(_next_version)
    content = "Er zijn zorgen over het welbevinden op school en thuis."
    is_provisional = False
    consensus: Any = None
    dissent = ""
    filled_in_by = factory.SubFactory(ProfessionalFactory)

    class Params:
        evaluation = factory.Trait(step=6, consensus=True)
        without_consensus = factory.Trait(
            step=3, consensus=False, dissent="Moeder wil eerst zelf verder.")


class AgreementFactory(DjangoModelFactory[Agreement]):
    """An open agreement due in two weeks; `overdue`, `done`, `cancelled` for the others."""

    class Meta:
        model = Agreement

    case = factory.SubFactory(CaseFactory)
    description = "Contact opnemen met de huisarts."
    owner = factory.SubFactory(ProfessionalFactory)
    due_date = factory.LazyFunction(lambda: days_ahead(14))
    status = AgreementStatus.OPEN
    is_provisional = False
    created_by = factory.SelfAttribute("owner")
    completed_at: Any = None

    class Params:
        overdue = factory.Trait(due_date=factory.LazyFunction(lambda: days_ago(3)))
        done = factory.Trait(
            status=AgreementStatus.DONE, completed_at=factory.LazyFunction(timezone.now))
        cancelled = factory.Trait(status=AgreementStatus.CANCELLED)


class InterventionFactory(DjangoModelFactory[Intervention]):
    class Meta:
        model = Intervention

    case = factory.SubFactory(CaseFactory)
    description = "Ambulante gezinsbegeleiding"
    provider = "Jeugdhulp Twente"
    start_date = factory.LazyFunction(lambda: days_ago(90))
    end_date: Any = None
    effect = ""
    recorded_by = factory.SubFactory(ProfessionalFactory)

    class Params:
        finished = factory.Trait(
            end_date=factory.LazyFunction(lambda: days_ago(10)), effect="Rust in huis.")


class ClassroomAdviceFactory(DjangoModelFactory[ClassroomAdvice]):
    class Meta:
        model = ClassroomAdvice

    case = factory.SubFactory(CaseFactory)
    advice = "Geef een vaste plek vooraan en kondig overgangen aan."
    given_by = factory.SubFactory(ProfessionalFactory)


class EscalationFactory(DjangoModelFactory[Escalation]):
    class Meta:
        model = Escalation

    case = factory.SubFactory(CaseFactory, escalated=True)
    level = EscalationLevel.SOT
    reason = "Afspraken worden niet nagekomen."
    escalated_by = factory.SubFactory(ProfessionalFactory)

    class Params:
        sot_plus = factory.Trait(level=EscalationLevel.SOT_PLUS)
        management = factory.Trait(level=EscalationLevel.MANAGEMENT)


# --- audit and notifications -------------------------------------------------------------


class AccessEventFactory(DjangoModelFactory[AccessEvent]):
    class Meta:
        model = AccessEvent

    occurred_at = factory.LazyFunction(timezone.now)
    event_code = "case.view"
    action = Action.READ
    outcome = Outcome.SUCCESS
    user_id = 1
    user_name = "Anne de Vries"
    user_function = "Jeugdverpleegkundige"
    organisation_name = "GGD Twente"
    ip_address = "192.0.2.10"
    object_type = "cases.case"
    object_id = "1"
    child_id = 1
    ground = "involved"

    class Params:
        denied = factory.Trait(outcome=Outcome.DENIED, ground="")


class NotificationFactory(DjangoModelFactory[Notification]):
    class Meta:
        model = Notification

    recipient = factory.SubFactory(UserFactory)
    kind = NotificationKind.INVOLVED
    message = "Je bent betrokken bij casus C2026-000001."
    link = "/casussen/1/"


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
