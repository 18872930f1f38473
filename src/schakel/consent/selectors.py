"""Reads of consent: a child's overview and the sharing check "Mag ik dit delen?".

Both go through the access policy (`policy.may_read_consent`) and leave an access-log row; the
answer itself comes from `policy.may_receive_category`, the same function case access uses.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.access.policy import consenters
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.reads import logged_read
from schakel.audit.writer import Subject
from schakel.children.models import Child, Guardian, Guardianship, Measure
from schakel.consent import explain
from schakel.consent.models import (
    Consent,
    ConsentSignature,
    InformationCategory,
    LegalGround,
    LegalGroundKind,
)
from schakel.organisations.models import Organisation


def _child_subjects(child: Child) -> list[Subject]:
    return [Subject.of(child, child.pk)]


@logged_read(event_code=EventCode.CONSENT_CHILD, subjects=_child_subjects)
def consent_child_get(*, actor: Actor, child_id: int) -> Child:
    """The child whose consents the actor may see (`policy.may_read_consent`), or 404 — the same
    for missing and forbidden. The read of the child's name is logged."""
    child = Child.objects.select_related("family").filter(pk=child_id).first()
    subject = Subject("children.child", str(child_id), child.pk if child else None)
    enforce(
        actor, policy.may_read_consent(actor, child) if child is not None else policy.DENY,
        event_code=EventCode.CONSENT_CHILD, action=Action.READ, subject=subject)
    assert child is not None  # noqa: S101 -- enforce raised otherwise
    return child


@dataclass(frozen=True)
class SharingAnswer:
    """Yes or no, the ground in plain words, and an explanation naming what is missing."""

    allowed: bool
    ground: str
    explanation: str
    child: Child


@dataclass(frozen=True)
class ConsentRow:
    consent: Consent
    in_force: bool
    consenters: str


@dataclass(frozen=True)
class ConsentOverview:
    child: Child
    requirement_text: str
    consents: list[ConsentRow]
    legal_grounds: list[LegalGround]
    measures: list[Measure]
    guardianships: list[Guardianship]
    may_manage: bool  # end legal grounds
    may_give: bool  # record and withdraw consent (also the GI as voogd)
    may_record_ground: bool
    # The legal grounds the reader may end (`policy.may_end_legal_ground`).
    endable_ground_ids: frozenset[int]


def _signatures(consent: Consent) -> list[ConsentSignature]:
    return list(consent.signatures.all())


def _signer_name(signature: ConsentSignature, child: Child) -> str:
    if signature.guardian is not None:
        return signature.guardian.full_name
    if signature.voogd is not None:
        return _("%(organisation)s (voogd)") % {"organisation": signature.voogd.name}
    return child.first_name


def consenters_text(consent: Consent, child: Child) -> str:
    return ", ".join(_signer_name(s, child) for s in _signatures(consent))


def _consents(child: Child) -> QuerySet[Consent]:
    return Consent.objects.filter(child=child).select_related("organisation").prefetch_related(
        Prefetch("signatures", queryset=ConsentSignature.objects.select_related(
            "guardian", "voogd")))


def _overview_subjects(overview: ConsentOverview) -> list[Subject]:
    return _child_subjects(overview.child)


@logged_read(event_code=EventCode.CONSENT_LIST, subjects=_overview_subjects)
def consent_overview(*, actor: Actor, child: Child, day: dt.date | None = None) -> ConsentOverview:
    """A child's consents (with whether each is in force today), legal grounds and measures."""
    enforce(actor, policy.may_read_consent(actor, child),
            event_code=EventCode.CONSENT_LIST, action=Action.READ,
            subject=Subject.of(child, child.pk))
    day = day or timezone.localdate()
    requirement = policy.consent_requirement(child, day)
    history = policy.custody_history(child.pk)
    rows = [ConsentRow(c, policy.consent_in_force(c, requirement, day, history),
                       consenters_text(c, child)) for c in _consents(child)]
    grounds = list(LegalGround.objects.filter(child=child).select_related(
        "child", "organisation", "recorded_by"))
    return ConsentOverview(
        child=child,
        requirement_text=explain.requirement_text(requirement, name=child.first_name),
        consents=rows,
        legal_grounds=grounds,
        measures=list(Measure.objects.filter(child=child).select_related(
            "organisation", "worker")),
        guardianships=list(Guardianship.objects.filter(child=child).select_related("guardian")),
        may_manage=bool(policy.may_manage_consent(actor, child)),
        may_give=bool(policy.may_give_consent(actor, child)),
        may_record_ground=bool(policy.may_record_legal_ground(actor, child)),
        endable_ground_ids=frozenset(
            g.pk for g in grounds if g.ended_by_id is None
            and policy.may_end_legal_ground(actor, g)),
    )


def _allowed_text(
    decision: policy.CategoryDecision, *, child: Child, organisation: Organisation,
    category_label: str,
) -> tuple[str, str]:
    values = {"organisation": organisation.name, "category": category_label,
              "name": child.first_name}
    if decision.consent is not None:
        consent = decision.consent
        text = _("%(organisation)s may receive %(category)s of %(name)s: consent given on "
                 "%(date)s by %(consenters)s, for: %(purpose)s.") % {
            **values, "date": explain.day_text(consent.given_at),
            "consenters": consenters_text(consent, child), "purpose": consent.purpose}
        if consent.valid_until is not None:
            text += " " + _("The consent is valid until %(date)s.") % {
                "date": explain.day_text(consent.valid_until)}
        return str(_("Consent")), text
    if decision.legal_ground is not None:
        ground = decision.legal_ground
        label = str(LegalGroundKind(ground.kind).label)
        return label, _("%(organisation)s may receive %(category)s of %(name)s without consent, "
                        "on a legal ground: %(ground)s (%(reference)s).") % {
            **values, "ground": label, "reference": ground.reference}
    since = decision.measure.start_date if decision.measure is not None else None
    return str(LegalGroundKind.OTS_DUTY_TO_INFORM.label), _(
        "%(name)s is under a supervision order (OTS) since %(date)s, carried out by "
        "%(organisation)s: the school informs the child-protection worker of its concerns on "
        "that statutory ground, without consent.") % {
        **values, "date": explain.day_text(since) if since else ""}


def _refused_text(
    decision: policy.CategoryDecision, *, child: Child, organisation: Organisation,
    category: str, category_label: str, day: dt.date,
) -> str:
    requirement = decision.requirement
    name = child.first_name
    lines = [explain.requirement_text(requirement, name=name)]
    if (requirement.needs_guardians and not requirement.custodian_ids
            and requirement.voogd_organisation_id is None):
        lines.append(_("No parent or guardian with custody is recorded; under guardianship "
                       "(voogdij) the voogd decides."))
    candidates = [c for c in _consents(child).filter(organisation=organisation, category=category)
                  if c.given_at <= day]
    if not candidates:
        lines.append(_("No consent has been recorded for sharing %(category)s with "
                       "%(organisation)s.") % {"category": category_label,
                                               "organisation": organisation.name})
    for consent in candidates[:3]:
        given = explain.day_text(consent.given_at)
        if consent.withdrawn_at is not None and consent.is_withdrawn_on(day):
            lines.append(_("The consent of %(date)s was withdrawn on %(withdrawn)s.") % {
                "date": given,
                "withdrawn": explain.day_text(timezone.localdate(consent.withdrawn_at))})
        elif consent.valid_until is not None and consent.valid_until < day:
            lines.append(_("The consent of %(date)s was valid until %(until)s.") % {
                "date": given, "until": explain.day_text(consent.valid_until)})
        else:
            signatures = _signatures(consent)
            then = policy.custody_history(child.pk).on(consent.given_at)
            missing = consenters.shortfall(
                dataclasses.replace(requirement, custodian_ids=then.guardian_ids,
                                    voogd_organisation_id=then.voogd_organisation_id),
                guardian_ids={s.guardian_id for s in signatures if s.guardian_id is not None},
                young_person=any(s.is_young_person for s in signatures),
                voogd_ids={s.voogd_id for s in signatures if s.voogd_id is not None})
            names = dict(Guardian.objects.filter(pk__in=missing.guardian_ids).values_list(
                "pk", "full_name"))
            lines.append(_("The consent of %(date)s is not enough.") % {"date": given} + " "
                         + explain.missing_text(missing, name=name, guardian_names=names))
    lines.append(_("Do not share until the consent is there, or a legal ground applies."))
    return " ".join(lines)


def _answer_subjects(answer: SharingAnswer) -> list[Subject]:
    return _child_subjects(answer.child)


@logged_read(event_code=EventCode.CONSENT_SHARING_CHECK, subjects=_answer_subjects)
def sharing_check(
    *, actor: Actor, child: Child, recipient: Organisation,
    category: InformationCategory | str, day: dt.date | None = None,
) -> SharingAnswer:
    """"Mag ik dit delen?": may `recipient` receive `category` of `child`'s information on
    `day` (today by default)? The answer names the ground, or what is missing."""
    enforce(actor, policy.may_read_consent(actor, child),
            event_code=EventCode.CONSENT_SHARING_CHECK, action=Action.READ,
            subject=Subject.of(child, child.pk))
    day = day or timezone.localdate()
    decision = policy.may_receive_category(child, recipient, category, day)
    category_label = InformationCategory(category).label.lower()
    if decision:
        ground, explanation = _allowed_text(decision, child=child, organisation=recipient,
                                            category_label=category_label)
    else:
        ground = ""
        explanation = _refused_text(decision, child=child, organisation=recipient,
                                    category=category, category_label=category_label, day=day)
    return SharingAnswer(allowed=decision.allowed, ground=str(ground), explanation=explanation,
                         child=child)


def recipient_organisations() -> QuerySet[Organisation]:
    """Organisations that can be chosen as a recipient (not child data)."""
    return Organisation.objects.order_by("name")


def legal_ground_of_child(*, child: Child, legal_ground_id: int) -> LegalGround | None:
    """A legal ground of a child already read through `child_get`, to end it (the service
    checks the policy and writes the access-log row)."""
    return LegalGround.objects.select_related("child").filter(
        pk=legal_ground_id, child=child).first()


@dataclass(frozen=True)
class GroundFinding:
    legal_ground: LegalGround
    problems: list[str]


def legal_grounds_breaking_rules() -> list[GroundFinding]:
    """Every recorded legal ground in force or still to come that breaks the rule of its kind
    or was recorded by the receiving organisation itself (for `legal_grounds_check`; ids and
    codes only, no child's content)."""
    today = timezone.localdate()
    grounds = LegalGround.objects.select_related("organisation", "recorded_by").order_by("pk")
    findings = []
    for ground in grounds.iterator(chunk_size=500):
        if ground.has_ended_before(today):
            continue
        problems = sorted(set(policy.ground_rule_problems(
            kind=ground.kind, category=ground.category, organisation=ground.organisation,
            valid_from=ground.valid_from, valid_until=ground.valid_until).values()))
        if ground.recorded_by.organisation_id == ground.organisation_id:
            problems.append("recorded_by_receiver")
        if problems:
            findings.append(GroundFinding(ground, problems))
    return findings


SHARING_CHECK_CHOICES = 20


def _found_subjects(children: list[Child]) -> list[Subject]:
    return [Subject.of(child, child.pk) for child in children]


@logged_read(event_code=EventCode.SHARING_CHECK_CHILDREN, subjects=_found_subjects)
def children_for_sharing_check(*, actor: Actor, query: str) -> list[Child]:
    """The children the actor may see whose name matches `query`, to pick one for *Mag ik dit
    delen?*; nothing for an empty query. Each child shown is logged."""
    words = query.split()
    if not words:
        return []
    children = Child.objects.filter(policy.children_visible_q(actor))
    for word in words:
        children = children.filter(Q(first_name__icontains=word) | Q(last_name__icontains=word))
    return list(children.order_by("last_name", "first_name", "pk")[:SHARING_CHECK_CHOICES])
