"""'My work': my cases with health, my open agreements, unread notifications, and new signals
of my school for core-team members."""

from __future__ import annotations

import datetime as dt
import re

from django.test import Client
from django.urls import reverse

from schakel.audit.models import AccessEvent
from schakel.signals.models import SignalStatus
from tests.support import sign_in
from tests.web.fixtures import (
    WebWorld,
    make_agreement,
    make_case,
    make_child,
    notify,
    today,
)


def test_sign_in_required(client: Client, w: WebWorld) -> None:
    response = client.get(reverse("web:dashboard"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_my_cases_with_health(client: Client, w: WebWorld) -> None:
    uncoordinated = make_case(w.school, make_child(w.school, "Sara"), opened_by=w.core,
                              coordinator=None, involved=[w.nurse], grounded=True)
    sign_in(client, w.nurse.user)
    page = client.get(reverse("web:dashboard")).content.decode()
    assert reverse("cases:detail", kwargs={"case_id": w.case.pk}) in page
    assert reverse("cases:detail", kwargs={"case_id": uncoordinated.pk}) in page
    assert "health--no_coordinator" in page


def test_my_agreements_with_overdue_marked(client: Client, w: WebWorld) -> None:
    make_agreement(w.case, w.nurse, due=today() - dt.timedelta(days=2),
                   description="Huisbezoek plannen")
    make_agreement(w.case, w.nurse, due=today() + dt.timedelta(days=2),
                   description="Verslag delen")
    make_agreement(w.case, w.core, due=today(), description="Niet van mij")
    sign_in(client, w.nurse.user)
    page = client.get(reverse("web:dashboard")).content.decode()
    overdue = re.search(r'<li class="utrecht-unordered-list__item overdue">(.*?)</li>', page, re.S)
    assert overdue is not None
    assert "Huisbezoek plannen" in overdue.group(1)
    assert "Verslag delen" in page
    assert "Niet van mij" not in page
    assert AccessEvent.objects.filter(event_code="case.agreement_list", child_id=w.child.pk,
                                      user_id=w.nurse.user.pk).count() == 1


def test_unread_notifications(client: Client, w: WebWorld) -> None:
    notify(w.nurse.user, "Je bent betrokken bij C-1")
    read = notify(w.nurse.user, "Al gelezen")
    read.read_at = read.created_at
    read.save()
    sign_in(client, w.nurse.user)
    page = client.get(reverse("web:dashboard")).content.decode()
    assert "Je bent betrokken bij C-1" in page
    assert "Al gelezen" not in page


def test_core_team_sees_new_signals_of_its_school(client: Client, w: WebWorld) -> None:
    sign_in(client, w.core.user)
    page = client.get(reverse("web:dashboard")).content.decode()
    assert reverse("signals:detail", kwargs={"signal_id": w.signal.pk}) in page
    w.signal.status = SignalStatus.DISCUSSED
    w.signal.save()
    page = client.get(reverse("web:dashboard")).content.decode()
    assert reverse("signals:detail", kwargs={"signal_id": w.signal.pk}) not in page


def test_others_see_no_signal_section(client: Client, w: WebWorld) -> None:
    sign_in(client, w.teacher.user)
    page = client.get(reverse("web:dashboard")).content.decode()
    assert 'id="new-signals"' not in page
    assert reverse("signals:detail", kwargs={"signal_id": w.signal.pk}) not in page


def test_unknown_page_is_the_generic_404(client: Client, w: WebWorld) -> None:
    sign_in(client, w.nurse.user)
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert b"<h1" in response.content
