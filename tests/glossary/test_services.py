"""Keeping the glossary: the functional administrator only, with clear messages for bad
input, which changes nothing."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from schakel.access.actor import Actor
from schakel.audit.events import EventCode
from schakel.audit.models import AccessEvent, Outcome
from schakel.glossary.models import Domain, Term
from schakel.glossary.selectors import glossary_term_get, glossary_terms
from schakel.glossary.services import (
    glossary_term_create,
    glossary_term_delete,
    glossary_term_update,
)
from tests.factories import ProfessionalFactory, actor_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin() -> Actor:
    return actor_for(ProfessionalFactory(functional_administrator=True))


@pytest.fixture
def nurse() -> Actor:
    return actor_for(ProfessionalFactory(nurse=True))


def test_the_shipped_glossary_has_the_terms_of_school_and_care() -> None:
    names = set(Term.objects.values_list("name", flat=True))
    assert len(names) >= 60
    assert {"MDO", "OPP", "SOT", "GI", "OTS", "JGZ", "POH-GGZ", "IB", "zorgcoördinator",
            "thuiszitter"} <= names
    mdo = Term.objects.get(name="MDO")
    assert {m.domain for m in mdo.meanings.all()} == {Domain.EDUCATION, Domain.CARE}


def test_the_administrator_adds_changes_and_removes_a_term(admin: Actor) -> None:
    term = glossary_term_create(actor=admin, name=" OT ", expansion="ondersteuningsteam",
                                meanings={"education": "Het team.", "care": " "})
    assert term.name == "OT"
    assert [m.domain for m in term.meanings.all()] == [Domain.EDUCATION]
    glossary_term_update(actor=admin, term=term, name="OT", expansion="ondersteuningsteam",
                         is_abbreviation=False, meanings={"general": "Een team."})
    term.refresh_from_db()
    assert not term.is_abbreviation
    assert [(m.domain, m.text) for m in term.meanings.all()] == [(Domain.GENERAL, "Een team.")]
    glossary_term_delete(actor=admin, term=term)
    assert not Term.objects.filter(name="OT").exists()
    codes = AccessEvent.objects.filter(event_code=EventCode.GLOSSARY_CHANGE,
                                       outcome=Outcome.SUCCESS).values_list("action", flat=True)
    assert sorted(codes) == ["C", "D", "U"]


@pytest.mark.parametrize(("name", "meanings", "field", "message"), [
    ("", {"general": "x"}, "name", "Give the term or abbreviation."),
    ("mdo", {"general": "x"}, "name", "“mdo” is already in the glossary."),
    ("NIEUW", {"general": "  "}, "meaning_general", "Give the meaning in at least one domain."),
])
def test_bad_input_is_refused_with_a_message_and_changes_nothing(
    admin: Actor, name: str, meanings: dict[str, str], field: str, message: str,
) -> None:
    before = Term.objects.count()
    with pytest.raises(ValidationError) as refused:
        glossary_term_create(actor=admin, name=name, meanings=meanings)
    assert refused.value.message_dict[field] == [message]
    assert Term.objects.count() == before


def test_renaming_onto_another_term_is_refused(admin: Actor) -> None:
    term = Term.objects.get(name="OPP")
    with pytest.raises(ValidationError):
        glossary_term_update(actor=admin, term=term, name="MDO", meanings={"general": "x"})
    term.refresh_from_db()
    assert term.name == "OPP"


def test_others_are_refused_logged_and_change_nothing(nurse: Actor) -> None:
    term = Term.objects.get(name="MDO")
    with pytest.raises(Http404):
        glossary_term_create(actor=nurse, name="NIEUW", meanings={"general": "x"})
    with pytest.raises(Http404):
        glossary_term_update(actor=nurse, term=term, name="MDO", meanings={"general": "x"})
    with pytest.raises(Http404):
        glossary_term_delete(actor=nurse, term=term)
    with pytest.raises(Http404):
        glossary_term_get(actor=nurse, term_id=term.pk)
    assert not Term.objects.filter(name="NIEUW").exists()
    assert Term.objects.get(pk=term.pk).meanings.count() == 2
    assert AccessEvent.objects.filter(event_code=EventCode.GLOSSARY_CHANGE,
                                      outcome=Outcome.DENIED).count() == 4


def test_search_finds_terms_by_name_expansion_or_meaning_and_by_domain() -> None:
    assert [row.term.name for row in glossary_terms(query="ontwikkelingsperspectief")] == ["OPP"]
    assert "OTS" in [row.term.name for row in glossary_terms(query="kinderrechter")]
    assert {row.term.name for row in glossary_terms(domain=Domain.PROTECTION)} >= {"GI", "OTS"}
    assert "MDO" not in {row.term.name for row in glossary_terms(domain=Domain.PROTECTION)}
    mdo = next(row for row in glossary_terms(query="MDO") if row.term.name == "MDO")
    assert [m.domain for m in mdo.meanings] == [Domain.EDUCATION, Domain.CARE]
