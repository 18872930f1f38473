"""The search box (issue 12, item 4): children by name, date of birth or pupil number, only
those the user may see, tolerant of typing errors and Dutch particles; logged by kind, never
by text; a flat query count."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from schakel.audit.models import AccessEvent
from schakel.children.models import Child
from schakel.children.search_query import QueryKind, child_query_parse, name_words
from schakel.children.selectors import CHILD_SEARCH_LIMIT, children_search
from tests.conftest import World
from tests.factories import ChildFactory, EnrolmentFactory, actor_for
from tests.support import sign_in

SEARCH = reverse("children:search")


def _found(world: World, text: str, professional: object = None) -> list[Child]:
    actor = actor_for(professional or world.core_member)  # type: ignore[arg-type]
    result = children_search(actor=actor, query=child_query_parse(text))
    return [f.child for f in result.found]


# --- reading the query -----------------------------------------------------------------------


@pytest.mark.parametrize(("text", "words"), [
    ("Tina van 't Riet", ("tina", "riet")),
    ("riet, tina van t", ("riet", "tina")),
    ("Jan de Vries-van der Berg", ("jan", "vries", "berg")),
    ("  Émile  ", ("émile",)),
])
def test_name_words_drop_particles_initials_and_punctuation(text: str, words: tuple[str, ...],
                                                           ) -> None:
    assert name_words(text) == words


def test_the_kind_of_a_query() -> None:
    assert child_query_parse("05-03-2016").birth_date == dt.date(2016, 3, 5)
    assert child_query_parse("5/3/2016").birth_date == dt.date(2016, 3, 5)
    assert child_query_parse("G0000123").kind == QueryKind.PUPIL_NUMBER
    assert child_query_parse("100042").kind == QueryKind.PUPIL_NUMBER
    assert child_query_parse("Bas").kind == QueryKind.NAME


@pytest.mark.parametrize(("text", "code"), [
    ("", "short"), ("a", "short"), (" b ", "short"), ("x" * 101, "long"),
    ("31-02-2016", "date"), ("12-05", "date"), ("van der", "particles"), ("a b", "particles"),
])
def test_a_query_that_is_no_search_is_refused_with_its_reason(text: str, code: str) -> None:
    # Without the `db` fixture, any query would fail the test: refusing reads nothing.
    with pytest.raises(ValidationError) as error:
        child_query_parse(text)
    assert error.value.code == code


# --- what is found ---------------------------------------------------------------------------


def test_by_name_pupil_number_and_birth_date(world: World) -> None:
    assert _found(world, "Bas") == [world.child]
    assert _found(world, "jansen bas") == [world.child]
    enrolment = world.child.enrolments.get()
    assert _found(world, enrolment.pupil_number) == [world.child]
    assert _found(world, world.child.birth_date.strftime("%d-%m-%Y")) == [world.child]


@pytest.mark.parametrize("text", [
    "Tina van 't Riet", "Tina van t Riet", "tina riet", "Riet", "riet, tina van 't",
    "Tina v.t. Riet", "Tina van het Riet",
])
def test_dutch_particles_do_not_matter(world: World, text: str) -> None:
    tina = ChildFactory(first_name="Tina", last_name="van 't Riet")
    EnrolmentFactory(child=tina, school=world.school)
    assert tina in _found(world, text)


@pytest.mark.parametrize("text", [
    "Janssen", "Jansne", "Jasen", "Jensen", "Bass Jansen", "de jansen", "Jannsen", "jans",
])
def test_typing_errors_are_forgiven(world: World, text: str) -> None:
    assert world.child in _found(world, text)


def test_a_different_name_is_not_found(world: World) -> None:
    ChildFactory(first_name="Bas", last_name="Jansen")  # not at the school: invisible
    assert _found(world, "Pietersen") == []
    assert _found(world, "Karel") == []


def test_only_children_the_user_may_see(world: World) -> None:
    hidden = ChildFactory(first_name="Bas", last_name="Jansen")
    EnrolmentFactory(child=hidden, school=world.other_school)
    assert _found(world, "Bas Jansen") == [world.child]
    assert _found(world, "Bas Jansen", world.other_core_member) == [hidden]
    assert _found(world, "Bas Jansen", world.outsider) == []
    assert _found(world, "Bas Jansen", world.nurse) == [world.child]  # coordinator, consent


def test_at_most_the_limit_best_first(world: World) -> None:
    for _ in range(CHILD_SEARCH_LIMIT + 2):
        EnrolmentFactory(child=ChildFactory(first_name="Basje", last_name="Jansens"),
                         school=world.school)
    actor = actor_for(world.core_member)
    result = children_search(actor=actor, query=child_query_parse("Bas Jansen"))
    assert len(result.found) == CHILD_SEARCH_LIMIT
    assert result.more
    assert result.found[0].child == world.child  # the exact name first


# --- the access log --------------------------------------------------------------------------


def test_the_search_is_logged_by_kind_not_by_text(world: World) -> None:
    actor = actor_for(world.core_member)
    before = AccessEvent.objects.count()
    children_search(actor=actor, query=child_query_parse("Bas Jansen"))
    rows = list(AccessEvent.objects.order_by("pk")[before:])
    assert [(r.event_code, r.object_type, r.object_id, r.child_id) for r in rows] == [
        ("child.search_name", "children.search", "name", None),
        ("child.search", "children.child", str(world.child.pk), world.child.pk),
    ]
    assert all("Jansen" not in f"{r.object_id} {r.ground}" for r in rows)
    children_search(actor=actor, query=child_query_parse("01-01-2001"))  # nothing found
    assert AccessEvent.objects.order_by("-pk").values_list(
        "event_code", "object_id").first() == ("child.search_birth_date", "birth_date")


# --- the query count -------------------------------------------------------------------------


def _queries(world: World, text: str) -> int:
    actor = actor_for(world.core_member)
    with CaptureQueriesContext(connection) as captured:
        children_search(actor=actor, query=child_query_parse(text))
    return len(captured.captured_queries)


def _search_child(world: World, pupil_number: str) -> None:
    child = ChildFactory(last_name="Jansen", birth_date=dt.date(2016, 3, 5))
    EnrolmentFactory(child=child, school=world.school, with_class=True,
                     pupil_number=pupil_number)
    EnrolmentFactory(child=child, school=world.other_school)


@pytest.mark.parametrize("text", ["Jansen", "Z000001", "05-03-2016"])
def test_the_query_count_does_not_grow_with_the_data(
        world: World, text: str, django_assert_max_num_queries: object) -> None:
    _search_child(world, "Z000001")
    few = _queries(world, text)
    for index in range(30):
        _search_child(world, f"Z1{index:05d}")
    with django_assert_max_num_queries(few):  # type: ignore[operator]
        children_search(actor=actor_for(world.core_member), query=child_query_parse(text))


# --- the page --------------------------------------------------------------------------------


def test_the_box_is_in_the_navigation_and_the_page_lists_the_children(
        client: Client, world: World) -> None:
    sign_in(client, world.core_member.user)
    dashboard = client.get(reverse("web:dashboard")).content.decode()
    assert f'action="{SEARCH}"' in dashboard
    page = client.get(SEARCH, {"q": "jansn"}).content.decode()
    assert escape(world.child.full_name) in page
    assert reverse("children:detail", kwargs={"child_id": world.child.pk}) in page
    assert "Basisschool De Esch, groep 4" in page


def test_one_character_is_answered_with_a_message_and_no_search(
        client: Client, world: World) -> None:
    sign_in(client, world.core_member.user)
    before = AccessEvent.objects.count()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(SEARCH, {"q": "B"})
    assert response.status_code == 200
    assert "Type at least two characters to search." in response.content.decode()
    assert not any("children_child" in q["sql"] for q in captured.captured_queries)
    assert AccessEvent.objects.count() == before


def test_an_empty_page_searches_nothing(client: Client, world: World) -> None:
    sign_in(client, world.core_member.user)
    before = AccessEvent.objects.count()
    page = client.get(SEARCH).content.decode()
    assert "Type at least" not in page
    assert AccessEvent.objects.count() == before


def test_someone_who_may_see_no_child_finds_none(client: Client, world: World) -> None:
    sign_in(client, world.outsider.user)
    page = client.get(SEARCH, {"q": "bas jansn"}).content.decode()
    assert escape(world.child.full_name) not in page
    assert "No child that you may see matches this search." in page
