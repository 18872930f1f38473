"""The team page for every professional; its keeper adds a member and writes the charter."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from schakel.teams.models import TeamMembership
from tests.factories import ProfessionalFactory, SchoolFactory, TeamFactory
from tests.support import sign_in

pytestmark = pytest.mark.django_db


def test_the_keeper_adds_a_member_and_writes_the_agreements(client: Client) -> None:
    school = SchoolFactory()
    team = TeamFactory(school=school)
    contact = ProfessionalFactory(support_coordinator=True)
    school.contact_point = contact
    school.save()
    TeamMembership.objects.create(team=team, professional=contact,
                                  start_date=timezone.localdate())
    sign_in(client, contact.user)
    nurse = ProfessionalFactory(nurse=True)
    answer = client.post(reverse("teams:member_add", kwargs={"team_id": team.pk}), {
        "professional": nurse.pk, "role": "JGZ", "substitute": "",
        "start_date": timezone.localdate().isoformat()})
    assert answer.status_code == 302
    page = client.get(reverse("teams:detail", kwargs={"team_id": team.pk})).content.decode()
    assert escape(nurse.full_name) in page
    answer = client.post(reverse("teams:charter", kwargs={"team_id": team.pk}), {
        "chair": contact.pk, "minute_taker": nurse.pk, "frequency": "six_weeks",
        "preparation": "De IB'er zet de agenda klaar.", "way_of_meeting": "",
        "fixed_agenda": "Nieuwe instromers", "substitution": "", "minutes": ""})
    assert answer.status_code == 302
    page = client.get(reverse("teams:detail", kwargs={"team_id": team.pk})).content.decode()
    assert "Nieuwe instromers" in page
    assert "<abbr" in page


def test_others_read_the_team_but_cannot_change_it(client: Client) -> None:
    team = TeamFactory(school=SchoolFactory())
    sign_in(client, ProfessionalFactory().user)
    assert client.get(reverse("teams:detail", kwargs={"team_id": team.pk})).status_code == 200
    answer = client.post(reverse("teams:member_add", kwargs={"team_id": team.pk}), {
        "professional": ProfessionalFactory().pk, "start_date": "2026-12-02"})
    assert answer.status_code == 404
    assert not TeamMembership.objects.filter(team=team).exists()
