"""The actions on a case page: each saves through its service, shows the service's refusals
as Dutch form errors and saves nothing then, and answers 404 to tampered ids."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from schakel.cases.models import (
    Agreement,
    AgreementStatus,
    CaseStatus,
    ClassroomAdvice,
    Consultation,
    Escalation,
    Intervention,
    Involvement,
    PlanStepEntry,
)
from tests.support import sign_in
from tests.web.fixtures import WebWorld, build_world, make_agreement, make_case, today


@pytest.fixture
def w(db: None) -> WebWorld:
    return build_world()


@pytest.fixture
def nurse(client: Client, w: WebWorld) -> Client:
    return sign_in(client, w.nurse.user)


def url(name: str, w: WebWorld, **kwargs: object) -> str:
    return reverse(name, kwargs={"case_id": w.case.pk, **kwargs})


def errors_in(response: object) -> str:
    content: bytes = response.content  # type: ignore[attr-defined]
    return content.decode()


# --- consultation ----------------------------------------------------------------------


def test_consultation_is_saved(nurse: Client, w: WebWorld) -> None:
    response = nurse.post(url("cases:consultation", w), {
        "consultation-signals_seen": "Vechtpartijen", "consultation-wisdom": "Samen met moeder"})
    assert response.status_code == 302
    assert response["Location"].endswith("#consultation")
    consultation = Consultation.objects.get(case=w.case)
    assert consultation.signals_seen == "Vechtpartijen"
    assert consultation.recorded_by == w.nurse


def test_consultation_without_signals_shows_error_and_saves_nothing(
    nurse: Client, w: WebWorld,
) -> None:
    response = nurse.post(url("cases:consultation", w), {"consultation-signals_seen": " "})
    assert response.status_code == 200
    page = errors_in(response)
    assert "utrecht-form-field-error-message" in page
    assert 'aria-invalid="true"' in page
    assert not Consultation.objects.exists()


def test_consultation_form_page_works_without_javascript(nurse: Client, w: WebWorld) -> None:
    response = nurse.get(url("cases:consultation", w))
    assert response.status_code == 200
    assert 'name="consultation-signals_seen"' in errors_in(response)


# --- plan --------------------------------------------------------------------------------


def test_plan_step_saves_versions(nurse: Client, w: WebWorld) -> None:
    step_url = url("cases:plan_step", w, step=2)
    nurse.post(step_url, {"step-2-content": "Eerste versie", "step-2-is_provisional": "on"})
    nurse.post(step_url, {"step-2-content": "Tweede versie"})
    versions = list(PlanStepEntry.objects.filter(case=w.case, step=2).order_by("version"))
    assert [(v.version, v.content, v.is_provisional) for v in versions] == [
        (1, "Eerste versie", True), (2, "Tweede versie", False)]
    page = nurse.get(reverse("cases:detail", kwargs={"case_id": w.case.pk})).content.decode()
    assert "Tweede versie" in page
    assert "Eerste versie" in page  # in the history


def test_plan_step_without_consensus_needs_dissent(nurse: Client, w: WebWorld) -> None:
    response = nurse.post(url("cases:plan_step", w, step=3),
                          {"step-3-content": "Bas gaat weer graag naar school",
                           "step-3-consensus": "no"})
    assert response.status_code == 200
    assert "step-3-dissent" in errors_in(response)
    assert 'id="id_step-3-dissent_error"' in errors_in(response)
    assert not PlanStepEntry.objects.exists()


def test_plan_step_records_consensus_and_dissent(nurse: Client, w: WebWorld) -> None:
    nurse.post(url("cases:plan_step", w, step=3), {
        "step-3-content": "Bas gaat weer graag naar school", "step-3-consensus": "no",
        "step-3-dissent": "Vader wil eerst rust thuis"})
    entry = PlanStepEntry.objects.get(case=w.case, step=3)
    assert entry.consensus is False
    assert entry.dissent == "Vader wil eerst rust thuis"


def test_plan_step_that_does_not_exist_is_404(nurse: Client, w: WebWorld) -> None:
    assert nurse.get(url("cases:plan_step", w, step=42)).status_code == 404
    assert nurse.post(url("cases:plan_step", w, step=42),
                      {"step-42-content": "x"}).status_code == 404
    assert not PlanStepEntry.objects.exists()


def test_evaluation_step_updates_the_last_evaluation(nurse: Client, w: WebWorld) -> None:
    nurse.post(url("cases:plan_step", w, step=6), {"step-6-content": "Het gaat beter"})
    w.case.refresh_from_db()
    assert w.case.last_evaluated_at is not None


# --- agreements --------------------------------------------------------------------------


def test_agreement_is_created(nurse: Client, w: WebWorld) -> None:
    due = today() + dt.timedelta(days=14)
    response = nurse.post(url("cases:agreement_create", w), {
        "agreement-description": "Gesprek met moeder", "agreement-owner": w.core.pk,
        "agreement-due_date": due.isoformat()})
    assert response.status_code == 302
    agreement = Agreement.objects.get(case=w.case)
    assert (agreement.owner, agreement.due_date) == (w.core, due)


def test_agreement_in_the_past_shows_error_and_saves_nothing(nurse: Client, w: WebWorld) -> None:
    response = nurse.post(url("cases:agreement_create", w), {
        "agreement-description": "Gesprek", "agreement-owner": w.core.pk,
        "agreement-due_date": (today() - dt.timedelta(days=1)).isoformat()})
    assert response.status_code == 200
    assert 'id="id_agreement-due_date_error"' in errors_in(response)
    assert not Agreement.objects.exists()


def test_agreement_with_a_bad_date_shows_error(nurse: Client, w: WebWorld) -> None:
    response = nurse.post(url("cases:agreement_create", w), {
        "agreement-description": "Gesprek", "agreement-owner": w.core.pk,
        "agreement-due_date": "morgen"})
    assert response.status_code == 200
    assert 'id="id_agreement-due_date_error"' in errors_in(response)
    assert not Agreement.objects.exists()


def test_agreement_for_someone_outside_the_case_is_404(nurse: Client, w: WebWorld) -> None:
    response = nurse.post(url("cases:agreement_create", w), {
        "agreement-description": "Gesprek", "agreement-owner": w.outsider.pk,
        "agreement-due_date": (today() + dt.timedelta(days=3)).isoformat()})
    assert response.status_code == 404
    assert not Agreement.objects.exists()


def test_agreement_status_changes(nurse: Client, w: WebWorld) -> None:
    agreement = make_agreement(w.case, w.nurse, due=today())
    response = nurse.post(url("cases:agreement_status", w),
                          {"agreement": agreement.pk, "status": AgreementStatus.DONE})
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.DONE


def test_an_agreements_status_form_arrives_when_its_row_opens_it(
    nurse: Client, w: WebWorld,
) -> None:
    agreement = make_agreement(w.case, w.nurse, due=today())
    form_url = f"{url('cases:agreement_status', w)}?agreement={agreement.pk}"
    page = nurse.get(url("cases:detail", w)).content.decode()
    assert f'hx-get="{form_url}"' in page
    assert 'name="status"' not in page
    form = nurse.get(form_url, HTTP_HX_REQUEST="true").content.decode()
    assert f'id="id_agreement_{agreement.pk}_status"' in form
    assert f'<option value="{AgreementStatus.OPEN}" selected>' in form
    response = nurse.post(form_url, {"agreement": agreement.pk,
                                     "status": AgreementStatus.CANCELLED})
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.CANCELLED


def test_agreement_of_another_case_is_404(nurse: Client, w: WebWorld) -> None:
    other = make_case(w.school, w.child, opened_by=w.core, coordinator=w.nurse,
                      involved=[w.nurse])
    agreement = make_agreement(other, w.nurse, due=today())
    response = nurse.post(url("cases:agreement_status", w),
                          {"agreement": agreement.pk, "status": AgreementStatus.DONE})
    assert response.status_code == 404
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.OPEN


# --- people ------------------------------------------------------------------------------


def test_involve_page_searches_the_directory(nurse: Client, w: WebWorld) -> None:
    page = nurse.get(url("cases:involve", w), {"q": "Olaf"}).content.decode()
    assert "Olaf Buiten" in page
    assert "Tom Smit" not in page


def test_involve_search_with_htmx_returns_only_the_field(nurse: Client, w: WebWorld) -> None:
    response = nurse.get(url("cases:involve", w), {"q": "Olaf"}, HTTP_HX_REQUEST="true")
    body = errors_in(response)
    assert "Olaf Buiten" in body
    assert "<html" not in body


def test_involve_a_professional(nurse: Client, w: WebWorld) -> None:
    response = nurse.post(url("cases:involve", w), {
        "involve-professional": w.outsider.pk, "involve-part": "Jeugdregie"})
    assert response.status_code == 302
    assert Involvement.objects.filter(case=w.case, professional=w.outsider,
                                      part="Jeugdregie").exists()


def test_involving_someone_already_involved_shows_error(nurse: Client, w: WebWorld) -> None:
    response = nurse.post(url("cases:involve", w), {
        "involve-professional": w.core.pk, "involve-part": "Nog een keer"})
    assert response.status_code == 200
    assert 'id="id_involve-professional_error"' in errors_in(response)
    assert Involvement.objects.filter(case=w.case, professional=w.core).count() == 1


def test_involving_an_unknown_professional_is_404(nurse: Client, w: WebWorld) -> None:
    response = nurse.post(url("cases:involve", w), {
        "involve-professional": 999999, "involve-part": "x"})
    assert response.status_code == 404


def test_end_an_involvement(nurse: Client, w: WebWorld) -> None:
    involvement = Involvement.objects.get(case=w.case, professional=w.core)
    response = nurse.post(url("cases:end_involvement", w), {
        "involvement": involvement.pk, "end_date": today().isoformat()})
    assert response.status_code == 302
    involvement.refresh_from_db()
    assert involvement.end_date == today()


def test_the_end_of_an_involvement_arrives_when_its_row_opens_it(
    nurse: Client, w: WebWorld,
) -> None:
    involvement = Involvement.objects.get(case=w.case, professional=w.core)
    form_url = f"{url('cases:end_involvement', w)}?involvement={involvement.pk}"
    page = nurse.get(url("cases:detail", w)).content.decode()
    assert f'hx-get="{form_url}"' in page
    assert 'name="end_date"' not in page
    form = nurse.get(form_url, HTTP_HX_REQUEST="true").content.decode()
    assert f'id="id_involvement_{involvement.pk}_end_date"' in form
    assert f'value="{today().isoformat()}"' in form


def test_ending_the_coordinators_involvement_shows_error(nurse: Client, w: WebWorld) -> None:
    involvement = Involvement.objects.get(case=w.case, professional=w.nurse)
    response = nurse.post(url("cases:end_involvement", w), {
        "involvement": involvement.pk, "end_date": today().isoformat()})
    assert response.status_code == 200
    assert "utrecht-alert--error" in errors_in(response)
    involvement.refresh_from_db()
    assert involvement.end_date is None


def test_ending_an_involvement_of_another_case_is_404(nurse: Client, w: WebWorld) -> None:
    other = make_case(w.school, w.child, opened_by=w.core, coordinator=w.nurse,
                      involved=[w.nurse, w.teacher])
    involvement = Involvement.objects.get(case=other, professional=w.teacher)
    response = nurse.post(url("cases:end_involvement", w), {
        "involvement": involvement.pk, "end_date": today().isoformat()})
    assert response.status_code == 404
    involvement.refresh_from_db()
    assert involvement.end_date is None


def test_set_the_coordinator(nurse: Client, w: WebWorld) -> None:
    response = nurse.post(url("cases:set_coordinator", w), {"coordinator-professional": w.core.pk})
    assert response.status_code == 302
    w.case.refresh_from_db()
    assert w.case.coordinator == w.core


def test_coordinator_outside_the_case_is_404(nurse: Client, w: WebWorld) -> None:
    response = nurse.post(url("cases:set_coordinator", w),
                          {"coordinator-professional": w.outsider.pk})
    assert response.status_code == 404
    w.case.refresh_from_db()
    assert w.case.coordinator == w.nurse


# --- interventions, advice, escalation, closure ------------------------------------------


def test_intervention_is_recorded(nurse: Client, w: WebWorld) -> None:
    nurse.post(url("cases:intervention", w), {
        "intervention-description": "Weerbaarheidstraining", "intervention-provider": "SMW",
        "intervention-start_date": "2025-01-06", "intervention-end_date": "2025-03-01"})
    assert Intervention.objects.filter(case=w.case, provider="SMW").exists()
    page = nurse.get(reverse("cases:detail", kwargs={"case_id": w.case.pk})).content.decode()
    assert "Weerbaarheidstraining" in page


def test_intervention_ending_before_it_starts_shows_error(nurse: Client, w: WebWorld) -> None:
    response = nurse.post(url("cases:intervention", w), {
        "intervention-description": "Training", "intervention-provider": "SMW",
        "intervention-start_date": "2025-03-01", "intervention-end_date": "2025-01-06"})
    assert response.status_code == 200
    assert 'id="id_intervention-end_date_error"' in errors_in(response)
    assert not Intervention.objects.exists()


def test_classroom_advice_is_given(nurse: Client, w: WebWorld) -> None:
    nurse.post(url("cases:advice", w), {"advice-advice": "Vaste plek vooraan in de klas"})
    assert ClassroomAdvice.objects.get(case=w.case).given_by == w.nurse


def test_escalation(nurse: Client, w: WebWorld) -> None:
    nurse.post(url("cases:escalate", w),
               {"escalate-level": "sot", "escalate-reason": "Vastgelopen"})
    assert Escalation.objects.filter(case=w.case, level="sot").exists()
    w.case.refresh_from_db()
    assert w.case.status == CaseStatus.ESCALATED


def test_escalation_without_reason_shows_error(nurse: Client, w: WebWorld) -> None:
    response = nurse.post(url("cases:escalate", w),
                          {"escalate-level": "sot", "escalate-reason": ""})
    assert response.status_code == 200
    assert 'id="id_escalate-reason_error"' in errors_in(response)
    assert not Escalation.objects.exists()


def test_close_by_the_coordinator(nurse: Client, w: WebWorld) -> None:
    response = nurse.post(url("cases:close", w), {"close-reason": "Doelen bereikt"})
    assert response.status_code == 302
    w.case.refresh_from_db()
    assert w.case.status == CaseStatus.CLOSED


def test_close_by_someone_else_is_refused_politely(client: Client, w: WebWorld) -> None:
    sign_in(client, w.core.user)
    response = client.post(url("cases:close", w), {"close-reason": "Klaar"}, follow=True)
    assert response.redirect_chain
    w.case.refresh_from_db()
    assert w.case.status == CaseStatus.OPEN


# --- closed cases, outsiders -------------------------------------------------------------


ACTIONS = [
    ("cases:consultation", {"consultation-signals_seen": "x"}),
    ("cases:advice", {"advice-advice": "x"}),
    ("cases:escalate", {"escalate-level": "sot", "escalate-reason": "x"}),
    ("cases:intervention", {"intervention-description": "x", "intervention-provider": "y",
                            "intervention-start_date": "2025-01-01"}),
]


@pytest.mark.parametrize(("name", "data"), ACTIONS)
def test_closed_case_accepts_no_change(
    nurse: Client, w: WebWorld, name: str, data: dict[str, str],
) -> None:
    w.case.status = CaseStatus.CLOSED
    w.case.save()
    response = nurse.post(url(name, w), data)
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:detail", kwargs={"case_id": w.case.pk})
    assert not Consultation.objects.exists()
    assert not ClassroomAdvice.objects.exists()
    assert not Escalation.objects.exists()
    assert not Intervention.objects.exists()


@pytest.mark.parametrize(("name", "data"), ACTIONS)
def test_outsiders_get_404_on_actions(
    client: Client, w: WebWorld, name: str, data: dict[str, str],
) -> None:
    sign_in(client, w.outsider.user)
    assert client.get(url(name, w)).status_code == 404
    assert client.post(url(name, w), data).status_code == 404
    assert not Consultation.objects.exists()
    assert not ClassroomAdvice.objects.exists()
    assert not Escalation.objects.exists()
    assert not Intervention.objects.exists()


def test_htmx_change_on_a_closed_case_reloads_the_page(nurse: Client, w: WebWorld) -> None:
    agreement = make_agreement(w.case, w.nurse, due=today())
    w.case.status = CaseStatus.CLOSED
    w.case.save()
    response = nurse.post(url("cases:agreement_status", w),
                          {"agreement": agreement.pk, "status": AgreementStatus.DONE},
                          HTTP_HX_REQUEST="true")
    assert response.status_code == 204
    assert response["HX-Redirect"] == reverse("cases:detail", kwargs={"case_id": w.case.pk})
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.OPEN

