"""Reads of the shared language. No child's data: every signed-in user may read it."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field

from django.core.cache import caches
from django.db.models import Prefetch, Q
from django.http import Http404
from django.utils.html import escape
from django.utils.translation import get_language

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.writer import Subject
from schakel.glossary.models import Domain, Meaning, Term

DOMAIN_ORDER: dict[str, int] = {domain.value: index for index, domain in enumerate(Domain)}
# The abbreviations of every page come from one cached index in each process's own memory
# (the "local" cache: read on every page, so not a round trip to a shared cache); a change
# clears it (on commit) in this process, the other processes see it within this many seconds.
ABBREVIATIONS_CACHE_SECONDS = 300


def abbreviations_cache_key(language: str | None = None) -> str:
    return f"glossary:abbreviations:{language or get_language() or 'nl'}"


def _meanings_in_order() -> Prefetch[str]:
    return Prefetch("meanings", queryset=Meaning.objects.order_by("domain"))


def _ordered(meanings: list[Meaning]) -> list[Meaning]:
    return sorted(meanings, key=lambda meaning: DOMAIN_ORDER.get(meaning.domain, 99))


@dataclass(frozen=True)
class TermRow:
    term: Term
    meanings: list[Meaning]


def glossary_terms(*, query: str = "", domain: str = "") -> list[TermRow]:
    """The glossary, optionally searched (term, written-out form or meaning) and narrowed to
    the terms with a meaning in one domain."""
    terms = Term.objects.prefetch_related(_meanings_in_order())
    query = query.strip()
    if query:
        terms = terms.filter(
            Q(name__icontains=query) | Q(expansion__icontains=query)
            | Q(meanings__text__icontains=query)).distinct()
    if domain in DOMAIN_ORDER:
        terms = terms.filter(meanings__domain=domain).distinct()
    return [TermRow(term, _ordered(list(term.meanings.all()))) for term in terms]


def glossary_term_get(*, actor: Actor, term_id: int) -> Term:
    """A term to change: the functional administrator only (others get the same 404 as for a
    term that does not exist)."""
    term = Term.objects.prefetch_related(_meanings_in_order()).filter(pk=term_id).first()
    decision = policy.may_edit_glossary(actor) if term is not None else policy.DENY
    enforce(actor, decision, event_code=EventCode.GLOSSARY_CHANGE, action=Action.UPDATE,
            subject=Subject("glossary.term", str(term_id), None))
    if term is None:  # refused (and logged) by `enforce` already
        raise Http404
    return term


NEW_TERM = Subject("glossary.term", "", None)


def glossary_editor_check(*, actor: Actor) -> None:
    """Only a functional administrator opens the form for a new term (others: 404)."""
    enforce(actor, policy.may_edit_glossary(actor), event_code=EventCode.GLOSSARY_CHANGE,
            action=Action.CREATE, subject=NEW_TERM)


@dataclass
class AbbreviationIndex:
    """Known abbreviations (HTML-escaped, as they appear in escaped text) and their titles."""

    titles: dict[str, str]
    token: str = field(default_factory=lambda: uuid.uuid4().hex)

    def pattern(self) -> re.Pattern[str] | None:
        return _compiled(self)


_PATTERNS: dict[str, re.Pattern[str] | None] = {}


def _compiled(index: AbbreviationIndex) -> re.Pattern[str] | None:
    if index.token not in _PATTERNS:
        if len(_PATTERNS) > 16:
            _PATTERNS.clear()
        names = sorted(index.titles, key=len, reverse=True)
        _PATTERNS[index.token] = re.compile(
            # Not inside a word, nor inside an HTML entity of the escaped text (&amp; &#x27;).
            r"(?<![\w&#-])(" + "|".join(re.escape(name) for name in names) + r")(?![\w-])"
        ) if names else None
    return _PATTERNS[index.token]


def _title(term: Term, meanings: list[Meaning]) -> str:
    parts = [term.expansion] if term.expansion else []
    if len(meanings) == 1 and not parts:
        parts.append(meanings[0].text)
    elif len(meanings) > 1:
        parts.extend(f"{meaning.get_domain_display()}: {meaning.text}" for meaning in meanings)
    return " · ".join(parts)


def abbreviation_index() -> AbbreviationIndex:
    """Every abbreviation with its title, from the cache (one query when it is empty)."""
    key = abbreviations_cache_key()
    index = caches["local"].get(key)
    if not isinstance(index, AbbreviationIndex):
        terms = Term.objects.filter(is_abbreviation=True).prefetch_related(_meanings_in_order())
        index = AbbreviationIndex({
            escape(term.name): _title(term, _ordered(list(term.meanings.all())))
            for term in terms})
        caches["local"].set(key, index, ABBREVIATIONS_CACHE_SECONDS)
    return index
