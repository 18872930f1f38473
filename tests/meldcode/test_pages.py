"""The pages of the route through the web: starting on the case page, the five steps as
forms (the afwegingskader as five yes/no questions), refusals shown beside their field."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from schakel.consent.models import LegalGround
from schakel.meldcode.models import MeldcodeRoute
from tests.meldcode.conftest import MeldcodeWorld, days_ago
from tests.support import sign_in

pytestmark = pytest.mark.django_db


def _post(client: Client, route: MeldcodeRoute, step: int, data: dict[str, object]) -> str:
    response = client.post(
        reverse("meldcode:step", kwargs={"route_id": route.pk, "step": step}), data)
    return response["Location"] if response.status_code == 302 else response.content.decode()


def _day(step: int) -> str:
    return days_ago(10 - step).isoformat()


def test_a_route_walked_through_the_pages(mc: MeldcodeWorld) -> None:
    client = sign_in(Client(), mc.runner.user)
    response = client.post(reverse("meldcode:start", kwargs={"case_id": mc.world.case.pk}),
                           {"signal": ""})
    route = MeldcodeRoute.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(
        f"/meldcode/{route.pk}/#step-1")
    page = client.get(reverse("meldcode:detail", kwargs={"route_id": route.pk})).content.decode()
    assert "Step 1: Map the signals" in page
    assert "Not yet: the steps before it come first." in page
    for step in (1, 2, 3):
        assert _post(client, route, step, {"performed_on": _day(step),
                                           "findings": f"Stap {step}"}).endswith(
            f"#step-{step + 1}")
    page = client.get(reverse("meldcode:detail", kwargs={"route_id": route.pk})).content.decode()
    assert "Do I have a suspicion of domestic violence or child abuse?" in page
    answers = {"suspicion": "yes", "unsafety": "yes", "can_help": "yes",
               "help_accepted": "no", "help_suffices": "no"}
    _post(client, route, 4, {"performed_on": _day(4), "findings": "Gewogen", **answers})
    refused = _post(client, route, 5, {"performed_on": _day(5), "findings": "Hulp",
                                       "help_organised": "on"})
    assert "the decision must include a report to Veilig Thuis" in refused
    assert _post(client, route, 5, {
        "performed_on": _day(5), "findings": "Hulp en melding", "help_organised": "on",
        "reported": "on", "veilig_thuis": str(mc.veilig_thuis.pk),
        "categories": ["care", "contact"]}) == reverse(
        "meldcode:detail", kwargs={"route_id": route.pk})
    route.refresh_from_db()
    assert route.is_finished
    assert sorted(LegalGround.objects.values_list("category", flat=True)) == ["care", "contact"]
    page = client.get(reverse("meldcode:detail", kwargs={"route_id": route.pk})).content.decode()
    assert "Reported to Veilig Thuis Twente." in page
    assert "This route is finished." in page


def test_an_unanswered_question_is_shown_beside_it(mc: MeldcodeWorld) -> None:
    route = mc.start()
    client = sign_in(Client(), mc.runner.user)
    for step in (1, 2, 3):
        _post(client, route, step, {"performed_on": _day(step), "findings": "x"})
    page = _post(client, route, 4, {"performed_on": _day(4), "findings": "Gewogen",
                                    "suspicion": "yes"})
    assert "This field is required." in page
    assert route.steps.count() == 3


def test_a_step_out_of_order_is_refused_on_the_page(mc: MeldcodeWorld) -> None:
    route = mc.start()
    client = sign_in(Client(), mc.runner.user)
    page = _post(client, route, 3, {"performed_on": _day(3), "findings": "Te vroeg"})
    assert "Step 3 cannot be recorded yet: first record step 1" in page
    assert 'action="' + reverse("meldcode:step", kwargs={"route_id": route.pk, "step": 1}) in page
    assert not route.steps.exists()


def test_a_step_that_does_not_exist_is_404(mc: MeldcodeWorld) -> None:
    route = mc.start()
    client = sign_in(Client(), mc.runner.user)
    response = client.post(reverse("meldcode:step", kwargs={"route_id": route.pk, "step": 6}),
                           {"performed_on": _day(1), "findings": "x"})
    assert response.status_code == 404


def test_the_start_page_names_the_case(mc: MeldcodeWorld) -> None:
    client = sign_in(Client(), mc.runner.user)
    page = client.get(reverse("meldcode:start", kwargs={"case_id": mc.world.case.pk}))
    assert page.status_code == 200
    assert mc.world.case.title in page.content.decode()
