"""`|abbreviations`: known abbreviations in a user's text get `<abbr title>`, the text itself
stays exactly what was written (escaped), and a page does not query per abbreviation."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.cache import caches
from django.template import Context, Template
from django.test import Client
from django.urls import reverse
from django.utils import translation
from hypothesis import given, settings, strategies as st

import schakel
from schakel.glossary.models import Domain, Meaning, Term
from schakel.glossary.templatetags.glossary import abbreviations
from tests.factories import AgreementFactory, CaseFactory, ProfessionalFactory
from tests.support import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache() -> Iterator[None]:
    caches["local"].clear()
    yield
    caches["local"].clear()


def test_a_known_abbreviation_is_explained_with_its_meanings_per_domain() -> None:
    with translation.override("nl"):
        out = str(abbreviations("Het MDO met ouders is donderdag."))
    match = re.search(r'<abbr title="([^"]+)">MDO</abbr>', out)
    assert match is not None, out
    title = html.unescape(match.group(1))
    assert title.startswith("multidisciplinair overleg")
    assert "Onderwijs:" in title
    assert "Zorg en jeugdgezondheid:" in title


def test_only_whole_abbreviations_and_never_html_are_marked() -> None:
    out = str(abbreviations("OPPERVLAKTE, mdo, <b>IB</b> & de IB'er"))
    assert "OPPERVLAKTE" in out
    assert "<abbr" not in out.split("OPPERVLAKTE")[0]
    assert ">mdo<" not in out  # case-sensitive: "mdo" is not the abbreviation
    assert "&lt;b&gt;" in out  # the user's markup stays text
    assert out.count("<abbr") == 2  # IB twice: in <b>IB</b> and in IB'er
    assert "&amp;" in out


def test_plain_terms_are_not_marked() -> None:
    assert "<abbr" not in str(abbreviations("Een thuiszitter en een regiehouder."))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(
    st.sampled_from(["MDO", "IB", "POH-GGZ", "J&G", "<", "'", "&amp;", " ", "\n", "OTS's"]),
    st.text(max_size=8)), max_size=12).map("".join))
def test_nothing_the_user_wrote_is_lost_or_changed(text: str) -> None:
    out = str(abbreviations(text))
    assert html.unescape(re.sub(r"<abbr title=\"[^\"]*\">|</abbr>", "", out)) == text
    assert "<" not in re.sub(r"<abbr title=\"[^\"]*\">|</abbr>", "", out)


def test_a_page_with_many_texts_queries_the_glossary_once(django_assert_num_queries) -> None:
    template = Template("{% for t in texts %}<p>{{ t|abbreviations|linebreaksbr }}</p>{% endfor %}")
    texts = [f"Afspraak {n}: de JGZ en de IB'er bellen na het MDO." for n in range(50)]
    with django_assert_num_queries(2):  # terms and their meanings, once
        first = template.render(Context({"texts": texts}))
    with django_assert_num_queries(0):  # then from the cache
        second = template.render(Context({"texts": texts}))
    assert first == second
    assert first.count("<abbr") == 150


def test_a_new_abbreviation_shows_once_the_index_is_cleared() -> None:
    assert "<abbr" not in str(abbreviations("De XYZ komt."))
    term = Term.objects.create(name="XYZ", expansion="x-y-z-team")
    Meaning.objects.create(term=term, domain=Domain.GENERAL, text="Een team.")
    assert "<abbr" not in str(abbreviations("De XYZ komt."))  # cached
    caches["local"].clear()
    assert '<abbr title="x-y-z-team">XYZ</abbr>' in str(abbreviations("De XYZ komt."))


def test_every_template_that_shows_a_users_text_explains_abbreviations() -> None:
    """Each template that renders text with `linebreaks` (what users write at length) passes
    it through `|abbreviations` first."""
    missing = []
    for path in Path(schakel.__file__).parent.rglob("*.html"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for match in re.finditer(r"\|(linebreaksbr|linebreaks)\b", line):
                if not line[:match.start()].endswith("|abbreviations"):
                    missing.append(f"{path.name}:{number}")
    assert missing == []


def test_a_case_agreement_shows_the_abbreviation(client: Client) -> None:
    nurse = ProfessionalFactory(nurse=True)
    case = CaseFactory(coordinator=nurse, consented=True)
    AgreementFactory(case=case, owner=nurse, description="Aanmelden bij het SWV voor een TLV")
    sign_in(client, nurse.user)
    page = client.get(reverse("cases:detail", kwargs={"case_id": case.pk})).content.decode()
    assert '<abbr title="samenwerkingsverband passend onderwijs">SWV</abbr>' in page
    assert ">TLV</abbr>" in page
