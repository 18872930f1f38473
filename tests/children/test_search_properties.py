"""The search never shows a child the user may not see: in random small worlds (those of the
policy's own property tests, with consents for all or drawn at random), every child a search
returns is one `policy.may_read_child` allows; and a child the user may see is found by its
name, by its name with a typing error, by its date of birth and by its pupil number."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from hypothesis import given, settings, strategies as st

from schakel.access import policy
from schakel.children.models import Child, Enrolment
from schakel.children.search_query import child_query_parse
from schakel.children.selectors import CHILD_SEARCH_LIMIT, children_search
from tests.access.test_policy_properties import build_world, rolled_back


def _doubled(text: str, position: int) -> str:
    """`text` with one of its letters typed twice."""
    letters = [i for i, c in enumerate(text) if c.isalpha()]
    index = letters[position % len(letters)]
    return text[:index + 1] + text[index:]


@settings(max_examples=25)
@given(data=st.data())
def test_a_search_returns_only_children_the_user_may_see(db, data):
    with rolled_back():
        world = build_world(data, consent_for_all=data.draw(st.booleans()))
        children = list(Child.objects.all())
        target = data.draw(st.sampled_from(children))
        enrolment = Enrolment.objects.filter(child=target).first()
        exact = [target.full_name, target.birth_date.strftime("%d-%m-%Y")]
        if enrolment is not None:
            exact.append(enrolment.pupil_number)
        texts = [*exact, _doubled(target.last_name, data.draw(st.integers(0, 20))),
                 data.draw(st.text(alphabet="abdeijklmnorstvz '-.0123", min_size=1,
                                   max_size=12))]
        for actor in world.actors:
            allowed = {c.pk for c in children if policy.may_read_child(actor, c)}
            for text in texts:
                try:
                    query = child_query_parse(text)
                except ValidationError:
                    continue  # no search: nothing is read
                result = children_search(actor=actor, query=query)
                found = {f.child.pk for f in result.found}
                assert found <= allowed, text
                if target.pk in allowed and text in exact and len(children) <= CHILD_SEARCH_LIMIT:
                    assert target.pk in found, text
