"""The pages: a member fills in a round through its form (a second time refused with the
message), sees the trend with its chart and table once rounds are closed, never a
distribution of a round with too few answers; a session through its forms."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from schakel.teamdevelopment.models import AmbitionSession
from schakel.teamdevelopment.statements import BASELINE_STATEMENTS, Questionnaire
from tests.conftest import World
from tests.support import sign_in
from tests.teamdevelopment.helpers import closed_round, team_world

pytestmark = pytest.mark.django_db


def test_a_round_through_its_pages(world: World, client: Client) -> None:
    tw = team_world(world)
    sign_in(client, world.nurse.user)
    response = client.post(reverse("teamdevelopment:survey_open",
                                   kwargs={"team_id": tw.team.pk}),
                           {"questionnaire": Questionnaire.BASELINE})
    assert response.status_code == 302
    survey = tw.team.surveys.get()
    page = client.get(reverse("teamdevelopment:survey", kwargs={"survey_id": survey.pk}))
    assert str(BASELINE_STATEMENTS[0].text) in page.content.decode()
    url = reverse("teamdevelopment:survey_answer", kwargs={"survey_id": survey.pk})
    incomplete = client.post(url, {BASELINE_STATEMENTS[0].code: "4"})
    assert incomplete.status_code == 200
    assert "Answer this statement" in incomplete.content.decode()
    answers = {item.code: "4" for item in BASELINE_STATEMENTS}
    assert client.post(url, answers).status_code == 302
    again = client.post(url, answers)
    assert again.status_code == 200
    assert "You have already filled in this round" in again.content.decode()
    assert survey.responses.count() == 1


def test_the_team_page_shows_the_trend_and_no_small_round(world: World,
                                                          client: Client) -> None:
    tw = team_world(world)
    closed_round(tw, Questionnaire.BASELINE, [2, 3, 2])
    closed_round(tw, Questionnaire.BASELINE, [4, 5])  # two answers: not shown
    closed_round(tw, Questionnaire.BASELINE, [4, 4, 5, 3])
    sign_in(client, world.nurse.user)
    html = client.get(reverse("teamdevelopment:team", kwargs={"team_id": tw.team.pk})
                      ).content.decode()
    assert 'id="trend-baseline-title"' in html
    assert "<rect" in html
    assert "2.3" in html
    assert "4.0" in html
    assert "not shown (too few answers)" in html
    small = tw.team.surveys.get(number=2)
    small_page = client.get(reverse("teamdevelopment:survey",
                                    kwargs={"survey_id": small.pk})).content.decode()
    assert "<table" not in small_page
    assert "2 members answered." in small_page
    # Nobody's name beside an answer: the respondents appear nowhere on the round's page.
    big = tw.team.surveys.get(number=3)
    big_page = client.get(reverse("teamdevelopment:survey",
                                  kwargs={"survey_id": big.pk})).content.decode()
    assert "<table" in big_page
    for member in tw.members:
        assert member.full_name not in big_page.split("<main", 1)[-1].split("</main>")[0]


def test_a_session_through_its_pages(world: World, client: Client) -> None:
    tw = team_world(world)
    sign_in(client, world.core_member.user)
    start = reverse("teamdevelopment:session_start", kwargs={"team_id": tw.team.pk})
    assert client.get(start).status_code == 200
    assert client.post(start, {"meeting": tw.meeting.pk}).status_code == 302
    session = AmbitionSession.objects.get()
    kwargs = {"session_id": session.pk}
    assert client.post(reverse("teamdevelopment:session_note", kwargs=kwargs),
                       {"ring": "3", "text": "Korte lijnen"}).status_code == 302
    for member in tw.members[:3]:
        assert client.post(reverse("teamdevelopment:session_participant", kwargs=kwargs),
                           {"professional": member.pk}).status_code == 302
    participants = list(session.participants.order_by("pk"))
    bad = client.post(reverse("teamdevelopment:session_scores", kwargs=kwargs),
                      {f"score_{participants[0].pk}": "7"})
    assert bad.status_code == 200
    assert "from 1 to 10" in bad.content.decode()
    assert client.post(reverse("teamdevelopment:session_scores", kwargs=kwargs), {
        f"score_{p.pk}": str(mark) for p, mark in zip(participants, (6, 8, 7), strict=True)
    }).status_code == 302
    due = (timezone.localdate() + dt.timedelta(days=14)).isoformat()
    assert client.post(reverse("teamdevelopment:session_action", kwargs=kwargs), {
        "participant": participants[1].pk, "description": "Spreekuur", "due_date": due,
    }).status_code == 302
    sign_in(client, world.nurse.user)
    html = client.get(reverse("teamdevelopment:session", kwargs=kwargs)).content.decode()
    assert "Korte lijnen" in html
    assert "Spreekuur" in html
    assert "7.0" in html  # the mean of the marks, never a mark beside a name
