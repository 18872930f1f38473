"""A child's overview page."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from schakel.access.actor import Actor, actor_from_request
from schakel.cases.selectors import case_existence_for_child, case_ids_readable
from schakel.children.models import Enrolment
from schakel.children.selectors import (
    child_get,
    pupil_at_school,
    pupils_search,
    siblings_shown,
)
from schakel.organisations.models import School
from schakel.signals.selectors import signals_for_child


@login_required
def child_detail(request: HttpRequest, child_id: int) -> HttpResponse:
    """The child, school history, guardians, siblings, visible signals, and the cases whose
    existence the actor may see — with a link only to those whose content they may read."""
    actor = actor_from_request(request)
    child, _decision = child_get(actor=actor, child_id=child_id)
    cases = list(case_existence_for_child(actor=actor, child_id=child.pk))
    readable = case_ids_readable(actor=actor, case_ids=[case.pk for case in cases])
    today = timezone.localdate()
    context = {
        "child": child,
        "age": child.age_on(today),
        "today": today,
        "enrolments": list(child.enrolments.all()),
        "guardianships": list(child.guardianships.all()),
        "siblings": siblings_shown(actor=actor, child=child),
        "signals": signals_for_child(actor=actor, child_id=child.pk),
        "cases": [(case, case.pk in readable) for case in cases],
    }
    return render(request, "children/detail.html", context)


def chosen_pupil(actor: Actor, school: School, child_id: int | None) -> Enrolment | None:
    """Resolve a pupil id from a form at a school, or 404 when it is none of its pupils."""
    if child_id is None:
        return None
    enrolment = pupil_at_school(actor=actor, school_id=school.pk, child_id=child_id)
    if enrolment is None:
        raise Http404
    return enrolment


def pupil_results(actor: Actor, school: School, query: str,
                  selected: Enrolment | None) -> list[Enrolment]:
    """The pupils to offer as choices: the search results, and the one chosen before."""
    results = pupils_search(actor=actor, school_id=school.pk, query=query) if query else []
    if selected is not None and all(e.child_id != selected.child_id for e in results):
        results.insert(0, selected)
    return results
