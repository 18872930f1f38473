"""Who sees a Meldcode route: the runner, the aandachtsfunctionaris of the runner's
organisation or of the child's school, the privacy officer of the runner's organisation.
Nobody else involved in the case (not even that it exists), never the family in the portal;
every read logged."""

from __future__ import annotations

import pytest
from django.http import Http404
from django.test import Client
from django.urls import reverse

from schakel.access import policy
from schakel.audit.events import EventCode
from schakel.audit.models import AccessEvent, Outcome
from schakel.meldcode.models import MeldcodeRoute
from schakel.meldcode.selectors import (
    case_meldcode_routes,
    meldcode_route_get,
    meldcode_routes_for,
)
from schakel.organisations.models import Professional
from schakel.portal.selectors.access_log import portal_access_log_page
from tests.factories import OrganisationFactory, ProfessionalFactory, UserFactory, actor_for
from tests.meldcode.conftest import MeldcodeWorld, record
from tests.portal.fixtures import portal_actor, portal_sign_in
from tests.support import sign_in

pytestmark = pytest.mark.django_db

SECRET = "Blauwe plekken op de bovenarm"


def _route(mc: MeldcodeWorld) -> MeldcodeRoute:
    route = mc.start()
    record(mc, route, 1, findings=SECRET)
    return route


def _readers(mc: MeldcodeWorld) -> dict[str, Professional]:
    return {"runner": mc.runner, "officer": mc.officer, "privacy": mc.privacy}


def _others(mc: MeldcodeWorld) -> dict[str, Professional]:
    w = mc.world
    return {
        "coordinator": w.nurse,  # involved in the case, reads all of it
        "teacher": w.teacher, "outsider": w.outsider, "other_core": w.other_core_member,
        "log_admin_elsewhere": w.log_admin,  # the privacy officer of another organisation
        "officer_elsewhere": ProfessionalFactory(
            is_meldcode_officer=True, organisation=OrganisationFactory(care=True)),
    }


def test_the_policy_and_its_filter_agree(mc: MeldcodeWorld) -> None:
    route = _route(mc)
    for name, professional in {**_readers(mc), **_others(mc)}.items():
        actor = actor_for(professional)
        allowed = bool(policy.may_read_meldcode_route(actor, route))
        listed = MeldcodeRoute.objects.filter(policy.meldcode_routes_visible_q(actor)).exists()
        assert allowed == listed == (name in _readers(mc)), name


def test_the_officer_of_the_runner_s_organisation_reads_it(mc: MeldcodeWorld) -> None:
    """A youth nurse runs it: the GGD's aandachtsfunctionaris reads it, and the school's
    (the child's school) too."""
    nurse = mc.world.nurse
    route = MeldcodeRoute.objects.create(case=mc.world.case, runner=nurse,
                                         started_at=mc.world.case.opened_at)
    ggd_officer = ProfessionalFactory(is_meldcode_officer=True, organisation=nurse.organisation)
    for officer in (ggd_officer, mc.officer):
        assert policy.may_read_meldcode_route(actor_for(officer), route).ground == (
            policy.Ground.MELDCODE_OFFICER)
    # The school's privacy officer is not the GGD's.
    assert not policy.may_read_meldcode_route(actor_for(mc.privacy), route)


def test_the_route_page_for_those_who_read_it(mc: MeldcodeWorld, client: Client) -> None:
    route = _route(mc)
    url = reverse("meldcode:detail", kwargs={"route_id": route.pk})
    for name, professional in _readers(mc).items():
        response = sign_in(Client(), professional.user).get(url)
        assert response.status_code == 200, name
        assert SECRET in response.content.decode()
        form_shown = 'action="' + reverse(
            "meldcode:step", kwargs={"route_id": route.pk, "step": 2}) in response.content.decode()
        assert form_shown == (name == "runner")
        assert AccessEvent.objects.filter(
            event_code=EventCode.MELDCODE_READ, user_id=professional.user_id,
            child_id=mc.world.child.pk, outcome=Outcome.SUCCESS).exists()


def test_everyone_else_gets_404_and_a_logged_refusal(mc: MeldcodeWorld) -> None:
    route = _route(mc)
    url = reverse("meldcode:detail", kwargs={"route_id": route.pk})
    for name, professional in _others(mc).items():
        response = sign_in(Client(), professional.user).get(url)
        assert response.status_code == 404, name
        with pytest.raises(Http404):
            meldcode_route_get(actor=actor_for(professional), route_id=route.pk)
        assert AccessEvent.objects.filter(
            event_code=EventCode.MELDCODE_READ, user_id=professional.user_id,
            outcome=Outcome.DENIED).exists(), name


def test_the_case_page_shows_others_nothing_of_the_route(mc: MeldcodeWorld) -> None:
    route = _route(mc)
    case_url = reverse("cases:detail", kwargs={"case_id": mc.world.case.pk})
    route_url = reverse("meldcode:detail", kwargs={"route_id": route.pk})
    runner_page = sign_in(Client(), mc.runner.user).get(case_url).content.decode()
    assert route_url in runner_page
    nurse_page = sign_in(Client(), mc.world.nurse.user).get(case_url)
    assert nurse_page.status_code == 200
    content = nurse_page.content.decode()
    assert route_url not in content
    assert "Started on" not in content
    # She may start a route of her own, though.
    assert reverse("meldcode:start", kwargs={"case_id": mc.world.case.pk}) in content
    assert case_meldcode_routes(actor=actor_for(mc.world.nurse), case=mc.world.case) == []


def test_the_list_shows_one_s_own_and_the_officer_s(mc: MeldcodeWorld) -> None:
    route = _route(mc)
    assert meldcode_routes_for(actor=actor_for(mc.officer)) == [route]
    assert meldcode_routes_for(actor=actor_for(mc.world.nurse)) == []
    response = sign_in(Client(), mc.runner.user).get(reverse("meldcode:list"))
    assert mc.world.child.full_name in response.content.decode()
    assert AccessEvent.objects.filter(event_code=EventCode.MELDCODE_LIST,
                                      user_id=mc.runner.user_id,
                                      child_id=mc.world.child.pk).exists()


def test_the_family_sees_nothing_in_the_portal(mc: MeldcodeWorld) -> None:
    route = _route(mc)
    guardian = mc.world.guardian
    guardian.user = UserFactory(username="moeder-meldcode")
    guardian.save(update_fields=["user"])
    mother = portal_sign_in(Client(), guardian.user)
    assert mother.get(reverse("meldcode:detail", kwargs={"route_id": route.pk})
                      ).status_code == 404
    assert mother.get(reverse("meldcode:list")).status_code == 404
    actor = portal_actor(guardian.user)
    assert not policy.may_read_meldcode_route(actor, route)
    assert not MeldcodeRoute.objects.filter(policy.meldcode_routes_visible_q(actor)).exists()
    home = mother.get(reverse("portal:home"))
    case_page = mother.get(reverse("portal:case", kwargs={"case_id": mc.world.case.pk}))
    assert (home.status_code, case_page.status_code) == (200, 200)
    for response in (home, case_page):
        content = response.content.decode()
        assert SECRET not in content
        assert "Meldcode" not in content


def _family_log_rows(mc: MeldcodeWorld) -> int:
    """How many access-log rows the mother's portal log counts for the child."""
    guardian = mc.world.guardian
    if guardian.user is None:
        guardian.user = UserFactory(username="moeder-log")
        guardian.save(update_fields=["user"])
    _child, page = portal_access_log_page(actor=portal_actor(guardian.user),
                                          child_id=mc.world.child.pk, page_number=1)
    return sum(line.count for line in page.object_list)


def test_the_family_log_leaves_out_a_running_route_and_shows_a_finished_one(
        mc: MeldcodeWorld) -> None:
    before = _family_log_rows(mc)
    route = _route(mc)
    route_rows = AccessEvent.objects.filter(object_type="meldcode.meldcoderoute",
                                            object_id=str(route.pk))
    assert route_rows.count() == 2  # started, step 1
    # The mother's own read of her log is a row too, one per reading.
    assert _family_log_rows(mc) == before + 1
    walk_to_end = [record(mc, route, step) for step in range(2, 6)]
    assert len(walk_to_end) == 4
    assert _family_log_rows(mc) == before + 2 + route_rows.count()
