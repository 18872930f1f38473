""""Mag ik dit delen?": yes or no, the ground, and in plain words what is missing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.http import Http404
from django.utils import timezone
from django.utils.formats import date_format

from schakel.audit.models import AccessEvent, Outcome
from schakel.children.models import Custody, Measure, MeasureKind
from schakel.consent.models import InformationCategory, LegalGroundKind
from schakel.consent.selectors import sharing_check
from schakel.consent.services import legal_ground_record
from schakel.organisations.models import Organisation, Sector
from tests.consent.fixtures import (
    ConsentWorld,
    actor,
    birthday,
    file_holder,
    make_consent,
    today,
)

CARE = InformationCategory.CARE
TINA_RULE = "Tina is 13: consent of Tina and of a parent with custody is needed."


def long_date(day: dt.date) -> str:
    return date_format(day, "j F Y")


def test_tina_13_without_consent(cw: ConsentWorld) -> None:
    answer = sharing_check(actor=actor(cw.ilse), child=cw.tina, recipient=cw.ggd, category=CARE)
    assert not answer.allowed
    assert answer.ground == ""
    assert answer.explanation == (
        f"{TINA_RULE} No consent has been recorded for sharing care content with GGD Twente. "
        "Do not share until the consent is there, or a legal ground applies.")


def test_tina_13_with_only_her_mothers_consent_from_before_12(cw: ConsentWorld) -> None:
    given = birthday(cw.tina.birth_date, 12) - dt.timedelta(days=30)
    make_consent(cw.tina, cw.ggd, given_at=given, guardians=(cw.eva,))
    answer = sharing_check(actor=actor(cw.anne), child=cw.tina, recipient=cw.ggd, category=CARE)
    assert not answer.allowed
    assert answer.explanation == (
        f"{TINA_RULE} The consent of {long_date(given)} is not enough. Missing: consent of "
        "Tina. Do not share until the consent is there, or a legal ground applies.")


def test_withdrawn_and_expired_consents_are_named(cw: ConsentWorld) -> None:
    expired_given = today() - dt.timedelta(days=100)
    make_consent(cw.tina, cw.ggd, given_at=expired_given,
                 valid_until=expired_given + dt.timedelta(days=30), guardians=(cw.eva,),
                 young_person=True)
    withdrawn_given = today() - dt.timedelta(days=20)
    make_consent(cw.tina, cw.ggd, given_at=withdrawn_given, guardians=(cw.eva,),
                 young_person=True, withdrawn_at=timezone.now())
    answer = sharing_check(actor=actor(cw.anne), child=cw.tina, recipient=cw.ggd, category=CARE)
    assert not answer.allowed
    assert (f"The consent of {long_date(withdrawn_given)} was withdrawn on "
            f"{long_date(today())}.") in answer.explanation
    assert (f"The consent of {long_date(expired_given)} was valid until "
            f"{long_date(expired_given + dt.timedelta(days=30))}.") in answer.explanation


def test_yes_with_consent(cw: ConsentWorld) -> None:
    make_consent(cw.tina, cw.ggd, given_at=today(), guardians=(cw.eva,), young_person=True)
    answer = sharing_check(actor=actor(cw.ilse), child=cw.tina, recipient=cw.ggd, category=CARE)
    assert answer.allowed
    assert answer.ground == "Consent"
    assert answer.explanation == (
        f"GGD Twente may receive care content of Tina: consent given on {long_date(today())} "
        "by Eva Jansen, Tina, for: Afstemming zorg.")


def test_yes_on_a_legal_ground(cw: ConsentWorld) -> None:
    veilig_thuis = Organisation.objects.create(
        name="Veilig Thuis Twente", sector=Sector.SAFETY, region=cw.municipality.region)
    legal_ground_record(
        actor=actor(file_holder(cw)), child=cw.tina, organisation=veilig_thuis, category=CARE,
        kind=LegalGroundKind.MELDCODE, reference="Meldcode stap 5: melding Veilig Thuis",
        valid_from=today(), valid_until=today() + dt.timedelta(days=90))
    answer = sharing_check(actor=actor(cw.anne), child=cw.tina, recipient=veilig_thuis,
                           category=CARE)
    assert answer.allowed
    assert answer.ground == str(LegalGroundKind.MELDCODE.label)
    assert "without consent, on a legal ground" in answer.explanation
    assert "Meldcode stap 5: melding Veilig Thuis" in answer.explanation


def test_yes_to_the_jeugdbeschermer_during_an_ots(cw: ConsentWorld) -> None:
    start = today() - dt.timedelta(days=40)
    Measure.objects.create(child=cw.tina, kind=MeasureKind.OTS, organisation=cw.gi,
                           worker=cw.joost, start_date=start,
                           end_date=start + dt.timedelta(days=300), started_by=cw.joost)
    answer = sharing_check(actor=actor(cw.ilse), child=cw.tina, recipient=cw.gi,
                           category=InformationCategory.SCHOOL)
    assert answer.allowed
    assert answer.ground == str(LegalGroundKind.OTS_DUTY_TO_INFORM.label)
    assert answer.explanation.startswith(
        f"Tina is under a supervision order (OTS) since {long_date(start)}, carried out by "
        "Jeugdbescherming Overijssel")


def test_the_check_is_logged_and_refused_outside_ones_rights(cw: ConsentWorld) -> None:
    sharing_check(actor=actor(cw.ilse), child=cw.tina, recipient=cw.ggd, category=CARE)
    event = AccessEvent.objects.get(event_code="consent.sharing_check")
    assert (event.child_id, event.ground, event.outcome) == (
        cw.tina.pk, "core_team", Outcome.SUCCESS)
    with pytest.raises(Http404):
        sharing_check(actor=actor(cw.olaf), child=cw.tina, recipient=cw.ggd, category=CARE)
    assert AccessEvent.objects.filter(event_code="consent.sharing_check",
                                      outcome=Outcome.DENIED).count() == 1


def test_without_anyone_with_custody_the_check_says_who_decides(cw: ConsentWorld) -> None:
    """Nobody has custody recorded (and no voogdij)."""
    Custody.objects.filter(guardianship__child=cw.tina).delete()
    make_consent(cw.tina, cw.ggd, given_at=today(), guardians=(cw.eva,), young_person=True)
    answer = sharing_check(actor=actor(cw.anne), child=cw.tina, recipient=cw.ggd, category=CARE)
    assert not answer.allowed
    assert ("No parent or guardian with custody is recorded; under guardianship (voogdij) the "
            "voogd decides.") in answer.explanation
    assert "Missing: a parent or guardian with custody (none is recorded" in answer.explanation
