"""A child's overview page."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from schakel.access.actor import actor_from_request
from schakel.children.panels import CHILD_SECTIONS
from schakel.children.selectors import (
    child_get,
    siblings_shown,
)


@login_required
def child_detail(request: HttpRequest, child_id: int) -> HttpResponse:
    """The child, school history, guardians and siblings, and the sections other apps add
    (`CHILD_SECTIONS`: the visible signals, and the cases whose existence the actor may see)."""
    actor = actor_from_request(request)
    child, _decision = child_get(actor=actor, child_id=child_id)
    today = timezone.localdate()
    context = {
        "child": child,
        "age": child.age_on(today),
        "today": today,
        "enrolments": list(child.enrolments.all()),
        "guardianships": list(child.guardianships.all()),
        "siblings": siblings_shown(actor=actor, child=child),
        "sections": CHILD_SECTIONS.panels(actor, child),
    }
    return render(request, "children/detail.html", context)
