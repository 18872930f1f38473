"""Signals and cases with everything a case holds."""

from __future__ import annotations

from typing import Any

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

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
)
from schakel.organisations.models import (
    Professional,
)
from schakel.signals.models import Signal, SignalLevel, SignalStatus, Theme
from tests.factories.children import ChildFactory, FamilyFactory
from tests.factories.consent import consent_for
from tests.factories.dates import days_ago, days_ahead, today
from tests.factories.people import (
    PlanTemplateFactory,
    ProfessionalFactory,
    SchoolClassFactory,
    SchoolFactory,
)

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
    (`involve_coordinator=False` to skip); `involved=[...]` adds active involvements.

    Across organisations a case's content follows consent (`policy.may_read_case`): only the
    organisation of `opened_by` (the file holder) reads without one. `consented=True` records
    a valid care consent (`consent.consent_for`) for every other organisation that works on
    the case when it is built (the coordinator's and those of `involved`)."""

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

    @factory.post_generation
    def consented(self, create: bool, extracted: bool | None, **kwargs: Any) -> None:
        if not (create and extracted):
            return
        organisations = {
            involvement.professional.organisation
            for involvement in self.involvements.active_on(today()).select_related(
                "professional__organisation")
        }
        if self.coordinator is not None:
            organisations.add(self.coordinator.organisation)
        for organisation in sorted(organisations, key=lambda o: o.pk):
            if organisation.pk != self.opened_by.organisation_id:
                consent_for(self, organisation, **kwargs)


class InvolvementFactory(DjangoModelFactory[Involvement]):
    """An active involvement since a month ago; `ended` ended yesterday. `consented=True`
    also records a valid care consent for the professional's organisation (unless it holds
    the case's file), so that they may read the case."""

    class Meta:
        model = Involvement
        skip_postgeneration_save = True

    case = factory.SubFactory(CaseFactory)
    professional = factory.SubFactory(ProfessionalFactory)
    part = "Begeleiding van het kind"
    start_date = factory.LazyFunction(lambda: days_ago(30))
    end_date: Any = None
    added_by = factory.SelfAttribute("professional")

    class Params:
        ended = factory.Trait(end_date=factory.LazyFunction(lambda: days_ago(1)))
        ending_later = factory.Trait(end_date=factory.LazyFunction(lambda: days_ahead(14)))

    @factory.post_generation
    def consented(self, create: bool, extracted: bool | None, **kwargs: Any) -> None:
        organisation = self.professional.organisation
        if create and extracted and organisation.pk != self.case.opened_by.organisation_id:
            consent_for(self.case, organisation, **kwargs)


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
