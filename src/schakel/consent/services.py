"""Changes to consent and legal grounds.

Every function asks the access policy (`policy.may_manage_consent`), validates everything before it
writes (a refusal stores nothing), runs in one transaction, writes its own access-log row and
notifies after commit. Who must consent follows `access.policy.consenters` on the day the consent is
given; whether a consent is in force later is decided by `policy.may_receive_category`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.access.policy import consenters
from schakel.accounts.models import User
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.writer import Subject, access_event_record
from schakel.cases.models import Case, CaseStatus, Involvement
from schakel.children.models import Child, Guardian, Guardianship
from schakel.consent import explain
from schakel.consent.models import (
    Consent,
    ConsentMethod,
    ConsentSignature,
    InformationCategory,
    LegalGround,
    LegalGroundKind,
)
from schakel.notifications.models import NotificationKind
from schakel.notifications.services import notification_send
from schakel.organisations.models import Organisation, Sector
from schakel.transactions import service_transaction


def consent_url(child: Child) -> str:
    return reverse("consent:child", kwargs={"child_id": child.pk})


def _guardian_errors(child: Child, guardians: Sequence[Guardian], day: dt.date) -> list[str]:
    """Each guardian must be a guardian of this child and have custody on `day`."""
    recorded = set(Guardianship.objects.filter(
        child=child, guardian__in=guardians).values_list("guardian_id", flat=True))
    custody = policy.custody_on(child, day)
    voogdij = policy.voogdij_on(child, day) if custody.voogd_organisation_id else None
    errors: list[str] = []
    for guardian in guardians:
        values = {"guardian": guardian.full_name, "child": child.first_name,
                  "date": explain.day_text(day)}
        if guardian.pk not in recorded:
            errors.append(_("%(guardian)s is not a parent or guardian of %(child)s.") % values)
        elif voogdij is not None:
            errors.append(_("%(child)s is under guardianship (voogdij) on %(date)s: "
                            "%(guardian)s has no custody; the voogd (%(voogd)s) consents.") % {
                **values, "voogd": voogdij.organisation.name})
        elif guardian.pk not in custody.guardian_ids:
            errors.append(_("%(guardian)s has no custody (gezag) of %(child)s and cannot "
                            "consent.") % values)
    return errors


def _voogd_error(actor: Actor, child: Child, day: dt.date) -> str | None:
    """Signing as voogd: the actor's organisation must be the voogd of `child` on `day`."""
    if policy.is_voogd(actor, child, day) is None:
        return _("%(organisation)s is not the voogd of %(child)s on %(date)s.") % {
            "organisation": actor.professional.organisation.name if actor.professional
            else "", "child": child.first_name, "date": explain.day_text(day)}
    return None


def _choice_errors(category: str, method: str | None = None) -> dict[str, str]:
    errors: dict[str, str] = {}
    if category not in InformationCategory.values:
        errors["category"] = _("Choose an information category.")
    if method is not None and method not in ConsentMethod.values:
        errors["method"] = _("Choose how the consent was given.")
    return errors


def consent_record(
    *, actor: Actor, child: Child, organisation: Organisation, category: InformationCategory,
    purpose: str, method: ConsentMethod, given_at: dt.date,
    guardians: Sequence[Guardian] = (), young_person: bool = False, voogd: bool = False,
    valid_until: dt.date | None = None,
) -> Consent:
    """Record consent given by guardians and/or the young person — or, under voogdij, by the
    GI as voogd, signed by the acting professional of the GI (`voogd`) — to share `category`
    of the child's information with `organisation` for `purpose`. Refused, with nothing
    stored, when the date lies in the future or the signatures do not satisfy the age rule
    and the custody of that date."""
    decision = enforce(
        actor, policy.may_give_consent(actor, child), event_code=EventCode.CONSENT_RECORD,
        action=Action.CREATE, subject=Subject("consent.consent", "", child.pk),
    )
    unique_guardians = list({g.pk: g for g in guardians}.values())
    errors: dict[str, list[str]] = {
        field: [message] for field, message in _choice_errors(category, method).items()}
    if not purpose.strip():
        errors["purpose"] = [_("Describe the purpose for which the information is shared.")]
    today = timezone.localdate()
    if given_at > today:
        errors["given_at"] = [_("The consent date lies in the future.")]
    if valid_until is not None and valid_until < given_at:
        errors["valid_until"] = [_("The end of validity lies before the date the consent was "
                                   "given.")]
    voogd_id = actor.professional.organisation_id if voogd and actor.professional else None
    if not unique_guardians and not young_person and not voogd:
        errors["guardians"] = [_("Say who gave the consent.")]
    elif "given_at" in errors:
        pass
    elif guardian_errors := _guardian_errors(child, unique_guardians, given_at):
        errors["guardians"] = guardian_errors
    elif voogd and (voogd_error := _voogd_error(actor, child, given_at)):
        errors["guardians"] = [voogd_error]
    else:
        requirement = policy.consent_requirement(child, given_at)
        missing = consenters.shortfall(
            requirement, guardian_ids={g.pk for g in unique_guardians}, young_person=young_person,
            voogd_ids={voogd_id} if voogd_id is not None else set())
        if missing:
            names = dict(Guardian.objects.filter(pk__in=missing.guardian_ids).values_list(
                "pk", "full_name"))
            errors["__all__"] = [" ".join([
                explain.requirement_text(requirement, name=child.first_name),
                explain.missing_text(missing, name=child.first_name, guardian_names=names),
            ])]
    if errors:
        raise ValidationError(errors)
    with service_transaction():
        consent = Consent.objects.create(
            child=child, organisation=organisation, category=category, purpose=purpose.strip(),
            method=method, given_at=given_at, valid_until=valid_until,
            # None when the consenter records it themselves in the portal.
            recorded_by=actor.professional,
        )
        ConsentSignature.objects.bulk_create(
            [ConsentSignature(consent=consent, guardian=g) for g in unique_guardians]
            + ([ConsentSignature(consent=consent, is_young_person=True)] if young_person else [])
            + ([ConsentSignature(consent=consent, voogd_id=voogd_id,
                                 voogd_professional=actor.professional)] if voogd_id else [])
        )
        access_event_record(
            actor=actor, event_code=EventCode.CONSENT_RECORD, action=Action.CREATE,
            subject=Subject.of(consent, child.pk), ground=decision.log_ground,
        )
    return consent


def _withdrawer_error(
    actor: Actor, child: Child, requirement: consenters.Requirement, *,
    guardian: Guardian | None, young_person: bool, voogd: bool,
) -> str | None:
    if [guardian is not None, young_person, voogd].count(True) != 1:
        return _("Say who withdraws the consent: one parent or guardian, or the young person.")
    values = {"name": child.first_name, "age": requirement.age}
    today = timezone.localdate()
    if voogd:
        if voogd_error := _voogd_error(actor, child, today):
            return voogd_error
        if not requirement.needs_guardians:
            return _("%(name)s is %(age)s and decides alone: only %(name)s can withdraw this "
                     "consent.") % values
    if guardian is not None:
        if guardian_errors := _guardian_errors(child, [guardian], today):
            return guardian_errors[0]
        if not requirement.needs_guardians:
            return _("%(name)s is %(age)s and decides alone: only %(name)s can withdraw this "
                     "consent.") % values
    if young_person and not requirement.needs_young_person:
        return _("%(name)s is %(age)s: a parent with custody withdraws the consent.") % values
    return None


def _involved_recipients(child: Child, organisation: Organisation, actor: Actor) -> list[User]:
    """Professionals of `organisation` involved in the child's open cases, and the
    coordinators of those cases (not the actor)."""
    today = timezone.localdate()
    cases = Case.objects.exclude(status=CaseStatus.CLOSED).filter(
        Q(child=child) | Q(family_id=child.family_id, family__isnull=False))
    involved = Involvement.objects.filter(
        case__in=cases, professional__organisation=organisation,
    ).active_on(today).select_related("professional__user")
    users = {inv.professional.user for inv in involved}
    users |= {case.coordinator.user for case in cases.select_related("coordinator__user")
              if case.coordinator is not None}
    return [user for user in users if user.pk != actor.user.pk]


def consent_withdraw(
    *, actor: Actor, child: Child, consent_id: int, by_guardian: Guardian | None = None,
    by_young_person: bool = False, by_voogd: bool = False,
) -> Consent:
    """Withdraw a consent at once, on behalf of a guardian with custody, the young person, or
    under voogdij the GI (the acting professional signs for it): whoever must consent today
    may withdraw. Notifies the receiving organisation's
    professionals involved with the child and the coordinators of the child's cases."""
    decision = enforce(
        actor, policy.may_give_consent(actor, child), event_code=EventCode.CONSENT_WITHDRAW,
        action=Action.UPDATE, subject=Subject("consent.consent", str(consent_id), child.pk),
    )
    consent = Consent.objects.select_related("organisation").filter(
        pk=consent_id, child=child).first()
    if consent is None:
        raise ValidationError(_("This consent was never given, so it cannot be withdrawn."))
    requirement = policy.consent_requirement(child, timezone.localdate())
    error = _withdrawer_error(actor, child, requirement, guardian=by_guardian,
                              young_person=by_young_person, voogd=by_voogd)
    if error is not None:
        raise ValidationError(error)
    with service_transaction():
        consent = Consent.objects.select_for_update().select_related("organisation").get(
            pk=consent.pk)
        if consent.withdrawn_at is not None:
            raise ValidationError(_("This consent was already withdrawn on %(date)s.") % {
                "date": explain.day_text(timezone.localdate(consent.withdrawn_at))})
        consent.withdrawn_at = timezone.now()
        consent.withdrawn_by_guardian = by_guardian
        consent.withdrawn_by_young_person = by_young_person
        consent.withdrawn_by_voogd = (
            actor.professional.organisation if by_voogd and actor.professional else None)
        consent.withdrawal_recorded_by = actor.professional  # None: withdrawn in the portal
        consent.save(update_fields=["withdrawn_at", "withdrawn_by_guardian",
                                    "withdrawn_by_young_person", "withdrawn_by_voogd",
                                    "withdrawal_recorded_by"])
        access_event_record(
            actor=actor, event_code=EventCode.CONSENT_WITHDRAW, action=Action.UPDATE,
            subject=Subject.of(consent, child.pk), ground=decision.log_ground,
        )
        notification_send(
            recipients=_involved_recipients(child, consent.organisation, actor),
            kind=NotificationKind.CONSENT_WITHDRAWN,
            message=lambda: Truncator(_(
                "Consent to share %(category)s of %(child)s with %(organisation)s has been "
                "withdrawn; it no longer applies.") % {
                "category": InformationCategory(consent.category).label.lower(),
                "child": child.full_name, "organisation": consent.organisation.name,
            }).chars(300),
            link=consent_url(child),
        )
    return consent


def legal_ground_record(
    *, actor: Actor, child: Child, organisation: Organisation, category: InformationCategory,
    kind: LegalGroundKind, reference: str, valid_from: dt.date,
    valid_until: dt.date | None = None,
) -> LegalGround:
    """Record a ground other than consent (a statutory duty) with its legal reference, within
    the rule of its kind (`policy.GROUND_RULES`): its categories, its receiving sector, its
    longest period. Recorded by the file holder or the privacy officer
    (`policy.may_record_legal_ground`), never for the recorder's own organisation."""
    decision = enforce(
        actor, policy.may_record_legal_ground(actor, child),
        event_code=EventCode.LEGAL_GROUND_RECORD, action=Action.CREATE,
        subject=Subject("consent.legalground", "", child.pk),
    )
    errors = _choice_errors(category)
    if kind not in LegalGroundKind.values:
        errors["kind"] = _("Choose the legal ground.")
    if not reference.strip():
        errors["reference"] = _("Give the legal reference (article, report or decision).")
    if valid_until is not None and valid_until < valid_from:
        errors["valid_until"] = _("The end date lies before the start date.")
    if not policy.may_record_legal_ground_for(actor, organisation):
        errors["organisation"] = _(
            "Nobody records a legal ground for their own organisation: the organisation that "
            "holds the file or the privacy officer records it.")
    if not errors:
        errors = _ground_rule_errors(kind, category, organisation, valid_from, valid_until)
    if errors:
        raise ValidationError(errors)
    with service_transaction():
        ground = LegalGround.objects.create(
            child=child, organisation=organisation, category=category, kind=kind,
            reference=reference.strip(), valid_from=valid_from, valid_until=valid_until,
            recorded_by=actor.require_professional(),
        )
        access_event_record(
            actor=actor, event_code=EventCode.LEGAL_GROUND_RECORD, action=Action.CREATE,
            subject=Subject.of(ground, child.pk), ground=decision.log_ground,
        )
    return ground


def _ground_rule_errors(
    kind: str, category: str, organisation: Organisation, valid_from: dt.date,
    valid_until: dt.date | None,
) -> dict[str, str]:
    problems = policy.ground_rule_problems(
        kind=kind, category=category, organisation=organisation, valid_from=valid_from,
        valid_until=valid_until)
    if not problems:
        return {}
    rule = policy.GROUND_RULES[kind]
    values = {"ground": LegalGroundKind(kind).label, "source": rule.source,
              "categories": ", ".join(str(InformationCategory(c).label)
                                      for c in sorted(rule.categories)),
              "sectors": ", ".join(str(Sector(s).label) for s in sorted(rule.receiving_sectors)),
              "days": rule.max_days}
    messages = {
        "not_by_hand": _("%(ground)s is derived from the measure itself and is not recorded "
                         "by hand."),
        "category": _("%(ground)s (%(source)s) opens only: %(categories)s."),
        "sector": _("%(ground)s (%(source)s) is for an organisation of the sector: "
                    "%(sectors)s."),
        "open_ended": _("%(ground)s lasts at most %(days)s days: give its end date."),
        "too_long": _("%(ground)s lasts at most %(days)s days."),
    }
    return {field: messages[code] % values for field, code in problems.items()}


def legal_ground_end(
    *, actor: Actor, legal_ground: LegalGround, end_date: dt.date | None = None,
) -> LegalGround:
    """End a legal ground on `end_date` (today by default); from the next day it no longer
    applies. Who may: `policy.may_end_legal_ground` (the file holder, the privacy officer, the
    receiving organisation itself)."""
    child = legal_ground.child
    decision = enforce(
        actor, policy.may_end_legal_ground(actor, legal_ground),
        event_code=EventCode.LEGAL_GROUND_END,
        action=Action.UPDATE, subject=Subject.of(legal_ground, child.pk),
    )
    today = timezone.localdate()
    end = end_date or today
    with service_transaction():
        legal_ground = LegalGround.objects.select_for_update().get(pk=legal_ground.pk)
        if legal_ground.ended_by_id is not None or legal_ground.has_ended_before(today):
            raise ValidationError(_("This legal ground has already ended."))
        if end < legal_ground.valid_from:
            raise ValidationError({"end_date": _("The end date lies before the start date.")})
        if legal_ground.valid_until is not None and end > legal_ground.valid_until:
            raise ValidationError({"end_date": _(
                "The end date lies after the ground's own end; record a new ground instead.")})
        legal_ground.valid_until = end
        legal_ground.ended_by = actor.require_professional()
        legal_ground.save(update_fields=["valid_until", "ended_by"])
        access_event_record(
            actor=actor, event_code=EventCode.LEGAL_GROUND_END, action=Action.UPDATE,
            subject=Subject.of(legal_ground, child.pk), ground=decision.log_ground,
        )
    return legal_ground
