"""Warm hand-over services: an offer needs consent or a ground for the receiving organisation
(refused with nothing stored or sent), the receiver reads the frozen package, accepting moves
involvement and coordination, returning needs a reason, withdrawing empties the package."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone

from schakel.access.policy import Ground, consent_requirement, may_read_case
from schakel.audit.models import AccessEvent, Action, Outcome
from schakel.cases.models import Involvement
from schakel.cases.selectors import case_get
from schakel.cases.services.lifecycle import case_close
from schakel.cases.services.plan import agreement_create, plan_step_save
from schakel.consent import explain
from schakel.consent.models import Consent, InformationCategory, LegalGroundKind
from schakel.handover.models import Handover, HandoverKind, HandoverStatus
from schakel.handover.selectors import handover_get
from schakel.handover.services import (
    handover_accept,
    handover_offer,
    handover_return,
    handover_withdraw,
)
from schakel.notifications.models import Notification, NotificationKind
from tests.conftest import assert_nothing_changed, take_snapshot
from tests.factories import (
    AgreementFactory,
    ClassroomAdviceFactory,
    ConsentFactory,
    InvolvementFactory,
    LegalGroundFactory,
    PlanStepEntryFactory,
    ProfessionalFactory,
    days_ago,
    days_ahead,
    today,
)
from tests.handover.fixtures import (
    SUMMARY,
    HandoverWorld,
    give_care_consent,
    offer_to_social_worker,
)

# --- offer -------------------------------------------------------------------------------


def test_offer_without_consent_or_ground_is_refused_and_nothing_is_stored_or_sent(
    hw: HandoverWorld, django_capture_on_commit_callbacks,
):
    w = hw.world
    PlanStepEntryFactory(case=w.case, content="Stap 1")
    before = take_snapshot()
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(
            ValidationError) as refused:
        offer_to_social_worker(hw)
    assert_nothing_changed(before, denied_rows=1)
    assert mail.outbox == []
    message = " ".join(refused.value.messages)
    assert hw.social_worker.organisation.name in message
    assert "Bas" in message
    requirement = explain.requirement_text(consent_requirement(w.child, today()), name="Bas")
    assert requirement in message
    denied = AccessEvent.objects.get()
    assert (denied.event_code, denied.action, denied.outcome, denied.child_id) == (
        "case.handover_offer", Action.CREATE, Outcome.DENIED, w.child.pk)


def test_a_consent_for_another_category_or_organisation_is_not_enough(
    hw: HandoverWorld,
) -> None:
    w = hw.world
    ConsentFactory(child=w.child, organisation=hw.social_worker.organisation,
                   category=InformationCategory.CONTACT, signed_by=[w.guardian])
    with pytest.raises(ValidationError):
        offer_to_social_worker(hw)
    assert not Handover.objects.exists()


def test_a_withdrawn_consent_refuses_the_offer(hw: HandoverWorld) -> None:
    w = hw.world
    ConsentFactory(child=w.child, organisation=hw.social_worker.organisation,
                   signed_by=[w.guardian], withdrawn=True)
    with pytest.raises(ValidationError):
        offer_to_social_worker(hw)
    assert not Handover.objects.exists()


def test_offer_with_consent_stores_the_package_and_notifies_the_receiver(
    hw: HandoverWorld,
) -> None:
    w = hw.world
    consent = give_care_consent(w, hw.social_worker)
    PlanStepEntryFactory(case=w.case, step=1, content="Oude versie")
    PlanStepEntryFactory(case=w.case, step=1, content="Huidige versie")
    AgreementFactory(case=w.case, owner=w.nurse, description="Gesprek met moeder")
    AgreementFactory(case=w.case, owner=w.nurse, description="Al gedaan", done=True)
    ClassroomAdviceFactory(case=w.case, given_by=w.nurse, advice="Vaste plek vooraan")
    handover = offer_to_social_worker(hw, include_advice=False)
    assert (handover.status, handover.kind, handover.from_professional,
            handover.to_professional, handover.to_school) == (
        HandoverStatus.OFFERED, HandoverKind.PROFESSIONALS, w.nurse, hw.social_worker, None)
    package = handover.snapshot
    assert package["case"]["reference"] == w.case.reference
    assert [c["name"] for c in package["children"]] == [w.child.full_name]
    assert [(s["step"], s["content"]) for s in package["plan"]] == [(1, "Huidige versie")]
    assert [a["description"] for a in package["agreements"]] == ["Gesprek met moeder"]
    assert "advice" not in package
    notification = Notification.objects.get(recipient=hw.social_worker.user)
    assert notification.kind == NotificationKind.HANDOVER_OFFERED
    assert w.case.reference in notification.message
    assert SUMMARY not in notification.message
    assert notification.link == f"/casussen/overdrachten/{handover.pk}/"
    event = AccessEvent.objects.get(event_code="case.handover_offer")
    assert (event.action, event.outcome, event.child_id) == (
        Action.CREATE, Outcome.SUCCESS, w.child.pk)
    assert event.ground == (
        f"{Ground.COORDINATOR}; consent #{w.nurse_consent.pk}; consent #{consent.pk}")


def test_a_legal_ground_for_care_allows_the_offer(hw: HandoverWorld) -> None:
    w = hw.world
    LegalGroundFactory(child=w.child, organisation=hw.social_worker.organisation,
                       category=InformationCategory.CARE, meldcode=True)
    handover = offer_to_social_worker(hw)
    assert handover.status == HandoverStatus.OFFERED
    assert LegalGroundKind.MELDCODE in AccessEvent.objects.get(
        event_code="case.handover_offer").ground


def test_only_the_coordinator_offers(hw: HandoverWorld) -> None:
    w = hw.world
    give_care_consent(w, hw.social_worker)
    colleague = ProfessionalFactory(nurse=True, organisation=w.nurse.organisation)
    InvolvementFactory(case=w.case, professional=colleague)
    for outsider in (colleague, w.outsider):
        before = take_snapshot()
        with pytest.raises(Http404):
            handover_offer(actor=w.actor(outsider), case=w.case,
                           kind=HandoverKind.PROFESSIONALS, summary=SUMMARY,
                           to_professional=hw.social_worker)
        assert_nothing_changed(before, denied_rows=1)


def test_without_a_coordinator_any_involved_professional_offers(hw: HandoverWorld) -> None:
    w = hw.world
    give_care_consent(w, hw.social_worker)
    w.case.coordinator = None
    w.case.save(update_fields=["coordinator"])
    handover = offer_to_social_worker(hw)
    assert handover.from_professional == w.nurse


def test_offer_needs_a_receiver_and_a_summary(hw: HandoverWorld) -> None:
    w = hw.world
    give_care_consent(w, w.nurse)
    before = take_snapshot()
    with pytest.raises(ValidationError) as refused:
        handover_offer(actor=w.actor(w.nurse), case=w.case, kind=HandoverKind.PROFESSIONALS,
                       summary=" ", to_professional=w.nurse)
    assert set(refused.value.message_dict) == {"to_professional", "summary"}
    with pytest.raises(ValidationError) as refused:
        handover_offer(actor=w.actor(w.nurse), case=w.case, kind=HandoverKind.PROFESSIONALS,
                       summary=SUMMARY)
    assert set(refused.value.message_dict) == {"to_professional"}
    assert_nothing_changed(before)


def test_one_open_offer_per_case_and_kind(hw: HandoverWorld) -> None:
    w = hw.world
    give_care_consent(w, hw.social_worker)
    offer_to_social_worker(hw)
    with pytest.raises(ValidationError):
        offer_to_social_worker(hw)
    assert Handover.objects.count() == 1


# --- reading the package -----------------------------------------------------------------


def test_the_receiver_reads_the_package_as_offered_not_later_changes(
    hw: HandoverWorld,
) -> None:
    w = hw.world
    consent = give_care_consent(w, hw.social_worker)
    plan_step_save(actor=w.actor(w.nurse), case=w.case, step=1, content="Zoals overgedragen")
    handover = offer_to_social_worker(hw)
    plan_step_save(actor=w.actor(w.nurse), case=w.case, step=1, content="Later gewijzigd")
    agreement_create(actor=w.actor(w.nurse), case=w.case, description="Later afgesproken",
                     owner=w.nurse, due_date=days_ahead(7))
    page = handover_get(actor=w.actor(hw.social_worker), handover_id=handover.pk)
    assert (page.package_readable, page.is_receiver, page.can_accept) == (True, True, True)
    assert [s["content"] for s in page.package["plan"]] == ["Zoals overgedragen"]
    assert page.package["agreements"] == []
    assert page.package["children"][0]["birth_date"] == w.child.birth_date
    read = AccessEvent.objects.get(event_code="case.handover_read")
    assert (read.action, read.user_id, read.child_id) == (
        Action.READ, hw.social_worker.user.pk, w.child.pk)
    assert read.ground == f"{Ground.HANDOVER_RECEIVER}; consent #{consent.pk}"
    # Until accepting, the receiver does not read the live case.
    with pytest.raises(Http404):
        case_get(actor=w.actor(hw.social_worker), case_id=w.case.pk)


def test_the_sender_sees_the_status_not_the_package(hw: HandoverWorld) -> None:
    w = hw.world
    give_care_consent(w, hw.social_worker)
    handover = offer_to_social_worker(hw)
    page = handover_get(actor=w.actor(w.nurse), handover_id=handover.pk)
    assert (page.is_sender, page.package_readable, page.package, page.can_withdraw,
            page.can_accept) == (True, False, {}, True, False)
    status = AccessEvent.objects.get(event_code="case.handover_status")
    assert status.ground == Ground.HANDOVER_SENDER


def test_outsiders_get_404_on_every_handover_action(hw: HandoverWorld) -> None:
    w = hw.world
    give_care_consent(w, hw.social_worker)
    handover = offer_to_social_worker(hw)
    for outsider in (w.outsider, w.core_member, hw.vo_contact):
        actor = w.actor(outsider)
        before = take_snapshot()
        with pytest.raises(Http404):
            handover_get(actor=actor, handover_id=handover.pk)
        with pytest.raises(Http404):
            handover_accept(actor=actor, handover=handover)
        with pytest.raises(Http404):
            handover_return(actor=actor, handover=handover, reason="Niet voor mij")
        with pytest.raises(Http404):
            handover_withdraw(actor=actor, handover=handover)
        assert_nothing_changed(before, denied_rows=4)
    with pytest.raises(Http404):
        handover_get(actor=w.actor(hw.social_worker), handover_id=handover.pk + 1000)


def test_the_sender_cannot_accept_and_the_receiver_cannot_withdraw(hw: HandoverWorld) -> None:
    w = hw.world
    give_care_consent(w, hw.social_worker)
    handover = offer_to_social_worker(hw)
    with pytest.raises(Http404):
        handover_accept(actor=w.actor(w.nurse), handover=handover)
    with pytest.raises(Http404):
        handover_withdraw(actor=w.actor(hw.social_worker), handover=handover)
    handover.refresh_from_db()
    assert handover.status == HandoverStatus.OFFERED


# --- accept ------------------------------------------------------------------------------


def test_accepting_moves_involvement_and_coordination(hw: HandoverWorld) -> None:
    w = hw.world
    give_care_consent(w, hw.social_worker)
    handover = offer_to_social_worker(hw)
    handover_accept(actor=w.actor(hw.social_worker), handover=handover)
    handover.refresh_from_db()
    w.case.refresh_from_db()
    assert (handover.status, handover.decided_by) == (HandoverStatus.ACCEPTED, hw.social_worker)
    assert handover.decided_at is not None
    assert w.case.coordinator == hw.social_worker
    assert Involvement.objects.get(case=w.case, professional=hw.social_worker).end_date is None
    assert Involvement.objects.get(case=w.case, professional=w.nurse).end_date == days_ago(1)
    assert may_read_case(w.actor(hw.social_worker), w.case).ground == Ground.COORDINATOR
    # The sender keeps only what the policy allows: with the involvement ended, nothing.
    with pytest.raises(Http404):
        case_get(actor=w.actor(w.nurse), case_id=w.case.pk)
    decided = Notification.objects.get(recipient=w.nurse.user)
    assert decided.kind == NotificationKind.HANDOVER_DECIDED
    assert Notification.objects.filter(
        recipient=hw.social_worker.user, kind=NotificationKind.BECAME_COORDINATOR).exists()
    accepted = AccessEvent.objects.get(event_code="case.handover_accept")
    assert (accepted.action, accepted.user_id) == (Action.UPDATE, hw.social_worker.user.pk)
    # The sender still sees the status of what they handed over.
    assert handover_get(actor=w.actor(w.nurse), handover_id=handover.pk).is_sender


@pytest.mark.parametrize("started", [-30, -1, 0, 3], ids=lambda d: f"started{d:+d}")
def test_the_senders_involvement_ends_the_day_before_but_never_before_it_started(
    hw: HandoverWorld, started: int,
) -> None:
    """Issue 7, item 18: an involvement begun today read "from 2 December, until 1 December"
    after the hand-over. It ends yesterday, or on its first day when that is later."""
    w = hw.world
    give_care_consent(w, hw.social_worker)
    today = timezone.localdate()
    start = today + dt.timedelta(days=started)
    Involvement.objects.filter(case=w.case, professional=w.nurse).update(start_date=start)
    handover_accept(actor=w.actor(hw.social_worker), handover=offer_to_social_worker(hw))
    ended = Involvement.objects.get(case=w.case, professional=w.nurse)
    assert ended.end_date == max(start, today - dt.timedelta(days=1))
    assert ended.end_date is not None
    assert ended.end_date >= ended.start_date


def test_the_sender_may_choose_to_stay_involved(hw: HandoverWorld) -> None:
    w = hw.world
    give_care_consent(w, hw.social_worker)
    handover = offer_to_social_worker(hw, sender_stays_involved=True)
    handover_accept(actor=w.actor(hw.social_worker), handover=handover)
    w.case.refresh_from_db()
    assert w.case.coordinator == hw.social_worker
    assert may_read_case(w.actor(w.nurse), w.case).ground == Ground.INVOLVED


def test_accepting_twice_is_refused(hw: HandoverWorld) -> None:
    w = hw.world
    give_care_consent(w, hw.social_worker)
    handover = offer_to_social_worker(hw)
    handover_accept(actor=w.actor(hw.social_worker), handover=handover)
    with pytest.raises(ValidationError):
        handover_accept(actor=w.actor(hw.social_worker), handover=handover)
    assert Involvement.objects.filter(case=w.case, professional=hw.social_worker).count() == 1


def test_consent_withdrawn_after_the_offer_closes_the_package(hw: HandoverWorld) -> None:
    w = hw.world
    consent = give_care_consent(w, hw.social_worker)
    handover = offer_to_social_worker(hw)
    Consent.objects.filter(pk=consent.pk).update(withdrawn_at=timezone.now())
    page = handover_get(actor=w.actor(hw.social_worker), handover_id=handover.pk)
    assert (page.is_receiver, page.package_readable, page.package, page.can_accept,
            page.can_return) == (True, False, {}, False, True)
    with pytest.raises(ValidationError):
        handover_accept(actor=w.actor(hw.social_worker), handover=handover)
    assert not Involvement.objects.filter(professional=hw.social_worker).exists()
    handover_return(actor=w.actor(hw.social_worker), handover=handover,
                    reason="Geen toestemming meer")
    handover.refresh_from_db()
    assert handover.status == HandoverStatus.RETURNED


def test_a_closed_case_cannot_be_accepted(hw: HandoverWorld) -> None:
    w = hw.world
    give_care_consent(w, hw.social_worker)
    handover = offer_to_social_worker(hw)
    case_close(actor=w.actor(w.nurse), case=w.case, reason="Doelen bereikt")
    page = handover_get(actor=w.actor(hw.social_worker), handover_id=handover.pk)
    assert not page.can_accept
    with pytest.raises(ValidationError):
        handover_accept(actor=w.actor(hw.social_worker), handover=handover)
    assert not Involvement.objects.filter(professional=hw.social_worker).exists()
