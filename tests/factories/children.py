"""Families, children (with age traits), enrolments, guardians, measures, consent and legal
grounds."""

from __future__ import annotations

from typing import Any

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from schakel.children.models import (
    Child,
    Custody,
    CustodySource,
    Enrolment,
    Family,
    Guardian,
    Guardianship,
    Measure,
    MeasureKind,
)
from schakel.consent.models import (
    Consent,
    ConsentMethod,
    ConsentSignature,
    InformationCategory,
    LegalGround,
    LegalGroundKind,
)
from schakel.organisations.models import (
    School,
)
from tests.factories.dates import birth_date_for_age, days_ago, days_ahead
from tests.factories.people import (
    OrganisationFactory,
    ProfessionalFactory,
    SchoolClassFactory,
    SchoolFactory,
)

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


class CustodyFactory(DjangoModelFactory[Custody]):
    """Custody by law since the child's birth, open-ended."""

    class Meta:
        model = Custody

    guardianship = factory.SubFactory("tests.factories.children.GuardianshipFactory",
                                      has_custody=False)
    start_date = factory.LazyAttribute(lambda o: o.guardianship.child.birth_date)
    end_date = None
    source = CustodySource.BIRTH


class GuardianshipFactory(DjangoModelFactory[Guardianship]):
    """A parent with custody (gezag) by default: an open-ended custody period from the
    child's birth (`has_custody=False` or the trait `without_custody`: none)."""

    class Meta:
        model = Guardianship
        skip_postgeneration_save = True

    guardian = factory.SubFactory(GuardianFactory)
    child = factory.SubFactory(ChildFactory)
    relation = "ouder"

    class Params:
        has_custody = True
        without_custody = factory.Trait(has_custody=False)
        custody = factory.Trait(has_custody=True)

    custody_period = factory.Maybe(
        "has_custody",
        yes_declaration=factory.RelatedFactory(CustodyFactory, factory_related_name="guardianship"),
        no_declaration=None)


class MeasureFactory(DjangoModelFactory[Measure]):
    """An OTS running since two months, carried out by a child-protection worker's GI."""

    class Meta:
        model = Measure

    child = factory.SubFactory(ChildFactory)
    kind = MeasureKind.OTS
    worker = factory.SubFactory(ProfessionalFactory, child_protection_worker=True)
    organisation = factory.SelfAttribute("worker.organisation")
    start_date = factory.LazyFunction(lambda: days_ago(60))
    end_date: Any = None
    started_by = factory.SelfAttribute("worker")

    class Params:
        provisional = factory.Trait(kind=MeasureKind.PROVISIONAL_OTS)
        guardianship = factory.Trait(kind=MeasureKind.GUARDIANSHIP)
        youth_probation = factory.Trait(kind=MeasureKind.YOUTH_PROBATION)
        ended = factory.Trait(
            start_date=factory.LazyFunction(lambda: days_ago(400)),
            end_date=factory.LazyFunction(lambda: days_ago(35)))


class ConsentFactory(DjangoModelFactory[Consent]):
    """Consent, given a month ago in writing, to share care content with an organisation.
    Who signed is on `ConsentSignatureFactory` rows (`signed_by=[guardian, ...]`,
    `signed_by_young_person=True`)."""

    class Meta:
        model = Consent
        skip_postgeneration_save = True

    child = factory.SubFactory(ChildFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    category = InformationCategory.CARE
    purpose = "Afstemming van de hulp rond het kind"
    method = ConsentMethod.WRITTEN
    given_at = factory.LazyFunction(lambda: days_ago(30))
    valid_until: Any = None
    recorded_by = factory.SubFactory(ProfessionalFactory)

    class Params:
        withdrawn = factory.Trait(withdrawn_at=factory.LazyFunction(timezone.now))
        expired = factory.Trait(
            given_at=factory.LazyFunction(lambda: days_ago(400)),
            valid_until=factory.LazyFunction(lambda: days_ago(35)))

    @factory.post_generation
    def signed_by(self, create: bool, extracted: list[Guardian] | None, **kwargs: Any) -> None:
        if create:
            for guardian in extracted or []:
                ConsentSignatureFactory(consent=self, guardian=guardian)

    @factory.post_generation
    def signed_by_young_person(self, create: bool, extracted: bool | None,
                               **kwargs: Any) -> None:
        if create and extracted:
            ConsentSignatureFactory(consent=self, young_person=True)


class ConsentSignatureFactory(DjangoModelFactory[ConsentSignature]):
    """A guardian's signature; `young_person=True` for the young person's own."""

    class Meta:
        model = ConsentSignature

    consent = factory.SubFactory(ConsentFactory)
    guardian = factory.SubFactory(GuardianFactory)
    is_young_person = False

    class Params:
        young_person = factory.Trait(guardian=None, is_young_person=True)


class LegalGroundFactory(DjangoModelFactory[LegalGround]):
    """A statutory ground (the truancy report by default) in force since a month."""

    class Meta:
        model = LegalGround

    child = factory.SubFactory(ChildFactory)
    organisation = factory.SubFactory(OrganisationFactory, municipality_sector=True)
    category = InformationCategory.ATTENDANCE
    kind = LegalGroundKind.TRUANCY_REPORTING
    reference = "Leerplichtwet 1969, art. 21a"
    valid_from = factory.LazyFunction(lambda: days_ago(30))
    valid_until: Any = None
    recorded_by = factory.SubFactory(ProfessionalFactory)

    class Params:
        ots_duty = factory.Trait(
            kind=LegalGroundKind.OTS_DUTY_TO_INFORM, category=InformationCategory.SCHOOL,
            reference="BW 1:255 e.v.")
        meldcode = factory.Trait(kind=LegalGroundKind.MELDCODE, reference="Wet verplichte meldcode")
