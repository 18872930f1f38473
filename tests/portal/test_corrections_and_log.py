"""A correction request from the portal, answered by the coordinator with a recorded answer;
and the access log of the file as parents and young people see it."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.test import Client
from django.urls import reverse
from django.utils import translation

from schakel.audit.models import AccessEvent, Action
from schakel.cases.selectors import case_get
from schakel.notifications.models import Notification, NotificationKind
from schakel.portal.log_labels import ground_text, what_text
from schakel.portal.models import CorrectionRequest, CorrectionStatus
from schakel.portal.selectors.professionals import corrections_for_answer
from schakel.portal.services.professionals import correction_request_answer
from tests.factories import actor_for
from tests.portal.fixtures import PortalWorld, portal_sign_in
from tests.support import sign_in


def _request(pw: PortalWorld) -> CorrectionRequest:
    client = portal_sign_in(Client(), pw.young_user)
    url = reverse("portal:correction", kwargs={
        "case_id": pw.case_young.pk, "entry_type": "plan_step", "entry_id": pw.step3.pk})
    response = client.post(url, {"text": "Ik kom niet vaak te laat, alleen op maandag."})
    assert response.status_code == 302
    return CorrectionRequest.objects.get()


def test_the_correction_flow(pw: PortalWorld) -> None:
    correction = _request(pw)
    assert (correction.status, correction.by_young_person) == (CorrectionStatus.OPEN, pw.young)
    note = Notification.objects.get(recipient=pw.nurse.user,
                                    kind=NotificationKind.CORRECTION_REQUESTED)
    assert note.link == reverse("portal:correction_answer",
                                kwargs={"correction_id": correction.pk})

    nurse = sign_in(Client(), pw.nurse.user)
    listing = nurse.get(reverse("portal:corrections")).content.decode()
    assert "Plan step 3, version 1" in listing
    answer_url = reverse("portal:correction_answer", kwargs={"correction_id": correction.pk})
    assert "alleen op maandag" in nurse.get(answer_url).content.decode()
    assert nurse.post(answer_url, {"status": "declined", "answer": ""}).status_code == 200
    response = nurse.post(answer_url, {
        "status": "declined", "answer": "Volgens de absentieregistratie ook op woensdag."})
    assert response.status_code == 302
    correction.refresh_from_db()
    assert correction.status == CorrectionStatus.DECLINED
    assert correction.answered_by == pw.nurse
    assert correction.answered_at is not None
    assert Notification.objects.filter(recipient=pw.young_user,
                                       kind=NotificationKind.CORRECTION_ANSWERED).exists()
    page = portal_sign_in(Client(), pw.young_user).get(
        reverse("portal:case", kwargs={"case_id": pw.case_young.pk})).content.decode()
    assert "Volgens de absentieregistratie ook op woensdag." in page
    with pytest.raises(ValidationError):
        correction_request_answer(actor=actor_for(pw.nurse), correction=correction,
                                           status="corrected", answer="Toch wel")


def test_only_the_coordinator_answers(pw: PortalWorld) -> None:
    correction = _request(pw)
    with pytest.raises(Http404):
        correction_request_answer(actor=actor_for(pw.teacher), correction=correction,
                                           status="corrected", answer="Aangepast")
    assert corrections_for_answer(actor=actor_for(pw.teacher)) == []
    client = sign_in(Client(), pw.teacher.user)
    assert client.get(reverse("portal:correction_answer",
                              kwargs={"correction_id": correction.pk})).status_code == 404
    rows = corrections_for_answer(actor=actor_for(pw.nurse))
    assert [r.correction for r in rows] == [correction]


def test_the_parents_do_not_see_the_young_persons_correction_requests(pw: PortalWorld) -> None:
    _request(pw)
    page = portal_sign_in(Client(), pw.mother_user).get(
        reverse("portal:case", kwargs={"case_id": pw.case_young.pk})).content.decode()
    assert "alleen op maandag" not in page


def test_the_access_log_shows_the_professionals_reads(pw: PortalWorld) -> None:
    case_get(actor=actor_for(pw.nurse), case_id=pw.case_young.pk)
    client = portal_sign_in(Client(), pw.mother_user)
    url = reverse("portal:access_log", kwargs={"child_id": pw.young.pk})
    page = client.get(url).content.decode()
    assert "Marieke ter Horst" in page
    assert pw.nurse.organisation.name in page
    assert "Read: the case" in page
    assert "coordinator of the case" in page
    assert AccessEvent.objects.filter(event_code="portal.access_log", user_id=pw.mother_user.pk,
                                      child_id=pw.young.pk).exists()


def test_the_access_log_is_the_childs_rows_per_person_and_day(pw: PortalWorld) -> None:
    case_get(actor=actor_for(pw.teacher), case_id=pw.case_young.pk)
    case_get(actor=actor_for(pw.nurse), case_id=pw.case_young.pk)
    case_get(actor=actor_for(pw.nurse), case_id=pw.case_older.pk)  # another child
    client = portal_sign_in(Client(), pw.young_user)
    response = client.get(reverse("portal:access_log", kwargs={"child_id": pw.young.pk}))
    lines = list(response.context["page"].object_list)
    # Newest first: the nurse read last. Only this child's rows.
    assert [line.user_name for line in lines] == ["Marieke ter Horst", "Daan Scholten"]
    assert [line.count for line in lines] == [1, 1]


def test_the_access_log_is_refused_where_the_file_is(pw: PortalWorld) -> None:
    for user, child in ((pw.mother_user, pw.older), (pw.father_user, pw.young),
                        (pw.other_user, pw.young), (pw.older_user, pw.young)):
        client = portal_sign_in(Client(), user)
        assert client.get(reverse("portal:access_log", kwargs={"child_id": child.pk})
                          ).status_code == 404


def test_log_labels_in_plain_words() -> None:
    with translation.override("en"):
        _check_labels()


def _check_labels() -> None:
    event = AccessEvent(action=Action.READ, object_type="consent.consent", outcome="denied")
    assert what_text(event) == "Read: consent (refused)"
    assert ground_text("involved; consent #3, consent #4") == (
        "involved in the case; with consent")
    assert ground_text("coordinator; file_holder") == (
        "coordinator of the case; organisation that holds the file")
    assert ground_text("") == "not recorded"
    assert ground_text("", outcome="denied") == "none: access was refused"
    assert ground_text("listed") == "shown in a list of what they may see"
    assert ground_text("emergency; emergency #2") == "emergency access"
    assert ground_text("young_person") == "the young person"
