"""Giving and withdrawing consent in the portal, by the parent or young person themselves.

The consent is recorded by `consent.services.consent_record` (method "portal") as soon as
the signatures satisfy the age rule of the day (`policy.consenters`): under 12 one parent with
custody, from 16 the young person. From 12 to 15 both the young person and a parent with
custody must consent; the first one's signature waits as a `PendingConsent` and the others
are told. Withdrawal goes through `consent.services.consent_withdraw` and takes effect at
once for the very next request.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.access.policy import consenters
from schakel.accounts.models import User
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.writer import Subject, access_event_record
from schakel.children.models import Child, Guardian
from schakel.consent.models import Consent, ConsentMethod, InformationCategory
from schakel.consent.services import consent_record, consent_withdraw
from schakel.notifications.models import NotificationKind
from schakel.notifications.services import notification_send
from schakel.organisations.models import Organisation
from schakel.portal.models import PendingConsent, PendingConsentSignature, PendingConsentStatus
from schakel.portal.services.family import author_of
from schakel.transactions import composed_services, service_transaction


def portal_consent_url(child: Child) -> str:
    return reverse("portal:consent", kwargs={"child_id": child.pk})


def _subject(child: Child) -> Subject:
    return Subject("consent.consent", "", child.pk)


def _missing_users(child: Child, requirement: consenters.Requirement, *, guardian_ids: set[int],
                   young_person: bool, actor: Actor) -> list[User]:
    """The portal accounts of those whose signature is still missing."""
    users: list[User] = []
    if requirement.needs_young_person and not young_person and child.user is not None:
        users.append(child.user)
    if requirement.needs_guardians and not guardian_ids & requirement.custodian_ids:
        users += [g.user for g in Guardian.objects.filter(
            pk__in=requirement.custodian_ids, user__isnull=False).select_related("user")
            if g.user is not None]
    return [user for user in users if user.pk != actor.user.pk]


def _signed(pending: PendingConsent) -> tuple[list[Guardian], bool]:
    signatures = list(pending.signatures.select_related("by_guardian"))
    guardians = [s.by_guardian for s in signatures if s.by_guardian is not None]
    return guardians, any(s.by_young_person_id is not None for s in signatures)


def portal_consent_give(
    *, actor: Actor, child: Child, organisation: Organisation,
    category: InformationCategory | str, purpose: str,
) -> Consent | PendingConsent:
    """Give consent to share `category` of the child's information with `organisation`.
    Returns the recorded consent, or the pending one when someone else must consent too."""
    decision = enforce(actor, policy.may_give_consent_in_portal(actor, child),
                       event_code=EventCode.PORTAL_CONSENT_GIVE, action=Action.CREATE,
                       subject=_subject(child))
    errors: dict[str, str] = {}
    if category not in InformationCategory.values:
        errors["category"] = _("Choose what may be shared.")
    if not purpose.strip():
        errors["purpose"] = _("Describe what the information is shared for.")
    if errors:
        raise ValidationError(errors)
    if PendingConsent.objects.filter(child=child, organisation=organisation, category=category,
                                     status=PendingConsentStatus.OPEN).exists():
        raise ValidationError(_("This consent is already waiting for a signature; sign it "
                                "below, or decline it."))
    author = author_of(actor)
    guardian = author["by_guardian"]
    guardians = [guardian] if isinstance(guardian, Guardian) else []
    young_person = author["by_young_person"] is not None
    today = timezone.localdate()
    requirement = policy.consent_requirement(child, today)
    if consenters.is_satisfied(requirement, guardian_ids={g.pk for g in guardians},
                          young_person=young_person):
        return consent_record(
            actor=actor, child=child, organisation=organisation,
            category=InformationCategory(category), purpose=purpose, method=ConsentMethod.PORTAL,
            given_at=today, guardians=guardians, young_person=young_person)
    with service_transaction():
        pending = PendingConsent.objects.create(
            child=child, organisation=organisation, category=category, purpose=purpose.strip(),
            created_at=timezone.now())
        PendingConsentSignature.objects.create(pending=pending, signed_at=timezone.now(),
                                               **author)
        access_event_record(actor=actor, event_code=EventCode.PORTAL_CONSENT_GIVE,
                            action=Action.CREATE, subject=Subject.of(pending, child.pk),
                            ground=decision.log_ground)
        notification_send(
            recipients=_missing_users(child, requirement, guardian_ids={g.pk for g in guardians},
                                      young_person=young_person, actor=actor),
            kind=NotificationKind.CONSENT_REQUESTED,
            message=lambda: _("A consent for %(child)s is waiting for your signature.") % {
                "child": child.first_name},
            link=portal_consent_url(child))
        voogdij = policy.voogdij_on(child, today)
        if requirement.needs_guardians and voogdij is not None:
            # Under voogdij the GI's worker records the voogd's consent on the professionals'
            # side (`consent_record(voogd=True)`), with the young person's signature.
            notification_send(
                recipients=[voogdij.worker.user], kind=NotificationKind.CONSENT_REQUESTED,
                message=lambda: _("%(child)s asks for the voogd's consent to share "
                                  "information with %(organisation)s.") % {
                    "child": child.full_name, "organisation": organisation.name},
                link=reverse("consent:child", kwargs={"child_id": child.pk}))
    return pending


def portal_consent_cosign(*, actor: Actor, pending: PendingConsent) -> Consent | None:
    """Add one's signature to a pending consent; when the signatures satisfy today's age
    rule the consent is recorded and returned."""
    child = pending.child
    decision = enforce(actor, policy.may_give_consent_in_portal(actor, child),
                       event_code=EventCode.PORTAL_CONSENT_COSIGN, action=Action.UPDATE,
                       subject=Subject.of(pending, child.pk))
    author = author_of(actor)
    # The last signature records the consent (`consent_record`) in the same transaction.
    with composed_services():
        pending = PendingConsent.objects.select_for_update(of=("self",)).select_related(
            "organisation").get(pk=pending.pk)
        if pending.status != PendingConsentStatus.OPEN:
            raise ValidationError(_("This consent is no longer waiting for a signature."))
        if pending.signatures.filter(**author).exists():
            raise ValidationError(_("You have already signed this consent."))
        PendingConsentSignature.objects.create(pending=pending, signed_at=timezone.now(),
                                               **author)
        access_event_record(actor=actor, event_code=EventCode.PORTAL_CONSENT_COSIGN,
                            action=Action.UPDATE, subject=Subject.of(pending, child.pk),
                            ground=decision.log_ground)
        guardians, young_person = _signed(pending)
        custodians = policy.custody_on(child, timezone.localdate()).guardian_ids
        guardians = [g for g in guardians if g.pk in custodians]
        requirement = policy.consent_requirement(child, timezone.localdate())
        if not consenters.is_satisfied(requirement, guardian_ids={g.pk for g in guardians},
                                  young_person=young_person):
            return None
        consent = consent_record(
            actor=actor, child=child, organisation=pending.organisation,
            category=InformationCategory(pending.category), purpose=pending.purpose,
            method=ConsentMethod.PORTAL, given_at=timezone.localdate(), guardians=guardians,
            young_person=young_person and requirement.needs_young_person)
        pending.status = PendingConsentStatus.RECORDED
        pending.consent = consent
        pending.save(update_fields=["status", "consent"])
    return consent


def portal_consent_decline(*, actor: Actor, pending: PendingConsent) -> PendingConsent:
    """Decline (or take back) a consent that is still waiting for a signature: nothing is
    shared."""
    child = pending.child
    decision = enforce(actor, policy.may_give_consent_in_portal(actor, child),
                       event_code=EventCode.PORTAL_CONSENT_DECLINE, action=Action.UPDATE,
                       subject=Subject.of(pending, child.pk))
    with service_transaction():
        pending = PendingConsent.objects.select_for_update().get(pk=pending.pk)
        if pending.status != PendingConsentStatus.OPEN:
            raise ValidationError(_("This consent is no longer waiting for a signature."))
        pending.status = PendingConsentStatus.CANCELLED
        pending.save(update_fields=["status"])
        access_event_record(actor=actor, event_code=EventCode.PORTAL_CONSENT_DECLINE,
                            action=Action.UPDATE, subject=Subject.of(pending, child.pk),
                            ground=decision.log_ground)
    return pending


def portal_consent_withdraw(*, actor: Actor, child: Child, consent_id: int) -> Consent:
    """Withdraw a consent oneself; it stops applying at once and those involved are told
    (`consent_withdraw` checks that this person may withdraw today and logs it)."""
    enforce(actor, policy.may_give_consent_in_portal(actor, child),
            event_code=EventCode.PORTAL_CONSENT_WITHDRAW, action=Action.UPDATE,
            subject=Subject("consent.consent", str(consent_id), child.pk))
    author = author_of(actor)
    guardian = author["by_guardian"]
    return consent_withdraw(
        actor=actor, child=child, consent_id=consent_id,
        by_guardian=guardian if isinstance(guardian, Guardian) else None,
        by_young_person=author["by_young_person"] is not None)
