"""Reading EDEXML 2.1 (`children/edexml.py`): what is read, and every problem with its
element and line; unsafe XML is refused before anything in it is used."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from schakel.children.edexml import EDEXML_NAMESPACE, EdexmlInvalid, Problem, edexml_parse
from tests.children.edexml_files import edexml


def _parse(content: bytes, max_bytes: int = 10_000_000) -> object:
    return edexml_parse(content, max_bytes=max_bytes, max_pupils=2000)


def _problems(content: bytes, max_bytes: int = 10_000_000) -> list[Problem]:
    with pytest.raises(EdexmlInvalid) as refused:
        _parse(content, max_bytes)
    return refused.value.problems


def test_a_valid_file_gives_its_school_and_pupils_and_only_what_schakel_needs() -> None:
    parsed = edexml_parse(edexml("valid"), max_bytes=10_000_000, max_pupils=2000)
    assert (parsed.brin, parsed.dependance, parsed.school_year) == ("12AB", "", "2026-2027")
    assert (parsed.groups, parsed.teachers, parsed.author) == (2, 1, "ParnasSys")
    sem, elif_, daan = parsed.pupils
    assert (sem.key, sem.first_name, sem.last_name, sem.birth_date, sem.education_number,
            sem.class_name, sem.line) == (
        "1001", "Sem", "de Boer", "2017-03-04", "123456789", "groep 4", 21)
    # Without a roepnaam the first of the voornamen; without a group no class.
    assert (elif_.first_name, elif_.class_name) == ("Elif", "groep 4")
    assert (daan.first_name, daan.class_name) == ("Daan", "")
    # The BSN, gender and eckid are in the file; nothing of them is read.
    assert "111222333" not in repr(parsed)
    assert "ketenid" not in repr(parsed)


def test_a_file_without_namespace_is_read_the_same() -> None:
    content = edexml("valid").replace(f' xmlns="{EDEXML_NAMESPACE}"'.encode(), b"")
    assert [p.key for p in edexml_parse(content, max_bytes=10**7, max_pupils=2000).pupils] == [
        "1001", "1002", "1003"]


def test_malformed_xml_is_refused_with_its_line() -> None:
    [problem] = _problems(edexml("malformed"))
    assert problem.line == 35
    assert "not well-formed XML" in problem.message


def test_a_wrong_namespace_is_refused() -> None:
    [problem] = _problems(edexml("wrong_namespace"))
    assert (problem.path, problem.line) == ("/leerlinggegevens", 3)
    assert "http://www.example.org/leerlingen" in problem.message


def test_another_version_is_refused() -> None:
    [problem] = _problems(edexml("wrong_version"))
    assert (problem.path, problem.line) == ("/leerlinggegevens/school/xsdversie", 9)
    assert "1.0.3" in problem.message


def test_another_root_is_refused() -> None:
    [problem] = _problems(b"<leerlingen><leerling key='1'/></leerlingen>")
    assert "root element is leerlingen" in problem.message


def test_every_missing_or_repeated_element_is_reported_with_path_and_line() -> None:
    problems = _problems(edexml("missing_required"))
    assert [(p.path, p.line) for p in problems] == [
        ("/leerlinggegevens/school/brincode", 7),
        ("/leerlinggegevens/leerlingen/leerling[2]", 35),
        ("/leerlinggegevens/leerkrachten/leerkracht[1]/groepen/groep", 51),
    ]
    assert "occurs more than once" in problems[0].message
    assert "geboortedatum is missing" in problems[1].message
    assert "G9 is not in groepen" in problems[2].message


@pytest.mark.parametrize("name", ["xxe", "billion_laughs"])
def test_a_doctype_is_refused_and_no_entity_is_resolved(name: str) -> None:
    [problem] = _problems(edexml(name))
    assert problem.line == 2
    assert "DOCTYPE" in problem.message
    assert "root:" not in problem.message  # nothing of /etc/passwd


def test_an_external_entity_in_a_doctype_is_never_fetched(tmp_path: object) -> None:
    secret = f"{tmp_path}/secret.txt"
    with open(secret, "w") as handle:
        handle.write("GEHEIM")
    content = edexml("valid").replace(b"<!-- A hand-written", (
        f'<!DOCTYPE leerlinggegevens [<!ENTITY s SYSTEM "file://{secret}">]>'
        "<!-- A hand-written").encode()).replace(b"ParnasSys", b"&s;")
    problems = _problems(content)
    assert all("GEHEIM" not in p.message for p in problems)


def test_an_oversized_file_is_refused_before_it_is_parsed() -> None:
    [problem] = _problems(edexml("valid"), max_bytes=1000)
    assert (problem.path, problem.line) == ("/", None)
    assert "larger than" in problem.message


def test_too_many_pupils_are_refused() -> None:
    with pytest.raises(EdexmlInvalid) as refused:
        edexml_parse(edexml("valid"), max_bytes=10**7, max_pupils=2)
    assert "at most 2 pupils" in refused.value.problems[0].message


P = "leerlingen/"


@pytest.mark.parametrize(("old", "new", "path", "words"), [
    (b"<geboortedatum>2017-03-04", b"<geboortedatum>4-3-2017", P + "leerling[1]/geboortedatum",
     "not a date"),
    (b"<onderwijsnummer>123456789", b"<onderwijsnummer>12345", P + "leerling[1]/onderwijsnummer",
     "not valid"),
    (b'<leerling key="1002">', b'<leerling key="1001">', P + "leerling[2]",
     "occurs more than once"),
    (b'<leerling key="1002">', b"<leerling>", P + "leerling[2]", "key is missing"),
    (b"<brincode>12AB", b"<brincode>12-AB", "school/brincode", "not valid"),
    (b"<schooljaar>2026-2027", b"<schooljaar>2026-2028", "school/schooljaar",
     "consecutive"),
    (b"<achternaam>Boer", b"<achternaam>", P + "leerling[1]/achternaam", "empty"),
    (b'<groep key="G4"/>\n    </leerling>\n    <leerling key="1002">',
     b'<groep key="G7"/>\n    </leerling>\n    <leerling key="1002">', P + "leerling[1]/groep",
     "G7 is not in groepen"),
])
def test_each_bad_value_is_reported_at_its_element(old: bytes, new: bytes, path: str,
                                                   words: str) -> None:
    content = edexml("valid")
    assert old in content
    problems = _problems(content.replace(old, new, 1))
    assert [p.path for p in problems] == [f"/leerlinggegevens/{path}"]
    assert words in problems[0].message
    assert problems[0].line is not None


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_are_read_or_refused_never_an_error(content: bytes) -> None:
    problems: list[Problem] = []
    try:
        _parse(content)
    except EdexmlInvalid as refused:
        problems = refused.problems
    else:
        return
    assert problems
