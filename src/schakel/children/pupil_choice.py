"""Choosing a pupil of a school in a form (the pupil search of *Signaal melden* and of
opening a case): the pages of several apps offer it, so it lives beside the selectors it uses."""

from __future__ import annotations

from django.http import Http404

from schakel.access.actor import Actor
from schakel.children.models import Enrolment
from schakel.children.selectors import pupil_at_school, pupils_search
from schakel.organisations.models import School


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
