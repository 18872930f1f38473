"""Voogdij (BW 1:302 lid 2, 1:275): while a guardianship order runs the parents have no
custody, the GI consents in their place (Jeugdwet 7.3.4) and a consent is judged with the
custody of the day it was given."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.test import Client
from django.urls import reverse

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.children.models import Measure, MeasureKind
from schakel.consent.forms import ConsentWithdrawForm
from schakel.consent.models import Consent, ConsentMethod, ConsentSignature, InformationCategory
from schakel.consent.selectors import sharing_check
from schakel.consent.services import consent_record, consent_withdraw
from tests.consent.fixtures import ConsentWorld, actor, make_consent, today
from tests.support import sign_in

CARE = InformationCategory.CARE


def _voogdij(cw: ConsentWorld, *, start: dt.date, end: dt.date | None = None) -> Measure:
    return Measure.objects.create(
        child=cw.tina, kind=MeasureKind.GUARDIANSHIP, organisation=cw.gi, worker=cw.joost,
        start_date=start, end_date=end, started_by=cw.joost)


def _record(cw: ConsentWorld, who: Actor, **kwargs: Any) -> Consent:
    return consent_record(
        actor=who, child=cw.tina, organisation=cw.ggd, category=CARE, purpose="Afstemming",
        method=ConsentMethod.WRITTEN, **kwargs)


def test_under_voogdij_the_gi_is_the_consenter_and_the_parents_are_not(
        cw: ConsentWorld) -> None:
    _voogdij(cw, start=today() - dt.timedelta(days=20))
    requirement = policy.consent_requirement(cw.tina, today())
    assert requirement.custodian_ids == frozenset()
    assert requirement.voogd_organisation_id == cw.gi.pk
    # The parents' signature (recorded as given today) no longer counts ...
    make_consent(cw.tina, cw.ggd, given_at=today(), guardians=(cw.eva,), young_person=True)
    assert not policy.may_receive_category(cw.tina, cw.ggd, CARE)
    # ... nor can it be recorded.
    with pytest.raises(ValidationError) as refused:
        _record(cw, actor(cw.anne), given_at=today(), guardians=[cw.eva], young_person=True)
    assert "the voogd (Jeugdbescherming Overijssel) consents" in " ".join(
        refused.value.messages)


def test_the_gi_signs_as_voogd_and_the_consent_holds(cw: ConsentWorld) -> None:
    _voogdij(cw, start=today() - dt.timedelta(days=20))
    joost = actor(cw.joost)
    assert policy.may_give_consent(joost, cw.tina).ground == policy.Ground.VOOGD
    consent = _record(cw, joost, given_at=today(), voogd=True, young_person=True)
    signature = ConsentSignature.objects.get(consent=consent, voogd__isnull=False)
    assert (signature.voogd, signature.voogd_professional) == (cw.gi, cw.joost)
    assert policy.may_receive_category(cw.tina, cw.ggd, CARE).consent == consent
    # The young person's signature alone is not enough at 13.
    with pytest.raises(ValidationError):
        _record(cw, joost, given_at=today(), young_person=True)


def test_another_organisation_cannot_sign_as_voogd(cw: ConsentWorld) -> None:
    _voogdij(cw, start=today() - dt.timedelta(days=20))
    with pytest.raises(ValidationError) as refused:
        _record(cw, actor(cw.anne), given_at=today(), voogd=True, young_person=True)
    assert "GGD Twente is not the voogd of Tina" in " ".join(refused.value.messages)


def test_no_voogd_signature_before_the_voogdij(cw: ConsentWorld) -> None:
    _voogdij(cw, start=today() - dt.timedelta(days=5))
    with pytest.raises(ValidationError):
        _record(cw, actor(cw.joost), given_at=today() - dt.timedelta(days=10), voogd=True,
                young_person=True)


def test_a_consent_of_the_parents_from_before_the_voogdij_holds(cw: ConsentWorld) -> None:
    """Judged with the custody of the day it was given; the GI may withdraw it."""
    consent = make_consent(cw.tina, cw.ggd, given_at=today() - dt.timedelta(days=30),
                           guardians=(cw.eva,), young_person=True)
    _voogdij(cw, start=today() - dt.timedelta(days=10))
    assert policy.may_receive_category(cw.tina, cw.ggd, CARE).consent == consent
    with pytest.raises(ValidationError):  # Eva has no custody now
        consent_withdraw(actor=actor(cw.anne), child=cw.tina, consent_id=consent.pk,
                         by_guardian=cw.eva)
    consent_withdraw(actor=actor(cw.joost), child=cw.tina, consent_id=consent.pk,
                     by_voogd=True)
    consent.refresh_from_db()
    assert consent.withdrawn_by_voogd == cw.gi
    assert not policy.may_receive_category(cw.tina, cw.ggd, CARE)


def test_after_the_voogdij_the_parents_custody_counts_again(cw: ConsentWorld) -> None:
    """A voogdij ended by the court restoring custody (BW 1:277): the parents' periods
    count again from the next day."""
    _voogdij(cw, start=today() - dt.timedelta(days=40), end=today() - dt.timedelta(days=1))
    requirement = policy.consent_requirement(cw.tina, today())
    assert requirement.voogd_organisation_id is None
    assert requirement.custodian_ids == {cw.eva.pk, cw.henk.pk}
    during = policy.consent_requirement(cw.tina, today() - dt.timedelta(days=2))
    assert during.voogd_organisation_id == cw.gi.pk


def test_the_sharing_check_names_the_voogd(cw: ConsentWorld) -> None:
    _voogdij(cw, start=today() - dt.timedelta(days=20))
    make_consent(cw.tina, cw.ggd, given_at=today(), guardians=(cw.eva,), young_person=True)
    answer = sharing_check(actor=actor(cw.anne), child=cw.tina, recipient=cw.ggd,
                           category=CARE)
    assert not answer.allowed
    assert "consent of Tina and of the voogd (the certified institution) is needed" in (
        answer.explanation)
    assert "Missing: consent of the voogd (the certified institution)." in answer.explanation


def test_nobody_outside_the_gi_gets_the_voogd_ground(cw: ConsentWorld) -> None:
    _voogdij(cw, start=today() - dt.timedelta(days=20))
    assert not policy.is_voogd(actor(cw.olaf), cw.tina, today())
    assert not policy.may_give_consent(actor(cw.olaf), cw.tina)
    with pytest.raises(Http404):
        _record(cw, actor(cw.olaf), given_at=today(), voogd=True, young_person=True)


def test_the_gi_records_and_withdraws_as_voogd_on_the_consent_page(cw: ConsentWorld) -> None:
    """The GI's worker is not involved in a case: the voogdij alone opens the consent page
    and its forms to him."""
    _voogdij(cw, start=today() - dt.timedelta(days=20))
    client = sign_in(Client(headers={"accept-language": "en"}), cw.joost.user)
    page = client.get(reverse("consent:child", kwargs={"child_id": cw.tina.pk})).content
    assert b"Consent given by the voogd" in page
    response = client.post(
        reverse("consent:record", kwargs={"child_id": cw.tina.pk}),
        {"organisation": cw.ggd.pk, "category": InformationCategory.CARE,
         "purpose": "Afstemming", "method": "written", "given_at": today().isoformat(),
         "young_person": "on", "voogd": "on"})
    assert response.status_code == 302
    consent = Consent.objects.get()
    assert {s.voogd_id for s in consent.signatures.all()} == {None, cw.gi.pk}
    withdraw = ConsentWithdrawForm(child=cw.tina)
    assert ("voogd", "Jeugdbescherming Overijssel (voogd)") in withdraw.withdrawers
    assert not any(value == str(cw.eva.pk) for value, _label in withdraw.withdrawers)
