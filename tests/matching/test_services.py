"""Knowing who else is involved: when a professional becomes involved with a child, the
professionals already involved with the same child or a sibling (in other open cases) are told
of each other — who, organisation, business card — never the content, and only when both
organisations have consent or a ground for `contact` (or `care`)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.audit.models import AccessEvent, Action
from schakel.cases.models import Case
from schakel.cases.services.lifecycle import case_involve, case_open
from schakel.children.models import Child
from schakel.consent.models import Consent, InformationCategory
from schakel.handover.models import HandoverKind
from schakel.handover.services import handover_accept, handover_offer
from schakel.matching.models import InvolvementMatch
from schakel.matching.services import involvement_match
from schakel.notifications.models import Notification, NotificationKind
from schakel.organisations.models import Professional
from tests.conftest import World
from tests.factories import (
    CaseFactory,
    ChildFactory,
    ConsentFactory,
    EnrolmentFactory,
    GuardianshipFactory,
    InvolvementFactory,
    LegalGroundFactory,
    ProfessionalFactory,
)


@dataclass
class MatchWorld:
    world: World
    sibling: Child
    social_worker: Professional


@pytest.fixture
def mw(world: World) -> MatchWorld:
    """Bas's case is coordinated by the nurse (GGD). His sister Sara attends the other
    school; a school social worker of a third organisation may be involved with Bas."""
    sibling = ChildFactory(first_name="Saraatje-Quin", last_name="Jansen", family=world.family,
                           under_12=True)
    EnrolmentFactory(child=sibling, school=world.other_school)
    GuardianshipFactory(child=sibling, guardian=world.guardian)
    social_worker = ProfessionalFactory(social_worker=True, full_name="Sanne Visser")
    # Matching turns on which consents each organisation has; the tests give them one by
    # one, so the nurse's GGD starts without the shared world's care consent.
    world.nurse_consent.delete()
    return MatchWorld(world=world, sibling=sibling, social_worker=social_worker)


def allow(child: Child, professional: Professional, w: World,
          category: InformationCategory = InformationCategory.CONTACT) -> Consent:
    return ConsentFactory(child=child, organisation=professional.organisation,
                          category=category, signed_by=[w.guardian])


def same_child(other: Professional, child: str) -> str:
    return _("%(name)s (%(org)s) is also involved with %(child)s.") % {
        "name": other.full_name, "org": other.organisation.name, "child": child}


def same_family(other: Professional) -> str:
    return _("%(name)s (%(org)s) is also involved with a child of the same family "
             "(%(family)s).") % {"name": other.full_name, "org": other.organisation.name,
                                 "family": "Gezin Jansen"}


def matches(professional: Professional) -> list[Notification]:
    return list(Notification.objects.filter(recipient=professional.user,
                                            kind=NotificationKind.MATCH))


def open_second_case_for_bas(w: World) -> Case:
    """The core team opens another case for Bas: the core member becomes involved."""
    return case_open(actor=w.actor(w.core_member), school=w.school, title="Thuissituatie",
                     child=w.child, part="Gesprekken met moeder over de thuissituatie")


def test_match_on_the_same_child_in_another_case(mw: MatchWorld) -> None:
    w = mw.world
    allow(w.child, w.nurse, w)
    allow(w.child, w.core_member, w)
    case = open_second_case_for_bas(w)
    [to_opener] = matches(w.core_member)
    [to_nurse] = matches(w.nurse)
    assert to_opener.message == same_child(w.nurse, "Bas Jansen")
    assert to_opener.link == reverse("organisations:professional",
                                     kwargs={"professional_id": w.nurse.pk})
    assert to_nurse.message == same_child(w.core_member, "Bas Jansen")
    assert to_nurse.link == reverse("organisations:professional",
                                    kwargs={"professional_id": w.core_member.pk})
    told = {(m.professional_id, m.other_id, m.child_id)
            for m in InvolvementMatch.objects.all()}
    assert told == {(w.core_member.pk, w.nurse.pk, w.child.pk),
                    (w.nurse.pk, w.core_member.pk, w.child.pk)}
    rows = AccessEvent.objects.filter(event_code="case.match")
    assert {(r.user_id, r.child_id, r.action) for r in rows} == {
        (w.core_member.user.pk, w.child.pk, Action.READ),
        (w.nurse.user.pk, w.child.pk, Action.READ)}
    assert all(r.ground.startswith("consent #") for r in rows)
    assert case.involvements.count() == 1


def test_no_content_in_the_notification(mw: MatchWorld) -> None:
    w = mw.world
    allow(w.child, w.nurse, w)
    allow(w.child, w.core_member, w)
    case = open_second_case_for_bas(w)
    texts = " ".join(n.message for n in Notification.objects.filter(
        kind=NotificationKind.MATCH))
    for content in (case.title, w.case.title, case.reference, w.case.reference,
                    "thuissituatie", "Begeleiding", w.nurse.get_function_display()):
        assert content.lower() not in texts.lower()


def test_match_with_a_sibling_at_another_school(mw: MatchWorld) -> None:
    w = mw.world
    allow(w.child, w.other_core_member, w)  # the other school may hear about Bas
    allow(mw.sibling, w.nurse, w)  # the nurse may hear about Sara
    case_open(actor=w.actor(w.other_core_member), school=w.other_school,
              title="Zorgen om Sara", child=mw.sibling)
    [to_other] = matches(w.other_core_member)
    [to_nurse] = matches(w.nurse)
    assert to_other.message == same_family(w.nurse)
    assert to_nurse.message == same_family(w.other_core_member)
    assert mw.sibling.first_name not in to_nurse.message  # a name no professional has
    assert w.child.full_name not in to_other.message


def test_no_match_without_consent_or_ground(mw: MatchWorld) -> None:
    w = mw.world
    allow(w.child, w.core_member, w)  # only one side may know
    open_second_case_for_bas(w)
    assert Notification.objects.filter(kind=NotificationKind.MATCH).count() == 0
    assert not InvolvementMatch.objects.exists()
    assert not AccessEvent.objects.filter(event_code="case.match").exists()


def test_no_match_with_a_sibling_when_one_direction_is_not_allowed(mw: MatchWorld) -> None:
    w = mw.world
    allow(w.child, w.other_core_member, w)
    allow(w.child, w.nurse, w)  # about Bas, not about Sara: the nurse may not hear of her
    case_open(actor=w.actor(w.other_core_member), school=w.other_school,
              title="Zorgen om Sara", child=mw.sibling)
    assert not Notification.objects.filter(kind=NotificationKind.MATCH).exists()


def test_no_match_when_consent_was_withdrawn(mw: MatchWorld) -> None:
    w = mw.world
    allow(w.child, w.core_member, w)
    consent = allow(w.child, w.nurse, w)
    Consent.objects.filter(pk=consent.pk).update(withdrawn_at=timezone.now())
    open_second_case_for_bas(w)
    assert not Notification.objects.filter(kind=NotificationKind.MATCH).exists()


def test_care_consent_or_a_legal_ground_also_allows_the_match(mw: MatchWorld) -> None:
    w = mw.world
    allow(w.child, w.nurse, w, InformationCategory.CARE)
    LegalGroundFactory(child=w.child, organisation=w.core_member.organisation,
                       category=InformationCategory.CONTACT, meldcode=True)
    open_second_case_for_bas(w)
    assert len(matches(w.nurse)) == len(matches(w.core_member)) == 1


def test_a_school_data_consent_does_not_allow_the_match(mw: MatchWorld) -> None:
    w = mw.world
    allow(w.child, w.nurse, w, InformationCategory.SCHOOL)
    allow(w.child, w.core_member, w, InformationCategory.SCHOOL)
    open_second_case_for_bas(w)
    assert not Notification.objects.filter(kind=NotificationKind.MATCH).exists()


def test_case_involve_matches_and_repeats_tell_nobody_twice(mw: MatchWorld) -> None:
    w = mw.world
    allow(w.child, w.nurse, w)
    allow(w.child, mw.social_worker, w)
    second = CaseFactory(child=w.child, school=w.school, coordinator=w.core_member,
                         opened_by=w.core_member)
    involvement = case_involve(actor=w.actor(w.core_member), case=second,
                               professional=mw.social_worker, part="Weerbaarheid")
    assert len(matches(mw.social_worker)) == 1
    assert len(matches(w.nurse)) == 1
    assert involvement_match(involvement=involvement) == []
    third = CaseFactory(child=w.child, school=w.school, coordinator=w.core_member,
                         opened_by=w.core_member)
    case_involve(actor=w.actor(w.core_member), case=third, professional=mw.social_worker,
                 part="Nog een casus")
    assert len(matches(mw.social_worker)) == 1
    assert len(matches(w.nurse)) == 1
    assert Notification.objects.filter(kind=NotificationKind.MATCH).count() == 2


def test_colleagues_in_the_same_case_are_not_matched(mw: MatchWorld) -> None:
    w = mw.world
    allow(w.child, w.nurse, w)
    allow(w.child, w.nurse, w, InformationCategory.CARE)  # to involve others in her case
    allow(w.child, mw.social_worker, w)
    case_involve(actor=w.actor(w.nurse), case=w.case, professional=mw.social_worker,
                 part="Weerbaarheid")
    assert not Notification.objects.filter(kind=NotificationKind.MATCH).exists()


def test_ended_involvements_and_closed_cases_are_not_matched(mw: MatchWorld) -> None:
    w = mw.world
    allow(w.child, w.core_member, w)
    ended = ProfessionalFactory(nurse=True)
    closed_worker = ProfessionalFactory(social_worker=True)
    for professional in (w.nurse, ended, closed_worker):
        allow(w.child, professional, w)
    InvolvementFactory(case=w.case, professional=ended, ended=True)
    closed = CaseFactory(child=w.child, school=w.school, closed=True)
    InvolvementFactory(case=closed, professional=closed_worker)
    open_second_case_for_bas(w)
    told = {m.other_id for m in InvolvementMatch.objects.filter(professional=w.core_member)}
    assert told == {w.nurse.pk}


def test_a_family_case_matches_each_child(mw: MatchWorld) -> None:
    w = mw.world
    sara_case = CaseFactory(child=mw.sibling, school=w.other_school,
                            coordinator=w.other_core_member)
    for child in (w.child, mw.sibling):
        allow(child, w.core_member, w)
        allow(child, w.nurse, w)
        allow(child, w.other_core_member, w)
    case_open(actor=w.actor(w.core_member), school=w.school, title="Gezin",
              family=w.family)
    # Same child (Bas, Sara) for the family case: named; both the nurse and the other
    # school's contact are told, once each.
    assert [n.message for n in matches(w.nurse)] == [same_child(w.core_member, "Bas Jansen")]
    assert [n.message for n in matches(w.other_core_member)] == [
        same_child(w.core_member, "Saraatje-Quin Jansen")]
    assert sorted(n.message for n in matches(w.core_member)) == sorted([
        same_child(w.nurse, "Bas Jansen"), same_child(w.other_core_member, "Saraatje-Quin Jansen")])
    assert sara_case.involvements.count() == 1


def test_accepting_a_handover_matches_the_receiver(mw: MatchWorld) -> None:
    w = mw.world
    other_case = CaseFactory(child=w.child, school=w.school, coordinator=w.core_member,
                         opened_by=w.core_member)
    allow(w.child, w.core_member, w)
    allow(w.child, mw.social_worker, w)
    allow(w.child, mw.social_worker, w, InformationCategory.CARE)
    allow(w.child, w.nurse, w, InformationCategory.CARE)
    handover = handover_offer(actor=w.actor(w.nurse), case=w.case,
                              kind=HandoverKind.PROFESSIONALS, summary="Overdracht",
                              to_professional=mw.social_worker)
    assert not Notification.objects.filter(kind=NotificationKind.MATCH).exists()
    handover_accept(actor=w.actor(mw.social_worker), handover=handover)
    assert [n.message for n in matches(mw.social_worker)] == [
        same_child(w.core_member, "Bas Jansen")]
    assert [n.message for n in matches(w.core_member)] == [
        same_child(mw.social_worker, "Bas Jansen")]
    assert other_case.involvements.count() == 1
