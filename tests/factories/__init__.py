"""factory_boy factories for every domain model, with traits for the usual variants.

Dates are relative to `timezone.localdate()` so that tests pass on any day. Factories build
rows directly; they do not go through the services (the service tests call those).
`ActorFactory` / `actor_for` build the `Actor` that services, selectors and the policy take.
`consent_for(case, organisation)` / `care_consent(child, organisation)` record a care consent
in force today (what the age rule asks for), so that another organisation than the file
holder may read a case; `CaseFactory(consented=True)` does so for all who work on it.
"""

from __future__ import annotations

from tests.factories.audit import (
    AccessEventFactory,
    NotificationFactory,
)
from tests.factories.cases import (
    AgreementFactory,
    CaseFactory,
    ClassroomAdviceFactory,
    ConsultationFactory,
    EscalationFactory,
    InterventionFactory,
    InvolvementFactory,
    PlanStepEntryFactory,
    SignalFactory,
    ThemeFactory,
)
from tests.factories.children import (
    ChildFactory,
    ConsentFactory,
    ConsentSignatureFactory,
    CustodyFactory,
    EnrolmentFactory,
    FamilyFactory,
    GuardianFactory,
    GuardianshipFactory,
    LegalGroundFactory,
    MeasureFactory,
)
from tests.factories.consent import (
    care_consent,
    case_children,
    consent_for,
)
from tests.factories.dates import (
    birth_date_for_age,
    days_ago,
    days_ahead,
    today,
)
from tests.factories.organisations import SchoolPartnerFactory
from tests.factories.people import (
    ONE_FAMILY_ONE_PLAN,
    SEVEN_STEPS,
    ActorFactory,
    OrganisationFactory,
    PlanTemplateFactory,
    ProfessionalFactory,
    RegionFactory,
    SchoolClassFactory,
    SchoolFactory,
    TeamFactory,
    TeamMembershipFactory,
    UserFactory,
    actor_for,
)

__all__ = [
    "ONE_FAMILY_ONE_PLAN",
    "SEVEN_STEPS",
    "AccessEventFactory",
    "ActorFactory",
    "AgreementFactory",
    "CaseFactory",
    "ChildFactory",
    "ClassroomAdviceFactory",
    "ConsentFactory",
    "ConsentSignatureFactory",
    "ConsultationFactory",
    "CustodyFactory",
    "EnrolmentFactory",
    "EscalationFactory",
    "FamilyFactory",
    "GuardianFactory",
    "GuardianshipFactory",
    "InterventionFactory",
    "InvolvementFactory",
    "LegalGroundFactory",
    "MeasureFactory",
    "NotificationFactory",
    "OrganisationFactory",
    "PlanStepEntryFactory",
    "PlanTemplateFactory",
    "ProfessionalFactory",
    "RegionFactory",
    "SchoolClassFactory",
    "SchoolFactory",
    "SchoolPartnerFactory",
    "SignalFactory",
    "TeamFactory",
    "TeamMembershipFactory",
    "ThemeFactory",
    "UserFactory",
    "actor_for",
    "birth_date_for_age",
    "care_consent",
    "case_children",
    "consent_for",
    "days_ago",
    "days_ahead",
    "today",
]
