"""The sociale kaart: schools, their route page, and each professional's visitekaartje.
This is no child data; every signed-in professional may read it."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from schakel.organisations.selectors import professional_card, school_route, schools
from schakel.teams.models import TeamLayer

LAYER_ORDER: dict[str, int] = {TeamLayer.CORE: 0, TeamLayer.BROAD: 1, TeamLayer.STEERING: 2}


@login_required
def school_list(request: HttpRequest) -> HttpResponse:
    return render(request, "organisations/schools.html", {"schools": schools()})


@login_required
def school_route_view(request: HttpRequest, school_id: int) -> HttpResponse:
    """The route page: who is the contact point, who is in the teams, how to escalate."""
    school = school_route(school_id=school_id)
    if school is None:
        raise Http404
    teams = sorted(school.teams.all(), key=lambda team: LAYER_ORDER.get(team.layer, 9))
    return render(request, "organisations/school_route.html", {"school": school, "teams": teams})


@login_required
def professional_view(request: HttpRequest, professional_id: int) -> HttpResponse:
    """The visitekaartje: what I do, what you may expect of me, how and when to reach me."""
    professional = professional_card(professional_id=professional_id)
    if professional is None:
        raise Http404
    return render(request, "organisations/professional.html", {"professional": professional})
