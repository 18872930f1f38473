"""The consent pages: the sharing check and a child's consents, with 404 outside one's rights."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from schakel.children.models import Child
from schakel.consent.forms import ConsentWithdrawForm
from schakel.consent.models import Consent, InformationCategory, LegalGround, LegalGroundKind
from schakel.organisations.models import Professional
from tests.consent.fixtures import (
    ConsentWorld,
    add_guardian,
    birth_date_for_age,
    file_holder,
    make_child,
    make_consent,
    today,
)
from tests.support import sign_in


def client_for(professional: Professional) -> Client:
    return sign_in(Client(headers={"accept-language": "en"}), professional.user)


def check_url(**params: object) -> str:
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return f"{reverse('consent:check')}?{query}"


def test_check_page_shows_the_form_for_the_child(cw: ConsentWorld) -> None:
    response = client_for(cw.ilse).get(check_url(child_id=cw.tina.pk))
    assert response.status_code == 200
    assert response.context["answer"] is None
    assert b'name="organisation"' in response.content
    assert b'name="category"' in response.content


def test_check_page_answers(cw: ConsentWorld) -> None:
    response = client_for(cw.ilse).get(check_url(
        child_id=cw.tina.pk, organisation=cw.ggd.pk, category=InformationCategory.CARE))
    assert response.status_code == 200
    answer = response.context["answer"]
    assert not answer.allowed
    assert "Tina is 13: consent of Tina and of a parent with custody is needed." in (
        response.content.decode())


@pytest.mark.parametrize("query", [{"child_id": "x"}, {"child_id": 999999}])
def test_check_page_without_a_readable_child_is_404(
    cw: ConsentWorld, query: dict[str, object],
) -> None:
    assert client_for(cw.ilse).get(check_url(**query)).status_code == 404


def test_check_page_for_an_outsider_is_404(cw: ConsentWorld) -> None:
    response = client_for(cw.olaf).get(check_url(child_id=cw.tina.pk))
    assert response.status_code == 404


def test_child_page_lists_consents_and_offers_forms_to_those_involved(
    cw: ConsentWorld,
) -> None:
    make_consent(cw.tina, cw.ggd, given_at=today(), guardians=(cw.eva,), young_person=True)
    url = reverse("consent:child", kwargs={"child_id": cw.tina.pk})
    involved = client_for(cw.anne).get(url)
    assert involved.status_code == 200
    assert involved.context["overview"].consents[0].in_force
    assert reverse("consent:record", kwargs={"child_id": cw.tina.pk}).encode() in (
        involved.content)
    core_team = client_for(cw.ilse).get(url)
    assert core_team.status_code == 200
    assert reverse("consent:record", kwargs={"child_id": cw.tina.pk}).encode() not in (
        core_team.content)
    assert client_for(cw.olaf).get(url).status_code == 404


def test_record_consent_through_the_form(cw: ConsentWorld) -> None:
    response = client_for(cw.anne).post(
        reverse("consent:record", kwargs={"child_id": cw.tina.pk}),
        {"organisation": cw.municipality.pk, "category": InformationCategory.SCHOOL,
         "purpose": "Afstemming met de jeugdregisseur", "method": "verbal",
         "given_at": today().isoformat(), "guardians": [cw.eva.pk], "young_person": "on"})
    assert response.status_code == 302
    consent = Consent.objects.get()
    assert consent.signatures.count() == 2


def test_a_refused_consent_shows_the_reason_beside_the_form(cw: ConsentWorld) -> None:
    response = client_for(cw.anne).post(
        reverse("consent:record", kwargs={"child_id": cw.tina.pk}),
        {"organisation": cw.municipality.pk, "category": InformationCategory.SCHOOL,
         "purpose": "Afstemming", "method": "verbal", "given_at": today().isoformat(),
         "young_person": "on"})
    assert response.status_code == 200
    assert "Missing: consent of a parent with custody." in response.content.decode()
    assert not Consent.objects.exists()


def test_the_core_team_cannot_record_consent(cw: ConsentWorld) -> None:
    response = client_for(cw.ilse).post(
        reverse("consent:record", kwargs={"child_id": cw.tina.pk}),
        {"organisation": cw.municipality.pk, "category": InformationCategory.SCHOOL,
         "purpose": "Afstemming", "method": "verbal", "given_at": today().isoformat(),
         "guardians": [cw.eva.pk], "young_person": "on"})
    assert response.status_code == 404
    assert not Consent.objects.exists()


def test_withdraw_through_the_form(cw: ConsentWorld) -> None:
    consent = make_consent(cw.tina, cw.ggd, given_at=today(), guardians=(cw.eva,),
                           young_person=True)
    response = client_for(cw.anne).post(
        reverse("consent:withdraw", kwargs={"child_id": cw.tina.pk, "consent_id": consent.pk}),
        {"withdrawn_by": "young_person", "confirm": "on"}, follow=True)
    assert response.status_code == 200
    consent.refresh_from_db()
    assert consent.withdrawn_by_young_person
    assert "The consent has been withdrawn; it no longer applies." in response.content.decode()


def test_withdrawal_needs_a_confirmation_and_changes_nothing_without(cw: ConsentWorld) -> None:
    consent = make_consent(cw.tina, cw.ggd, given_at=today(), guardians=(cw.eva,),
                           young_person=True)
    response = client_for(cw.anne).post(
        reverse("consent:withdraw", kwargs={"child_id": cw.tina.pk, "consent_id": consent.pk}),
        {"withdrawn_by": "young_person"}, follow=True)
    consent.refresh_from_db()
    assert consent.withdrawn_at is None
    assert "confirm the withdrawal" in response.content.decode()


def _withdrawers(child: Child) -> list[str]:
    return [value for value, _label in ConsentWithdrawForm(child=child).withdrawers]


def test_only_those_who_may_withdraw_are_offered(cw: ConsentWorld) -> None:
    """Tina is 13: a parent with custody or Tina herself; never Karel, without custody, and
    no one chosen in advance."""
    make_consent(cw.tina, cw.ggd, given_at=today(), guardians=(cw.eva,), young_person=True)
    values = _withdrawers(cw.tina)
    assert values[0] == ""
    assert set(values[1:]) == {str(cw.eva.pk), str(cw.henk.pk), "young_person"}
    sara = make_child("Sara", birth_date_for_age(4), family=cw.family)
    add_guardian(sara, "Eva Jansen 2")
    little = _withdrawers(sara)
    assert "young_person" not in little


def test_legal_ground_record_and_end_through_the_forms(cw: ConsentWorld) -> None:
    client = client_for(file_holder(cw))
    response = client.post(
        reverse("consent:ground_record", kwargs={"child_id": cw.tina.pk}),
        {"ground-organisation": cw.municipality.pk,
         "ground-category": InformationCategory.ATTENDANCE,
         "ground-kind": LegalGroundKind.TRUANCY_REPORTING,
         "ground-reference": "Leerplichtwet art. 21a",
         "ground-valid_from": (today() - dt.timedelta(days=5)).isoformat(),
         "ground-valid_until": (today() + dt.timedelta(days=100)).isoformat()})
    assert response.status_code == 302
    ground = LegalGround.objects.get()
    response = client.post(
        reverse("consent:ground_end", kwargs={"child_id": cw.tina.pk, "ground_id": ground.pk}),
        {"end_date": ""})
    assert response.status_code == 302
    ground.refresh_from_db()
    assert ground.valid_until == today()
