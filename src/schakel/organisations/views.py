"""The sociale kaart: schools, their route page, and each professional's visitekaartje.
This is no child data; every signed-in professional may read it."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from schakel.organisations.route_chart import route_chart, route_steps
from schakel.organisations.selectors import professional_card, school_route, schools


@login_required
def school_list(request: HttpRequest) -> HttpResponse:
    return render(request, "organisations/schools.html", {"schools": schools()})


@login_required
def school_route_view(request: HttpRequest, school_id: int) -> HttpResponse:
    """The route page: the contact point, the team's layers, the partners and how to
    escalate, as text, as a flow chart and on paper (the print stylesheet)."""
    today = timezone.localdate()
    route = school_route(school_id=school_id, day=today)
    if route is None:
        raise Http404
    steps = route_steps(route)
    return render(request, "organisations/school_route.html", {
        "route": route, "school": route.school, "steps": steps, "chart": route_chart(steps),
        "today": today, "page_url": request.build_absolute_uri(),
    })


@login_required
def professional_view(request: HttpRequest, professional_id: int) -> HttpResponse:
    """The visitekaartje: what I do, what you may expect of me, how and when to reach me."""
    professional = professional_card(professional_id=professional_id)
    if professional is None:
        raise Http404
    return render(request, "organisations/professional.html", {"professional": professional})
