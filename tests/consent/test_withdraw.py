"""Withdrawing consent: at once, by whoever must consent today, and those involved hear of it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone

from schakel.access import policy
from schakel.audit.models import AccessEvent
from schakel.cases.models import Involvement
from schakel.children.models import Guardian
from schakel.consent.models import Consent, ConsentSignature, InformationCategory
from schakel.consent.services import consent_withdraw
from schakel.notifications.models import Notification, NotificationKind
from tests.consent.fixtures import (
    ConsentWorld,
    actor,
    add_guardian,
    birth_date_for_age,
    case_for,
    make_child,
    make_consent,
    make_professional,
    today,
)


def counts() -> tuple[int, int, int, int]:
    return (Consent.objects.filter(withdrawn_at__isnull=False).count(),
            ConsentSignature.objects.count(), AccessEvent.objects.count(),
            Notification.objects.count())


@pytest.fixture
def consent(cw: ConsentWorld) -> Consent:
    """Tina and her mother consented that the GGD receives care content."""
    return make_consent(cw.tina, cw.ggd, given_at=today() - dt.timedelta(days=10),
                        guardians=(cw.eva,), young_person=True)


def test_withdrawal_takes_effect_at_once(cw: ConsentWorld, consent: Consent) -> None:
    assert policy.may_receive_category(cw.tina, cw.ggd, InformationCategory.CARE).consent == consent
    consent_withdraw(actor=actor(cw.wim), child=cw.tina, consent_id=consent.pk,
                     by_guardian=cw.henk)
    decision = policy.may_receive_category(cw.tina, cw.ggd, InformationCategory.CARE)
    assert not decision
    assert decision.ground == ""
    consent.refresh_from_db()
    assert consent.withdrawn_by_guardian == cw.henk
    assert consent.withdrawal_recorded_by == cw.wim
    # Yesterday the consent was still in force: the history stays true.
    yesterday = today() - dt.timedelta(days=1)
    assert policy.may_receive_category(cw.tina, cw.ggd, InformationCategory.CARE, yesterday)


def test_the_young_person_may_withdraw_from_12(cw: ConsentWorld, consent: Consent) -> None:
    consent_withdraw(actor=actor(cw.anne), child=cw.tina, consent_id=consent.pk,
                     by_young_person=True)
    consent.refresh_from_db()
    assert consent.withdrawn_by_young_person
    assert AccessEvent.objects.get(event_code="consent.withdraw").object_id == str(consent.pk)


def test_involved_professionals_of_the_recipient_and_the_coordinator_are_notified(
    cw: ConsentWorld, consent: Consent,
) -> None:
    ended = make_professional(cw.ggd, "Eline Oud")
    Involvement.objects.create(case=cw.case, professional=ended, part="Eerder",
                               start_date=today() - dt.timedelta(days=90),
                               end_date=today() - dt.timedelta(days=5), added_by=cw.ilse)
    consent_withdraw(actor=actor(cw.wim), child=cw.tina, consent_id=consent.pk,
                     by_guardian=cw.eva)
    notified = set(Notification.objects.filter(kind=NotificationKind.CONSENT_WITHDRAWN)
                   .values_list("recipient_id", flat=True))
    # Sam and Anne (GGD, involved; Anne also coordinates); not Gerda (GGD, not involved),
    # not Eline (involvement ended), not Ilse, not Wim who recorded the withdrawal.
    assert notified == {cw.sam.user.pk, cw.anne.user.pk}
    message = Notification.objects.filter(recipient=cw.sam.user).get().message
    assert message == ("Consent to share care content of Tina Jansen with GGD Twente has been "
                       "withdrawn; it no longer applies.")


def test_the_coordinator_hears_even_when_from_another_organisation(
    cw: ConsentWorld,
) -> None:
    to_municipality = make_consent(cw.tina, cw.municipality, given_at=today(),
                                   guardians=(cw.eva,), young_person=True)
    consent_withdraw(actor=actor(cw.sam), child=cw.tina, consent_id=to_municipality.pk,
                     by_young_person=True)
    notified = set(Notification.objects.values_list("recipient_id", flat=True))
    assert notified == {cw.wim.user.pk, cw.anne.user.pk}


def _other_consent(cw: ConsentWorld) -> int:
    noor = make_child("Noor", birth_date_for_age(9))
    mother = add_guardian(noor, "Fatima El Idrissi")
    return make_consent(noor, cw.ggd, given_at=today(), guardians=(mother,)).pk


def test_withdrawing_what_was_never_given_is_refused(cw: ConsentWorld) -> None:
    for consent_id in (987654, _other_consent(cw)):
        before = counts()
        with pytest.raises(ValidationError) as excinfo:
            consent_withdraw(actor=actor(cw.anne), child=cw.tina, consent_id=consent_id,
                             by_guardian=cw.eva)
        assert excinfo.value.messages == [
            "This consent was never given, so it cannot be withdrawn."]
        assert counts() == before


def test_withdrawing_twice_is_refused(cw: ConsentWorld, consent: Consent) -> None:
    consent_withdraw(actor=actor(cw.anne), child=cw.tina, consent_id=consent.pk,
                     by_guardian=cw.eva)
    before = counts()
    with pytest.raises(ValidationError) as excinfo:
        consent_withdraw(actor=actor(cw.anne), child=cw.tina, consent_id=consent.pk,
                         by_young_person=True)
    assert excinfo.value.messages[0].startswith("This consent was already withdrawn on ")
    assert counts() == before


def _stranger(cw: ConsentWorld) -> Guardian:
    return add_guardian(make_child("Noor", birth_date_for_age(9)), "Fatima El Idrissi")


@pytest.mark.parametrize(("who", "message"), [
    ("karel", "Karel de Boer has no custody (gezag) of Tina and cannot consent."),
    ("stranger", "Fatima El Idrissi is not a parent or guardian of Tina."),
    ("nobody", "Say who withdraws the consent: one parent or guardian, or the young person."),
    ("both", "Say who withdraws the consent: one parent or guardian, or the young person."),
])
def test_bad_withdrawer_is_refused(
    cw: ConsentWorld, consent: Consent, who: str, message: str,
) -> None:
    guardian: Guardian | None = {
        "karel": cw.karel, "stranger": _stranger(cw) if who == "stranger" else None,
        "nobody": None, "both": cw.eva}[who]
    before = counts()
    with pytest.raises(ValidationError) as excinfo:
        consent_withdraw(actor=actor(cw.anne), child=cw.tina, consent_id=consent.pk,
                         by_guardian=guardian, by_young_person=who == "both")
    assert excinfo.value.messages == [message]
    assert counts() == before


def test_from_16_parents_cannot_withdraw_and_under_12_the_child_cannot(
    cw: ConsentWorld,
) -> None:
    lotte = make_child("Lotte", birth_date_for_age(16), family=cw.family)
    bas = make_child("Bas", birth_date_for_age(7), family=cw.family)
    for child in (lotte, bas):
        case_for(cw, child)
    lotte_mother = add_guardian(lotte, "Eva (Lotte)")
    bas_mother = add_guardian(bas, "Eva (Bas)")
    lotte_consent = make_consent(lotte, cw.ggd, given_at=today(), young_person=True)
    bas_consent = make_consent(bas, cw.ggd, given_at=today(), guardians=(bas_mother,))
    before = counts()
    with pytest.raises(ValidationError) as excinfo:
        consent_withdraw(actor=actor(cw.anne), child=lotte, consent_id=lotte_consent.pk,
                         by_guardian=lotte_mother)
    assert excinfo.value.messages == [
        "Lotte is 16 and decides alone: only Lotte can withdraw this consent."]
    with pytest.raises(ValidationError) as excinfo:
        consent_withdraw(actor=actor(cw.anne), child=bas, consent_id=bas_consent.pk,
                         by_young_person=True)
    assert excinfo.value.messages == ["Bas is 7: a parent with custody withdraws the consent."]
    assert counts() == before


def test_an_outsider_cannot_withdraw(cw: ConsentWorld, consent: Consent) -> None:
    with pytest.raises(Http404):
        consent_withdraw(actor=actor(cw.olaf), child=cw.tina, consent_id=consent.pk,
                         by_guardian=cw.eva)
    consent.refresh_from_db()
    assert consent.withdrawn_at is None


def test_a_withdrawal_recorded_just_now_counts_for_today(
    cw: ConsentWorld, consent: Consent,
) -> None:
    Consent.objects.filter(pk=consent.pk).update(withdrawn_at=timezone.now())
    assert not policy.may_receive_category(cw.tina, cw.ggd, InformationCategory.CARE)
