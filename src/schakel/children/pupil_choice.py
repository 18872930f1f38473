"""Choosing a pupil of a school in a form (the pupil search of *Signaal melden* and of
opening a case): the pages of several apps offer it, so it lives beside the selectors it uses.

The search field and its button belong to the page's own POST form. With htmx the results
are fetched in place (`signals:pupil_search`); without JavaScript the button posts the whole
form, and the view shows it again with everything filled in kept and the results below the
search field (`search_requested`, `input_kept`): searching never throws input away."""

from __future__ import annotations

from django.http import Http404, HttpRequest, QueryDict

from schakel.access.actor import Actor
from schakel.children.models import Enrolment
from schakel.children.selectors import pupil_at_school, pupils_search

# The name of the search button (`signals/partials/pupil_search.html`) and of the query field.
SEARCH_BUTTON = "pupil_search"
QUERY_FIELD = "q"
# Fields of the search itself, not of the form it sits in.
_SEARCH_FIELDS = frozenset({"csrfmiddlewaretoken", SEARCH_BUTTON, QUERY_FIELD, "child"})


def search_requested(request: HttpRequest) -> bool:
    """Whether the form was posted by its pupil search button rather than submitted."""
    return request.method == "POST" and SEARCH_BUTTON in request.POST


def pupil_query(request: HttpRequest) -> str:
    """The search text: from the posted form, or from a link (`?q=`)."""
    data: QueryDict = request.POST if request.method == "POST" else request.GET
    return data.get(QUERY_FIELD, "").strip()


def input_kept(request: HttpRequest) -> dict[str, str | list[str]]:
    """What was filled in before searching, as the initial values of the form shown again:
    not validated, so that fields still to be filled show no errors yet."""
    return {key: values if len(values) > 1 else values[0]
            for key, values in request.POST.lists() if key not in _SEARCH_FIELDS}


def chosen_pupil(actor: Actor, school_id: int, child_id: int | None) -> Enrolment | None:
    """Resolve a pupil id from a form at a school, or 404 when it is none of its pupils."""
    if child_id is None:
        return None
    enrolment = pupil_at_school(actor=actor, school_id=school_id, child_id=child_id)
    if enrolment is None:
        raise Http404
    return enrolment


def pupil_results(actor: Actor, school_id: int, query: str,
                  selected: Enrolment | None) -> list[Enrolment]:
    """The pupils to offer as choices: the search results, and the one chosen before."""
    results = pupils_search(actor=actor, school_id=school_id, query=query) if query else []
    if selected is not None and all(e.child_id != selected.child_id for e in results):
        results.insert(0, selected)
    return results
