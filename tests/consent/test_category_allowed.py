"""`policy.may_receive_category`: consent in force on the day, a legal ground, or an active OTS."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from schakel.access import policy
from schakel.audit.models import AccessEvent
from schakel.children.models import Custody, Measure, MeasureKind
from schakel.consent.models import InformationCategory, LegalGround, LegalGroundKind
from schakel.consent.services import legal_ground_end, legal_ground_record
from tests.consent.fixtures import (
    ConsentWorld,
    actor,
    birthday,
    file_holder,
    make_consent,
    today,
)

CARE = InformationCategory.CARE
SCHOOL = InformationCategory.SCHOOL


def test_nothing_recorded_means_no(cw: ConsentWorld) -> None:
    decision = policy.may_receive_category(cw.tina, cw.ggd, CARE)
    assert not decision
    assert decision.requirement.age == 13
    assert decision.log_ground == ""


def test_consent_is_per_organisation_and_category(cw: ConsentWorld) -> None:
    consent = make_consent(cw.tina, cw.ggd, given_at=today(), guardians=(cw.eva,),
                           young_person=True)
    decision = policy.may_receive_category(cw.tina, cw.ggd, CARE)
    assert (decision.allowed, decision.ground, decision.consent) == (True, "consent", consent)
    assert decision.log_ground == f"consent #{consent.pk}"
    assert not policy.may_receive_category(cw.tina, cw.municipality, CARE)
    assert not policy.may_receive_category(cw.tina, cw.ggd, SCHOOL)


def test_validity_period(cw: ConsentWorld) -> None:
    given = today() - dt.timedelta(days=20)
    make_consent(cw.tina, cw.ggd, given_at=given, valid_until=given + dt.timedelta(days=10),
                 guardians=(cw.eva,), young_person=True)
    assert not policy.may_receive_category(cw.tina, cw.ggd, CARE, given - dt.timedelta(days=1))
    assert policy.may_receive_category(cw.tina, cw.ggd, CARE, given)
    assert policy.may_receive_category(cw.tina, cw.ggd, CARE, given + dt.timedelta(days=10))
    assert not policy.may_receive_category(cw.tina, cw.ggd, CARE, given + dt.timedelta(days=11))


def test_a_parents_consent_from_before_12_lapses_on_the_12th_birthday(cw: ConsentWorld) -> None:
    """The rule of the day applies: at 12 Tina must consent too."""
    twelve = birthday(cw.tina.birth_date, 12)
    make_consent(cw.tina, cw.ggd, given_at=twelve - dt.timedelta(days=200),
                 guardians=(cw.eva,))
    assert policy.may_receive_category(cw.tina, cw.ggd, CARE, twelve - dt.timedelta(days=1))
    assert not policy.may_receive_category(cw.tina, cw.ggd, CARE, twelve)
    assert not policy.may_receive_category(cw.tina, cw.ggd, CARE)


def test_when_tina_turns_16_her_own_consent_suffices(cw: ConsentWorld) -> None:
    sixteen = birthday(cw.tina.birth_date, 16)
    make_consent(cw.tina, cw.ggd, given_at=today(), young_person=True)
    assert not policy.may_receive_category(cw.tina, cw.ggd, CARE, sixteen - dt.timedelta(days=1))
    assert policy.may_receive_category(cw.tina, cw.ggd, CARE, sixteen)


def test_a_signature_of_someone_without_custody_that_day_does_not_count(
        cw: ConsentWorld) -> None:
    make_consent(cw.tina, cw.ggd, given_at=today(), guardians=(cw.eva,), young_person=True)
    Custody.objects.filter(guardianship__guardian=cw.eva).update(
        end_date=today() - dt.timedelta(days=1))
    assert not policy.may_receive_category(cw.tina, cw.ggd, CARE)


def test_a_consent_is_judged_with_the_custody_of_the_day_it_was_given(cw: ConsentWorld) -> None:
    """Eva had custody when she signed; her custody ended later: the consent holds."""
    make_consent(cw.tina, cw.ggd, given_at=today() - dt.timedelta(days=10),
                 guardians=(cw.eva,), young_person=True)
    Custody.objects.filter(guardianship__guardian=cw.eva).update(
        end_date=today() - dt.timedelta(days=5))
    assert policy.may_receive_category(cw.tina, cw.ggd, CARE)
    assert cw.eva.pk not in policy.consent_requirement(cw.tina, today()).custodian_ids


def test_legal_ground_recorded_and_ended(cw: ConsentWorld) -> None:
    start = today() - dt.timedelta(days=3)
    ground = legal_ground_record(
        actor=actor(file_holder(cw)), child=cw.tina, organisation=cw.municipality,
        category=InformationCategory.ATTENDANCE, kind=LegalGroundKind.TRUANCY_REPORTING,
        reference="Leerplichtwet 1969 art. 21a; melding DUO", valid_from=start,
        valid_until=start + dt.timedelta(days=200))
    decision = policy.may_receive_category(cw.tina, cw.municipality, InformationCategory.ATTENDANCE)
    assert (decision.ground, decision.legal_ground) == ("truancy_reporting", ground)
    assert AccessEvent.objects.filter(event_code="legal_ground.record",
                                      object_id=str(ground.pk)).exists()
    legal_ground_end(actor=actor(cw.wim), legal_ground=ground, end_date=start)
    assert not policy.may_receive_category(cw.tina, cw.municipality,
                                       InformationCategory.ATTENDANCE)
    assert policy.may_receive_category(cw.tina, cw.municipality, InformationCategory.ATTENDANCE,
                                   start)
    with pytest.raises(ValidationError, match="already ended"):
        legal_ground_end(actor=actor(file_holder(cw)), legal_ground=ground)


@pytest.mark.parametrize(("overrides", "message"), [
    ({"reference": " "}, "Give the legal reference (article, report or decision)."),
    ({"valid_until": today() - dt.timedelta(days=9)}, "The end date lies before the start date."),
    ({"kind": "gut_feeling"}, "Choose the legal ground."),
])
def test_bad_legal_ground_is_refused(
    cw: ConsentWorld, overrides: dict[str, object], message: str,
) -> None:
    values: dict[str, object] = {
        "actor": actor(file_holder(cw)), "child": cw.tina, "organisation": cw.municipality,
        "category": InformationCategory.CARE, "kind": LegalGroundKind.MELDCODE,
        "reference": "Meldcode stap 5", "valid_from": today() - dt.timedelta(days=2)}
    values.update(overrides)
    before = (LegalGround.objects.count(), AccessEvent.objects.count())
    with pytest.raises(ValidationError) as excinfo:
        legal_ground_record(**values)  # type: ignore[arg-type]
    assert message in excinfo.value.messages
    assert (LegalGround.objects.count(), AccessEvent.objects.count()) == before


def test_legal_ground_only_by_those_involved(cw: ConsentWorld) -> None:
    with pytest.raises(Http404):
        legal_ground_record(
            actor=actor(cw.ilse), child=cw.tina, organisation=cw.municipality,
            category=InformationCategory.CARE, kind=LegalGroundKind.MELDCODE,
            reference="Meldcode", valid_from=today())
    assert not LegalGround.objects.exists()


def _ots(cw: ConsentWorld, *, start: dt.date, end: dt.date,
         kind: MeasureKind = MeasureKind.OTS) -> Measure:
    return Measure.objects.create(child=cw.tina, kind=kind, organisation=cw.gi,
                                  worker=cw.joost, start_date=start, end_date=end,
                                  started_by=cw.joost)


@pytest.mark.parametrize("kind", [MeasureKind.OTS, MeasureKind.PROVISIONAL_OTS])
def test_during_an_ots_the_gi_receives_school_data_on_the_statutory_ground(
    cw: ConsentWorld, kind: MeasureKind,
) -> None:
    start, end = today() - dt.timedelta(days=10), today() + dt.timedelta(days=50)
    measure = _ots(cw, start=start, end=end, kind=kind)
    decision = policy.may_receive_category(cw.tina, cw.gi, SCHOOL)
    assert (decision.allowed, decision.ground, decision.measure) == (
        True, "ots_duty_to_inform", measure)
    assert not LegalGround.objects.exists()  # derived, not copied
    assert not policy.may_receive_category(cw.tina, cw.gi, CARE)
    assert not policy.may_receive_category(cw.tina, cw.ggd, SCHOOL)
    assert not policy.may_receive_category(cw.tina, cw.gi, SCHOOL, start - dt.timedelta(days=1))
    assert not policy.may_receive_category(cw.tina, cw.gi, SCHOOL, end + dt.timedelta(days=1))


@pytest.mark.parametrize("kind", [MeasureKind.GUARDIANSHIP, MeasureKind.YOUTH_PROBATION])
def test_other_measures_give_no_statutory_ground(cw: ConsentWorld, kind: MeasureKind) -> None:
    _ots(cw, start=today() - dt.timedelta(days=10), end=today() + dt.timedelta(days=50),
         kind=kind)
    assert not policy.may_receive_category(cw.tina, cw.gi, SCHOOL)


def test_consent_management_policy(cw: ConsentWorld) -> None:
    assert policy.may_manage_consent(actor(cw.anne), cw.tina).ground == "coordinator"
    assert policy.may_manage_consent(actor(cw.sam), cw.tina).ground == "involved"
    assert not policy.may_manage_consent(actor(cw.ilse), cw.tina)
    assert not policy.may_manage_consent(actor(cw.gerda), cw.tina)
    assert policy.may_read_consent(actor(cw.ilse), cw.tina).ground == "core_team"
    assert not policy.may_read_consent(actor(cw.olaf), cw.tina)
    assert policy.may_manage_measures(actor(cw.joost), cw.gi)
    assert not policy.may_manage_measures(actor(cw.anne), cw.gi)
