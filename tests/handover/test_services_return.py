"""Hand-over: returning and withdrawing a package, and hand-over between schools."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from schakel.access.policy import Ground, may_read_case
from schakel.audit.models import AccessEvent
from schakel.cases.models import Involvement
from schakel.cases.selectors import case_get
from schakel.handover.models import HandoverKind, HandoverStatus
from schakel.handover.selectors import handover_get, handovers_for
from schakel.handover.services import (
    handover_accept,
    handover_offer,
    handover_return,
    handover_withdraw,
)
from schakel.notifications.models import Notification, NotificationKind
from tests.conftest import assert_nothing_changed, take_snapshot
from tests.factories import (
    ConsentFactory,
    EnrolmentFactory,
    InvolvementFactory,
    ProfessionalFactory,
    SchoolFactory,
    days_ago,
)
from tests.handover.fixtures import (
    SUMMARY,
    HandoverWorld,
    give_care_consent,
    offer_to_social_worker,
)

# --- return and withdraw -----------------------------------------------------------------


def test_return_needs_a_reason(hw: HandoverWorld) -> None:
    w = hw.world
    give_care_consent(w, hw.social_worker)
    handover = offer_to_social_worker(hw)
    before = take_snapshot()
    with pytest.raises(ValidationError) as refused:
        handover_return(actor=w.actor(hw.social_worker), handover=handover, reason="  ")
    assert set(refused.value.message_dict) == {"reason"}
    assert_nothing_changed(before)


def test_returning_empties_the_package_and_tells_the_sender(hw: HandoverWorld) -> None:
    w = hw.world
    give_care_consent(w, hw.social_worker)
    handover = offer_to_social_worker(hw)
    handover_return(actor=w.actor(hw.social_worker), handover=handover,
                    reason="  Geen plek in mijn caseload  ")
    handover.refresh_from_db()
    assert (handover.status, handover.return_reason, handover.summary, handover.snapshot,
            handover.decided_by) == (
        HandoverStatus.RETURNED, "Geen plek in mijn caseload", "", {}, hw.social_worker)
    notification = Notification.objects.get(recipient=w.nurse.user)
    assert notification.kind == NotificationKind.HANDOVER_DECIDED
    assert "caseload" not in notification.message
    w.case.refresh_from_db()
    assert w.case.coordinator == w.nurse
    assert not Involvement.objects.filter(professional=hw.social_worker).exists()
    page = handover_get(actor=w.actor(hw.social_worker), handover_id=handover.pk)
    assert (page.package_readable, page.can_accept, page.can_return) == (False, False, False)
    assert AccessEvent.objects.filter(event_code="case.handover_return").count() == 1


def test_withdrawing_tells_the_receiver_and_closes_the_package(hw: HandoverWorld) -> None:
    w = hw.world
    give_care_consent(w, hw.social_worker)
    handover = offer_to_social_worker(hw)
    handover_withdraw(actor=w.actor(w.nurse), handover=handover)
    handover.refresh_from_db()
    assert (handover.status, handover.snapshot, handover.summary) == (
        HandoverStatus.WITHDRAWN, {}, "")
    assert Notification.objects.filter(
        recipient=hw.social_worker.user, kind=NotificationKind.HANDOVER_DECIDED).exists()
    page = handover_get(actor=w.actor(hw.social_worker), handover_id=handover.pk)
    assert not page.package_readable
    with pytest.raises(ValidationError):
        handover_accept(actor=w.actor(hw.social_worker), handover=handover)
    # A new offer is possible again.
    assert offer_to_social_worker(hw).status == HandoverStatus.OFFERED


# --- between schools ---------------------------------------------------------------------


def test_school_handover_po_to_vo_goes_to_the_contact_point(hw: HandoverWorld) -> None:
    w = hw.world
    InvolvementFactory(case=w.case, professional=w.core_member)
    ConsentFactory(child=w.child, organisation=hw.vo.organisation, signed_by=[w.guardian])
    handover = handover_offer(
        actor=w.actor(w.core_member), case=w.case, kind=HandoverKind.SCHOOLS,
        summary=SUMMARY, to_school=hw.vo, to_professional=hw.social_worker)
    assert (handover.to_school, handover.to_professional) == (hw.vo, None)
    assert Notification.objects.get(recipient=hw.vo_contact.user).kind == (
        NotificationKind.HANDOVER_OFFERED)
    page = handover_get(actor=w.actor(hw.vo_contact), handover_id=handover.pk)
    assert page.package_readable
    handover_accept(actor=w.actor(hw.vo_contact), handover=handover)
    w.case.refresh_from_db()
    assert w.case.school == hw.vo
    assert w.case.coordinator == w.nurse  # the sender did not coordinate
    assert may_read_case(w.actor(hw.vo_contact), w.case).ground == Ground.INVOLVED
    assert Involvement.objects.get(case=w.case, professional=w.core_member).end_date == (
        days_ago(1))
    with pytest.raises(Http404):
        case_get(actor=w.actor(w.core_member), case_id=w.case.pk)


def test_school_handover_by_the_coordinator_moves_coordination_to_the_school(
    hw: HandoverWorld,
) -> None:
    w = hw.world
    ConsentFactory(child=w.child, organisation=hw.vo.organisation, signed_by=[w.guardian])
    handover = handover_offer(actor=w.actor(w.nurse), case=w.case, kind=HandoverKind.SCHOOLS,
                              summary=SUMMARY, to_school=hw.vo)
    handover_accept(actor=w.actor(hw.vo_contact), handover=handover)
    w.case.refresh_from_db()
    assert w.case.coordinator == hw.vo_contact


def test_the_current_contact_point_of_the_school_receives(hw: HandoverWorld) -> None:
    w = hw.world
    ConsentFactory(child=w.child, organisation=hw.vo.organisation, signed_by=[w.guardian])
    handover = handover_offer(actor=w.actor(w.nurse), case=w.case, kind=HandoverKind.SCHOOLS,
                              summary=SUMMARY, to_school=hw.vo)
    successor = ProfessionalFactory(support_coordinator=True, organisation=hw.vo.organisation)
    hw.vo.contact_point = successor
    hw.vo.save(update_fields=["contact_point"])
    with pytest.raises(Http404):
        handover_get(actor=w.actor(hw.vo_contact), handover_id=handover.pk)
    assert [h.pk for h in handovers_for(actor=w.actor(successor)).awaiting] == [handover.pk]


def test_school_handover_needs_a_contact_point_and_an_enrolment(hw: HandoverWorld) -> None:
    w = hw.world
    without_contact = SchoolFactory(secondary=True)
    EnrolmentFactory(child=w.child, school=without_contact, future=True)
    not_enrolled = SchoolFactory(secondary=True)
    not_enrolled.contact_point = ProfessionalFactory(support_coordinator=True)
    not_enrolled.save(update_fields=["contact_point"])
    for school in (without_contact, not_enrolled, w.school, None):
        before = take_snapshot()
        with pytest.raises(ValidationError) as refused:
            handover_offer(actor=w.actor(w.nurse), case=w.case, kind=HandoverKind.SCHOOLS,
                           summary=SUMMARY, to_school=school)
        assert set(refused.value.message_dict) == {"to_school"}
        assert_nothing_changed(before)


def test_the_list_shows_what_awaits_me_and_what_i_sent(hw: HandoverWorld) -> None:
    w = hw.world
    give_care_consent(w, hw.social_worker)
    handover = offer_to_social_worker(hw)
    mine = handovers_for(actor=w.actor(hw.social_worker))
    assert ([h.pk for h in mine.awaiting], mine.sent) == ([handover.pk], [])
    sent = handovers_for(actor=w.actor(w.nurse))
    assert (sent.awaiting, [h.pk for h in sent.sent]) == ([], [handover.pk])
    outsider = handovers_for(actor=w.actor(w.outsider))
    assert (outsider.awaiting, outsider.sent) == ([], [])
    rows = AccessEvent.objects.filter(event_code="case.handover_list")
    assert {(r.user_id, r.child_id) for r in rows} == {
        (hw.social_worker.user.pk, w.child.pk), (w.nurse.user.pk, w.child.pk)}
