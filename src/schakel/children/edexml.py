"""Reading an EDEXML 2.1 file (Edustandaard, February 2017): the export of a school's pupils,
groups and teachers by the Dutch PO/VO administration systems (docs/edexml.md).

Root `leerlinggegevens` with `school` (schooljaar, brincode, dependancecode, aanmaakdatum,
auteur, xsdversie), `groepen`, `leerlingen` and `leerkrachten`. Schakel reads only what it
needs, as the UWLR profiles' *smalle set* asks: per pupil the key (the pupil number),
names, date of birth, onderwijsnummer and stamgroep. BSN, gender, eckid and the teachers'
names are not kept; teachers are only checked for references to groups that exist.

The parser is safe for a file from outside: no DTD is loaded, no entity resolved, nothing
fetched from the network, and a file with a DOCTYPE is refused (XXE, entity expansion).
Every problem names the element's path and line; a file with any problem is refused as a
whole, so that nothing of it is stored.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from lxml import etree

# The namespace of EDEXML 2.x; files without a namespace are read the same way.
EDEXML_NAMESPACE = "http://www.edustandaard.nl/edexml/2.1"
EDEXML_VERSION = "2.1"
_ROOT = "leerlinggegevens"
_SCHOOL_YEAR = re.compile(r"^([0-9]{4})-([0-9]{4})$")
_BRIN = re.compile(r"^[0-9]{2}[A-Z0-9]{2}$")
_DEPENDANCE = re.compile(r"^[0-9]{2}$")
_EDUCATION_NUMBER = re.compile(r"^[0-9]{9}$")
_KEY_MAX = 20
_NAME_MAX = 100


@dataclass(frozen=True)
class Problem:
    path: str
    line: int | None
    message: str


class EdexmlInvalid(Exception):
    """The file is refused; `problems` says where and why, in the order found."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(f"{p.path}: {p.message}" for p in problems))
        self.problems = problems


@dataclass(frozen=True)
class EdexmlPupil:
    """One pupil as the file has it (text, checked for form here; the pupil synchronisation
    checks the rest)."""

    line: int
    key: str
    first_name: str
    last_name: str
    birth_date: str
    education_number: str
    class_name: str


@dataclass(frozen=True)
class EdexmlFile:
    school_year: str
    brin: str
    dependance: str
    brin_line: int
    author: str
    created: str
    pupils: list[EdexmlPupil]
    groups: int
    teachers: int


def _line(element: etree._Element | None) -> int | None:
    # lxml-stubs types `sourceline` loosely.
    line: int | None = getattr(element, "sourceline", None)
    return line


@dataclass
class _Reader:
    namespace: str | None
    problems: list[Problem] = field(default_factory=list)

    def name(self, local: str) -> str:
        return f"{{{self.namespace}}}{local}" if self.namespace else local

    def problem(self, path: str, element: etree._Element | None, message: str) -> None:
        self.problems.append(Problem(path, _line(element), message))

    def children(self, parent: etree._Element, local: str) -> list[etree._Element]:
        return list(parent.iterchildren(self.name(local)))

    def first(self, parent: etree._Element, local: str) -> etree._Element | None:
        found = self.children(parent, local)
        return found[0] if found else None

    def child(self, parent: etree._Element, local: str, path: str, *,
              required: bool) -> etree._Element | None:
        found = self.children(parent, local)
        if not found:
            if required:
                self.problem(path, parent, _("The required element %(name)s is missing.")
                             % {"name": local})
            return None
        if len(found) > 1:
            self.problem(f"{path}/{local}", found[1], _("The element %(name)s occurs more "
                                                        "than once.") % {"name": local})
        return found[0]

    def text(self, parent: etree._Element, local: str, path: str, *, required: bool,
             pattern: re.Pattern[str] | None = None, max_length: int = _NAME_MAX) -> str:
        element = self.child(parent, local, path, required=required)
        if element is None:
            return ""
        value = (element.text or "").strip()
        where = f"{path}/{local}"
        if not value:
            if required:
                self.problem(where, element, _("The element %(name)s is empty.")
                             % {"name": local})
        elif len(value) > max_length:
            self.problem(where, element, _("The value has at most %(max)s characters.")
                         % {"max": max_length})
        elif pattern is not None and not pattern.match(value):
            self.problem(where, element, _("The value %(value)s is not valid here.")
                         % {"value": value})
        return value

    def key(self, element: etree._Element, path: str) -> str:
        value = (element.get("key") or "").strip()
        if not value:
            self.problem(path, element, _("The attribute key is missing."))
        elif len(value) > _KEY_MAX:
            self.problem(path, element, _("The attribute key has at most %(max)s characters.")
                         % {"max": _KEY_MAX})
        return value


def _parse_xml(content: bytes) -> etree._Element:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             dtd_validation=False, huge_tree=False, remove_comments=True,
                             remove_pis=True)
    try:
        root = etree.fromstring(content, parser=parser)
    except etree.XMLSyntaxError as error:
        raise EdexmlInvalid([Problem("/", error.lineno, _(
            "The file is not well-formed XML: %(error)s") % {"error": error.msg})]) from None
    docinfo: Any = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        line = content[:max(content.find(b"<!DOCTYPE"), 0)].count(b"\n") + 1
        raise EdexmlInvalid([Problem("/", line, _(
            "The file declares a DOCTYPE; EDEXML has none, and Schakel does not read files "
            "with one."))])
    return root


def _root(content: bytes, max_bytes: int) -> tuple[etree._Element, _Reader]:
    if len(content) > max_bytes:
        raise EdexmlInvalid([Problem("/", None, _(
            "The file is larger than %(max)s MB.") % {"max": round(max_bytes / 1_000_000, 1)})])
    root = _parse_xml(content)
    qname = etree.QName(root)
    path = f"/{qname.localname}"
    if qname.namespace not in (None, EDEXML_NAMESPACE):
        raise EdexmlInvalid([Problem(path, _line(root), _(
            "The namespace %(found)s is not that of EDEXML 2.1 (%(expected)s).")
            % {"found": qname.namespace, "expected": EDEXML_NAMESPACE})])
    if qname.localname != _ROOT:
        raise EdexmlInvalid([Problem(path, _line(root), _(
            "The root element is %(found)s; an EDEXML file starts with %(expected)s.")
            % {"found": qname.localname, "expected": _ROOT})])
    return root, _Reader(qname.namespace)


def _date(reader: _Reader, parent: etree._Element, local: str, path: str) -> str:
    value = reader.text(parent, local, path, required=True, max_length=10)
    if value:
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            reader.problem(f"{path}/{local}", reader.first(parent, local),
                           _("%(value)s is not a date (YYYY-MM-DD).") % {"value": value})
    return value


def _school(reader: _Reader, root: etree._Element) -> tuple[str, str, str, str, str, int]:
    path = f"/{_ROOT}/school"
    school = reader.child(root, "school", f"/{_ROOT}", required=True)
    if school is None:
        raise EdexmlInvalid(reader.problems)
    year = reader.text(school, "schooljaar", path, required=True, pattern=_SCHOOL_YEAR)
    match = _SCHOOL_YEAR.match(year)
    if match and int(match.group(2)) != int(match.group(1)) + 1:
        reader.problem(f"{path}/schooljaar", school, _("A school year is two consecutive "
                                                       "years, such as 2026-2027."))
    brin = reader.text(school, "brincode", path, required=True, pattern=_BRIN)
    dependance = reader.text(school, "dependancecode", path, required=False,
                             pattern=_DEPENDANCE)
    created = reader.text(school, "aanmaakdatum", path, required=True, max_length=40)
    author = reader.text(school, "auteur", path, required=False)
    version = reader.text(school, "xsdversie", path, required=True, max_length=20)
    if version and not (version == EDEXML_VERSION or version.startswith(EDEXML_VERSION + ".")):
        reader.problem(f"{path}/xsdversie", reader.first(school, "xsdversie"),
                       _("Version %(found)s of EDEXML is not read; export version %(expected)s.")
                       % {"found": version, "expected": EDEXML_VERSION})
    brin_line = _line(reader.first(school, "brincode")) or _line(school) or 0
    return year, brin, dependance, created, author, brin_line


def _groups(reader: _Reader, root: etree._Element) -> dict[str, str]:
    """The groups by key: their names (a stamgroep is a class of the school)."""
    groups: dict[str, str] = {}
    container = reader.child(root, "groepen", f"/{_ROOT}", required=False)
    if container is None:
        return groups
    for kind in ("groep", "samengestelde_groep"):
        for index, group in enumerate(reader.children(container, kind), start=1):
            path = f"/{_ROOT}/groepen/{kind}[{index}]"
            key = reader.key(group, path)
            name = reader.text(group, "naam", path, required=True, max_length=50)
            if key in groups:
                reader.problem(path, group, _("The group key %(key)s occurs more than once.")
                               % {"key": key})
            elif key:
                groups[key] = name
    return groups


def _first_name(reader: _Reader, pupil: etree._Element, path: str) -> str:
    call_name = reader.text(pupil, "roepnaam", path, required=False)
    given = reader.text(pupil, "voornamen", path, required=False, max_length=200)
    name = call_name or (given.split()[0] if given else "")
    if not name:
        reader.problem(path, pupil, _("Give the pupil's roepnaam or voornamen."))
    return name


def _stamgroep(reader: _Reader, pupil: etree._Element, path: str,
               groups: dict[str, str]) -> str:
    references = reader.children(pupil, "stamgroep") or reader.children(pupil, "groep")
    if not references:
        return ""
    reference = references[0]
    key = (reference.get("key") or "").strip()
    if key not in groups:
        reader.problem(f"{path}/{etree.QName(reference).localname}", reference, _(
            "The group %(key)s is not in groepen.") % {"key": key})
        return ""
    return groups[key]


def _pupils(reader: _Reader, root: etree._Element, groups: dict[str, str],
            max_pupils: int) -> list[EdexmlPupil]:
    container = reader.child(root, "leerlingen", f"/{_ROOT}", required=True)
    if container is None:
        return []
    elements = reader.children(container, "leerling")
    if not elements:
        reader.problem(f"/{_ROOT}/leerlingen", container, _("The file has no pupils."))
    if len(elements) > max_pupils:
        reader.problem(f"/{_ROOT}/leerlingen", container, _(
            "A file has at most %(max)s pupils.") % {"max": max_pupils})
        return []
    pupils: list[EdexmlPupil] = []
    keys: set[str] = set()
    numbers: set[str] = set()
    for index, pupil in enumerate(elements, start=1):
        path = f"/{_ROOT}/leerlingen/leerling[{index}]"
        key = reader.key(pupil, path)
        if key in keys:
            reader.problem(path, pupil, _("The pupil key %(key)s occurs more than once.")
                           % {"key": key})
        keys.add(key)
        last_name = reader.text(pupil, "achternaam", path, required=True)
        prefix = reader.text(pupil, "voorvoegsel", path, required=False, max_length=20)
        first_name = _first_name(reader, pupil, path)
        birth_date = _date(reader, pupil, "geboortedatum", path)
        number = reader.text(pupil, "onderwijsnummer", path, required=False,
                             pattern=_EDUCATION_NUMBER, max_length=9)
        if number and number in numbers:
            reader.problem(f"{path}/onderwijsnummer", pupil, _(
                "The onderwijsnummer occurs more than once in the file."))
        numbers.add(number)
        pupils.append(EdexmlPupil(
            line=_line(pupil) or 0, key=key, first_name=first_name,
            last_name=f"{prefix} {last_name}".strip(), birth_date=birth_date,
            education_number=number, class_name=_stamgroep(reader, pupil, path, groups)))
    return pupils


def _teachers(reader: _Reader, root: etree._Element, groups: dict[str, str]) -> int:
    """The number of teachers; each checked for its key and its groups, nothing kept."""
    container = reader.child(root, "leerkrachten", f"/{_ROOT}", required=False)
    if container is None:
        return 0
    keys: set[str] = set()
    for index, teacher in enumerate(reader.children(container, "leerkracht"), start=1):
        path = f"/{_ROOT}/leerkrachten/leerkracht[{index}]"
        key = reader.key(teacher, path)
        if key in keys:
            reader.problem(path, teacher, _("The teacher key %(key)s occurs more than once.")
                           % {"key": key})
        keys.add(key)
        for container_of_groups in reader.children(teacher, "groepen"):
            for reference in container_of_groups:
                group_key = (reference.get("key") or "").strip()
                if group_key not in groups:
                    reader.problem(f"{path}/groepen/{etree.QName(reference).localname}",
                                   reference, _("The group %(key)s is not in groepen.")
                                   % {"key": group_key})
    return len(keys)


def edexml_parse(content: bytes, *, max_bytes: int, max_pupils: int) -> EdexmlFile:
    """The file's school and pupils, or `EdexmlInvalid` with every problem found."""
    root, reader = _root(content, max_bytes)
    year, brin, dependance, created, author, brin_line = _school(reader, root)
    groups = _groups(reader, root)
    pupils = _pupils(reader, root, groups, max_pupils)
    teachers = _teachers(reader, root, groups)
    if reader.problems:
        raise EdexmlInvalid(reader.problems)
    return EdexmlFile(school_year=year, brin=brin, dependance=dependance, brin_line=brin_line,
                      author=author, created=created, pupils=pupils, groups=len(groups),
                      teachers=teachers)
