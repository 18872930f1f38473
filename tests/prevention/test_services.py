"""Writing a school's preventiematrix: the top 12s, the offer per sector and level, the
ambition and the regie agreements. Every write is logged and says who changed the matrix;
every bad input is refused with its message and changes nothing; only the kernteam and the
municipality's policy officer write."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from hypothesis import given, settings, strategies as st

from schakel.audit.events import EventCode
from schakel.audit.models import AccessEvent, Action, Outcome
from schakel.prevention.models import (
    TOP_SIZE,
    PreventionMatrix,
    PreventionOffer,
    PyramidLevel,
    RankedItem,
    RankedKind,
    RegieAgreement,
    Sector,
)
from schakel.prevention.services import (
    prevention_ambition_update,
    prevention_offer_add,
    prevention_offer_remove,
    ranked_item_add,
    ranked_item_remove,
    ranked_item_update,
    regie_agreement_add,
    regie_agreement_remove,
)
from tests.prevention.helpers import People, make_people, prevention_rows

pytestmark = pytest.mark.django_db


def _changes() -> list[tuple[str, str, str]]:
    return list(AccessEvent.objects.filter(event_code=EventCode.PREVENTION_CHANGE)
                .order_by("pk").values_list("action", "outcome", "object_type"))


def test_the_four_steps_are_written_logged_and_signed(people: People) -> None:
    core, officer = people.actor(people.core), people.actor(people.officer)
    first = ranked_item_add(actor=core, school=people.school, kind=RankedKind.DESIRED,
                            text="  Leerlingen voelen zich veilig op school  ")
    assert (first.rank, first.text) == (1, "Leerlingen voelen zich veilig op school")
    second = ranked_item_add(actor=core, school=people.school, kind=RankedKind.DESIRED,
                             text="Ouders weten de weg naar opvoedsteun")
    assert second.rank == 2
    problem = ranked_item_add(actor=officer, school=people.school, kind=RankedKind.PROBLEM,
                              text="Middelengebruik in de onderbouw", rank=5)
    assert problem.rank == 5
    ranked_item_update(actor=officer, item=first, text="Een veilig schoolklimaat", rank=7)
    first.refresh_from_db()
    assert (first.rank, first.text, first.updated_by) == (7, "Een veilig schoolklimaat",
                                                          people.officer)
    offer = prevention_offer_add(
        actor=core, school=people.school, sector=Sector.INFORMAL, level=PyramidLevel.UNIVERSAL,
        name="Buddyproject", provider="Vrijwilligerscentrale", description="Maatjes.")
    matrix = prevention_ambition_update(
        actor=officer, school=people.school, what=" Minder middelengebruik ",
        how="Voorlichting in klas 2", who="Jongerenwerk en school")
    assert (matrix.ambition_what, matrix.ambition_who) == ("Minder middelengebruik",
                                                           "Jongerenwerk en school")
    regie = regie_agreement_add(actor=officer, school=people.school,
                                subject="Overzicht van het aanbod", holder="Gemeente",
                                agreement="Twee keer per jaar bijgewerkt.")
    matrix = PreventionMatrix.objects.get(school=people.school)
    assert matrix.updated_by == people.officer
    assert [i.rank for i in RankedItem.objects.filter(kind=RankedKind.DESIRED)] == [2, 7]
    ranked_item_remove(actor=core, item=second)
    prevention_offer_remove(actor=core, offer=offer)
    regie_agreement_remove(actor=core, agreement=regie)
    assert not PreventionOffer.objects.exists()
    assert not RegieAgreement.objects.exists()
    assert sorted(RankedItem.objects.values_list("rank", flat=True)) == [5, 7]
    assert PreventionMatrix.objects.get(school=people.school).updated_by == people.core
    assert _changes() == [
        (Action.CREATE, Outcome.SUCCESS, "prevention.rankeditem"),
        (Action.CREATE, Outcome.SUCCESS, "prevention.rankeditem"),
        (Action.CREATE, Outcome.SUCCESS, "prevention.rankeditem"),
        (Action.UPDATE, Outcome.SUCCESS, "prevention.rankeditem"),
        (Action.CREATE, Outcome.SUCCESS, "prevention.preventionoffer"),
        (Action.UPDATE, Outcome.SUCCESS, "prevention.preventionmatrix"),
        (Action.CREATE, Outcome.SUCCESS, "prevention.regieagreement"),
        (Action.DELETE, Outcome.SUCCESS, "prevention.rankeditem"),
        (Action.DELETE, Outcome.SUCCESS, "prevention.preventionoffer"),
        (Action.DELETE, Outcome.SUCCESS, "prevention.regieagreement"),
    ]
    grounds = set(AccessEvent.objects.filter(event_code=EventCode.PREVENTION_CHANGE)
                  .values_list("ground", flat=True))
    assert grounds == {"core_team", "policy_officer"}


def _full_top(p: People) -> None:
    for rank in range(1, TOP_SIZE + 1):
        ranked_item_add(actor=p.actor(p.core), school=p.school, kind=RankedKind.DESIRED,
                        text=f"Situatie {rank}", rank=rank)


def _nothing(p: People) -> None:
    return None


def _pesten(p: People) -> None:
    ranked_item_add(actor=p.actor(p.core), school=p.school, kind=RankedKind.PROBLEM,
                    text="Pesten", rank=3)


def _kies(p: People) -> None:
    prevention_offer_add(actor=p.actor(p.core), school=p.school, sector=Sector.EDUCATION,
                         level=PyramidLevel.SELECTIVE, name="KIES")


def _overview(p: People) -> None:
    regie_agreement_add(actor=p.actor(p.core), school=p.school, subject="Overzicht",
                        holder="Gemeente")


Step = Callable[[People], object]

# Each case: what is there before, the bad write, the field and the message it gets.
BAD_INPUT: dict[str, tuple[Step, Step, str, str]] = {
    "a 13th desired situation": (
        _full_top, lambda p: ranked_item_add(actor=p.actor(p.core), school=p.school,
                                             kind=RankedKind.DESIRED, text="Nog een"),
        "rank", "The top 12 of desired situations is full: remove or change one first."),
    "a 13th at a place of its own": (
        _full_top, lambda p: ranked_item_add(actor=p.actor(p.core), school=p.school,
                                             kind=RankedKind.DESIRED, text="Nog een", rank=4),
        "rank", "Place 4 of the desired situations is already taken by \u201cSituatie 4\u201d."),
    "a duplicate place": (
        _pesten, lambda p: ranked_item_add(actor=p.actor(p.core), school=p.school,
                                           kind=RankedKind.PROBLEM, text="Verzuim", rank=3),
        "rank", "Place 3 of the common problems is already taken by \u201cPesten\u201d."),
    "a place above 12": (
        _nothing, lambda p: ranked_item_add(actor=p.actor(p.core), school=p.school,
                                            kind=RankedKind.PROBLEM, text="Verzuim", rank=13),
        "rank", "Choose a place from 1 to 12."),
    "place 0": (
        _nothing, lambda p: ranked_item_add(actor=p.actor(p.core), school=p.school,
                                            kind=RankedKind.PROBLEM, text="Verzuim", rank=0),
        "rank", "Choose a place from 1 to 12."),
    "an empty situation": (
        _nothing, lambda p: ranked_item_add(actor=p.actor(p.core), school=p.school,
                                            kind=RankedKind.DESIRED, text="   "),
        "text", "Describe the situation or the problem."),
    "an unknown kind": (
        _nothing, lambda p: ranked_item_add(actor=p.actor(p.core), school=p.school,
                                            kind="wish", text="Iets"),
        "kind", "Choose a desired situation or a common problem."),
    "too long a situation": (
        _nothing, lambda p: ranked_item_add(actor=p.actor(p.core), school=p.school,
                                            kind=RankedKind.DESIRED, text="x" * 301),
        "text", "At most 300 characters."),
    "an unknown sector": (
        _nothing, lambda p: prevention_offer_add(
            actor=p.actor(p.core), school=p.school, sector="zorg",
            level=PyramidLevel.UNIVERSAL, name="Training"),
        "sector", "Choose the sector: education, municipal youth services or informal care."),
    "an unknown level": (
        _nothing, lambda p: prevention_offer_add(
            actor=p.actor(p.core), school=p.school, sector=Sector.EDUCATION, level="4",
            name="Training"),
        "level", "Choose the level of the prevention pyramid."),
    "an offer without a name": (
        _nothing, lambda p: prevention_offer_add(
            actor=p.actor(p.core), school=p.school, sector=Sector.EDUCATION,
            level=PyramidLevel.SELECTIVE, name=" "),
        "name", "Name the offer."),
    "the same offer twice in a cell": (
        _kies, lambda p: prevention_offer_add(
            actor=p.actor(p.core), school=p.school, sector=Sector.EDUCATION,
            level=PyramidLevel.SELECTIVE, name=" kies "),
        "name", "\u201ckies\u201d is already in this cell of the matrix."),
    "an ambition without what": (
        _nothing, lambda p: prevention_ambition_update(
            actor=p.actor(p.core), school=p.school, what=" ", how="Samen", who="Wij"),
        "what", "Say what the shared ambition is."),
    "regie without a subject": (
        _nothing, lambda p: regie_agreement_add(actor=p.actor(p.core), school=p.school,
                                                subject="", holder="Gemeente"),
        "subject", "Say what the regie is about."),
    "regie without a holder": (
        _nothing, lambda p: regie_agreement_add(actor=p.actor(p.core), school=p.school,
                                                subject="Overzicht", holder=" "),
        "holder", "Say who has the regie."),
    "regie over the same twice": (
        _overview, lambda p: regie_agreement_add(actor=p.actor(p.core), school=p.school,
                                                 subject="overzicht", holder="School"),
        "subject", "There is already an agreement on the regie over \u201coverzicht\u201d"),
}


@pytest.mark.parametrize("case", list(BAD_INPUT))
def test_bad_input_is_refused_with_its_message_and_changes_nothing(
        people: People, case: str) -> None:
    before_write, write, field, message = BAD_INPUT[case]
    before_write(people)
    rows, changes = prevention_rows(), _changes()
    with pytest.raises(ValidationError) as refused:
        write(people)
    assert message in " ".join(refused.value.message_dict[field])
    assert prevention_rows() == rows
    assert _changes() == changes


def test_moving_onto_a_taken_place_leaves_the_item_where_it_was(people: People) -> None:
    core = people.actor(people.core)
    _pesten(people)
    item = ranked_item_add(actor=core, school=people.school, kind=RankedKind.PROBLEM,
                           text="Verzuim", rank=4)
    rows, changes = prevention_rows(), _changes()
    with pytest.raises(ValidationError):
        ranked_item_update(actor=core, item=item, text="Verzuim en te laat", rank=3)
    assert prevention_rows() == rows
    assert _changes() == changes


@pytest.mark.parametrize("who", ["teacher", "steering", "other_officer", "other_core",
                                 "director"])
def test_anyone_else_gets_the_logged_404_and_changes_nothing(people: People, who: str) -> None:
    _pesten(people)
    item = RankedItem.objects.get()
    actor = people.actor(getattr(people, who))
    rows = prevention_rows()
    writes: list[Step] = [
        lambda p: ranked_item_add(actor=actor, school=p.school, kind=RankedKind.DESIRED,
                                  text="Iets"),
        lambda p: ranked_item_update(actor=actor, item=item, text="Iets", rank=1),
        lambda p: ranked_item_remove(actor=actor, item=item),
        lambda p: prevention_offer_add(actor=actor, school=p.school, sector=Sector.EDUCATION,
                                       level=PyramidLevel.UNIVERSAL, name="Training"),
        lambda p: prevention_ambition_update(actor=actor, school=p.school, what="Iets",
                                             how="", who=""),
        lambda p: regie_agreement_add(actor=actor, school=p.school, subject="Iets",
                                      holder="Wij"),
    ]
    for write in writes:
        with pytest.raises(Http404):
            write(people)
    assert prevention_rows() == rows
    denied = AccessEvent.objects.filter(event_code=EventCode.PREVENTION_CHANGE,
                                        outcome=Outcome.DENIED, user_id=actor.user.pk)
    assert denied.count() == len(writes)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.one_of(st.none(), st.integers(min_value=-1, max_value=TOP_SIZE + 2)),
                max_size=20))
def test_the_top_never_holds_more_than_12_nor_a_place_twice(ranks: list[int | None]) -> None:
    people = make_people()  # a school of its own for each example
    core = people.actor(people.core)
    here = RankedItem.objects.filter(matrix__school=people.school)
    for n, rank in enumerate(ranks):
        taken = set(here.values_list("rank", flat=True))
        expect_ok = (len(taken) < TOP_SIZE) if rank is None else (
            1 <= rank <= TOP_SIZE and rank not in taken)
        try:
            item = ranked_item_add(actor=core, school=people.school, kind=RankedKind.DESIRED,
                                   text=f"Situatie {n}", rank=rank)
        except ValidationError:
            assert not expect_ok
            assert set(here.values_list("rank", flat=True)) == taken
        else:
            assert expect_ok
            assert item.rank == (rank if rank is not None else min(
                set(range(1, TOP_SIZE + 1)) - taken))
    places = list(here.values_list("rank", flat=True))
    assert len(places) == len(set(places)) <= TOP_SIZE
    assert all(1 <= place <= TOP_SIZE for place in places)
