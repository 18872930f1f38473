"""Care consents in force today, signed by whoever the age rule asks for, so that a
professional of another organisation than the file holder may read a case
(`policy.may_read_case`: across organisations, case content follows consent or a ground)."""

from __future__ import annotations

from typing import Any

from django.conf import settings

from schakel.access import policy
from schakel.access.policy import consenters
from schakel.cases.models import Case
from schakel.children.models import Child, Guardian, Guardianship
from schakel.consent.models import Consent, InformationCategory
from schakel.organisations.models import Organisation
from tests.factories.children import ConsentFactory, GuardianshipFactory
from tests.factories.dates import today


def _custodians(child: Child) -> list[Guardian]:
    """The child's guardians with custody; one is added when none is recorded, so that the
    guardians' part of the consent can be signed."""
    custodians = policy.custody_on(child, today()).guardian_ids
    guardians = [g.guardian for g in Guardianship.objects.filter(
        child=child, guardian_id__in=custodians).select_related("guardian").order_by("pk")]
    if not guardians:
        guardians = [GuardianshipFactory(child=child).guardian]
    return guardians


def care_consent(child: Child, organisation: Organisation, **kwargs: Any) -> Consent:
    """A consent to share `child`'s care content with `organisation`, in force today under
    the age rule of `policy.consenters`: signed by the guardians with custody under 12, by them
    and the young person from 12 to 15, by the young person alone from 16. Every guardian
    with custody signs where the guardians must, so it holds under either custody rule.
    Other `ConsentFactory` fields (e.g. `recorded_by`, `given_at`) may be passed."""
    requirement = consenters.required_consenters(
        birth_date=child.birth_date, day=today(), custodian_ids=(),
        custody_rule=consenters.CustodyRule(settings.SCHAKEL_CONSENT_CUSTODY_RULE))
    signed_by = _custodians(child) if requirement.needs_guardians else []
    kwargs.setdefault("category", InformationCategory.CARE)
    consent: Consent = ConsentFactory(
        child=child, organisation=organisation, signed_by=signed_by,
        signed_by_young_person=requirement.needs_young_person, **kwargs)
    return consent


def case_children(case: Case) -> list[Child]:
    """The child of a child case, or every child of a family case's family."""
    if case.child is not None:
        return [case.child]
    if case.family_id is not None:
        return list(Child.objects.filter(family_id=case.family_id).order_by("pk"))
    return []


def consent_for(case: Case, organisation: Organisation, **kwargs: Any) -> list[Consent]:
    """A valid care consent (`care_consent`) for `organisation` for every child of `case`,
    so that its professionals who work on the case may read it."""
    return [care_consent(child, organisation, **kwargs) for child in case_children(case)]
