"""Recording consent: who must consent follows the age on the day; a refusal stores nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.test import override_settings

from schakel.audit.models import AccessEvent, Outcome
from schakel.children.models import Guardian
from schakel.consent.models import (
    Consent,
    ConsentMethod,
    ConsentSignature,
    InformationCategory,
)
from schakel.consent.services import consent_record
from schakel.notifications.models import Notification
from tests.consent.fixtures import (
    ConsentWorld,
    actor,
    add_guardian,
    birth_date_for_age,
    birthday,
    case_for,
    make_child,
    today,
)

Counts = tuple[int, int, int, int]


def counts() -> Counts:
    return (Consent.objects.count(), ConsentSignature.objects.count(),
            AccessEvent.objects.count(), Notification.objects.count())


def record(cw: ConsentWorld, **overrides: Any) -> Consent:
    values: dict[str, Any] = {
        "actor": actor(cw.anne), "child": cw.tina, "organisation": cw.municipality,
        "category": InformationCategory.CARE, "purpose": "Afstemming hulp thuis en school",
        "method": ConsentMethod.WRITTEN, "given_at": today(),
        "guardians": [cw.eva], "young_person": True,
    }
    values.update(overrides)
    return consent_record(**values)


def test_records_consent_of_tina_and_her_mother(cw: ConsentWorld) -> None:
    consent = record(cw, valid_until=today() + dt.timedelta(days=365))
    signatures = list(consent.signatures.all())
    assert {(s.guardian_id, s.is_young_person) for s in signatures} == {
        (cw.eva.pk, False), (None, True)}
    assert consent.recorded_by == cw.anne
    event = AccessEvent.objects.get(event_code="consent.record")
    assert (event.child_id, event.object_id, event.ground) == (
        cw.tina.pk, str(consent.pk), "coordinator")


def test_the_same_guardian_twice_signs_once(cw: ConsentWorld) -> None:
    consent = record(cw, guardians=[cw.eva, cw.eva])
    assert consent.signatures.filter(guardian=cw.eva).count() == 1


def _other_childs_parent(cw: ConsentWorld) -> Guardian:
    other = make_child("Noor", birth_date_for_age(9))
    return add_guardian(other, "Fatima El Idrissi")


REFUSALS: list[tuple[str, Callable[[ConsentWorld], dict[str, Any]], str]] = [
    ("future date", lambda cw: {"given_at": today() + dt.timedelta(days=1)},
     "The consent date lies in the future."),
    ("guardian without custody", lambda cw: {"guardians": [cw.karel]},
     "Karel de Boer has no custody (gezag) of Tina and cannot consent."),
    ("guardian of another child", lambda cw: {"guardians": [_other_childs_parent(cw)]},
     "Fatima El Idrissi is not a parent or guardian of Tina."),
    ("young person alone at 13", lambda cw: {"guardians": []},
     "Tina is 13: consent of Tina and of a parent with custody is needed. Missing: consent of "
     "a parent with custody."),
    ("guardians alone at 13", lambda cw: {"young_person": False, "guardians": [cw.eva, cw.henk]},
     "Tina is 13: consent of Tina and of a parent with custody is needed. Missing: consent of "
     "Tina."),
    ("nobody", lambda cw: {"young_person": False, "guardians": []},
     "Say who gave the consent."),
    ("no purpose", lambda cw: {"purpose": "  "},
     "Describe the purpose for which the information is shared."),
    ("validity before the date given", lambda cw: {"valid_until": today() - dt.timedelta(days=1)},
     "The end of validity lies before the date the consent was given."),
    ("unknown category", lambda cw: {"category": "medical"}, "Choose an information category."),
]


@pytest.mark.parametrize(("case", "overrides", "message"), REFUSALS, ids=[r[0] for r in REFUSALS])
def test_bad_input_is_refused_and_nothing_is_stored(
    cw: ConsentWorld, case: str, overrides: Callable[[ConsentWorld], dict[str, Any]],
    message: str,
) -> None:
    values = overrides(cw)
    before = counts()
    with pytest.raises(ValidationError) as excinfo:
        record(cw, **values)
    assert message in excinfo.value.messages
    assert counts() == before


def test_under_12_the_child_alone_cannot_consent(cw: ConsentWorld) -> None:
    bas = make_child("Bas", birth_date_for_age(7), family=cw.family)
    add_guardian(bas, "Eva Jansen (Bas)")
    case_for(cw, bas)
    before = counts()
    with pytest.raises(ValidationError) as excinfo:
        record(cw, child=bas, guardians=[], young_person=True)
    assert excinfo.value.messages == [
        "Bas is 7: consent of a parent with custody is needed. Missing: consent of a parent "
        "with custody."]
    assert counts() == before


def test_from_16_the_young_person_alone_consents_and_parents_alone_cannot(
    cw: ConsentWorld,
) -> None:
    lotte = make_child("Lotte", birth_date_for_age(17), family=cw.family)
    mother = add_guardian(lotte, "Eva Jansen (Lotte)")
    case_for(cw, lotte)
    before = counts()
    with pytest.raises(ValidationError) as excinfo:
        record(cw, child=lotte, guardians=[mother], young_person=False)
    assert excinfo.value.messages == [
        "Lotte is 17: consent of Lotte alone is needed. Missing: consent of Lotte."]
    assert counts() == before
    consent = record(cw, child=lotte, guardians=[], young_person=True)
    assert consent.signatures.get().is_young_person


def test_the_rule_of_the_day_given_applies(cw: ConsentWorld) -> None:
    """Consent given before Tina turned 12 needed only a parent."""
    eleven = birthday(cw.tina.birth_date, 11)
    consent = record(cw, given_at=eleven, guardians=[cw.eva], young_person=False)
    assert consent.signatures.count() == 1


@override_settings(SCHAKEL_CONSENT_CUSTODY_RULE="all")
def test_every_parent_with_custody_when_the_region_asks_for_it(cw: ConsentWorld) -> None:
    before = counts()
    with pytest.raises(ValidationError) as excinfo:
        record(cw, guardians=[cw.eva])
    assert excinfo.value.messages == [
        "Tina is 13: consent of Tina and of every parent with custody is needed. Missing: "
        "consent of Henk Jansen."]
    assert counts() == before
    assert record(cw, guardians=[cw.eva, cw.henk]).signatures.count() == 3


@pytest.mark.parametrize("who", ["ilse", "olaf", "gerda"])
def test_only_professionals_involved_with_the_child_record_consent(
    cw: ConsentWorld, who: str,
) -> None:
    """The core team (Ilse) sees the child but not the case content; Gerda works at the
    receiving organisation but is not involved."""
    before = Consent.objects.count()
    with pytest.raises(Http404):
        record(cw, actor=actor(getattr(cw, who)))
    assert Consent.objects.count() == before
    denied = AccessEvent.objects.get(event_code="consent.record")
    assert denied.outcome == Outcome.DENIED


def test_an_involved_professional_other_than_the_coordinator_records(cw: ConsentWorld) -> None:
    record(cw, actor=actor(cw.wim))
    assert AccessEvent.objects.get(event_code="consent.record").ground == "involved"
