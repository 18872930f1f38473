"""Every URL pattern of the project, found by walking the resolver, and the parser of the
expectation tables of `test_url_matrix` and `matrix_writes`.

Adding a URL to the role x URL matrix (the tests fail until each step is done):
1. A row per method in `MATRIX` (test_url_matrix.py): `GET` always; `POST` (an empty form)
   when the view takes POST; one outcome per role.
2. When it takes POST, an entry in `WRITES` (matrix_writes.py; teams, meetings and the glossary in
   matrix_writes_team.py), beside the others of its app:
   the outcome per role of a *valid* POST (`302+`: it changed something, `404!`: refused and
   logged as a refusal), `payload` (a function of the world: the form fields, with the
   world's ids) and `effect` (what the write changes, usually `rows(Model, field="id_name")`).
   A write no role of the world can make gives its reason in `no_writer`.
3. Ids the URL or its payload needs that the world lacks: add the object to
   `build_matrix_world` (matrix_world.py) and its id to `url_kwargs` or `form_ids`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver


@dataclass(frozen=True)
class Pattern:
    """One URL pattern: `key` names it in the matrix (its namespaced name, which is unique)."""

    key: str
    view_name: str
    kwargs: tuple[str, ...]
    route: str


def _walk(patterns: list[URLPattern | URLResolver], namespace: str, prefix: str,
          found: list[tuple[str, tuple[str, ...], str]]) -> None:
    for entry in patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = f"{namespace}:{entry.namespace}" if namespace and entry.namespace else (
                entry.namespace or namespace)
            _walk(entry.url_patterns, inner, route, found)
            continue
        if not entry.name:
            raise AssertionError(f"URL pattern {route!r} has no name; the matrix needs one.")
        name = f"{namespace}:{entry.name}" if namespace else entry.name
        found.append((name, tuple(entry.pattern.converters), route))


def project_patterns() -> list[Pattern]:
    """All URL patterns of the project, namespaced includes included, in resolver order."""
    found: list[tuple[str, tuple[str, ...], str]] = []
    _walk(get_resolver().url_patterns, "", "/", found)
    names = Counter(name for name, _kwargs, _route in found)
    duplicates = sorted(name for name, n in names.items() if n > 1)
    if duplicates:
        raise AssertionError(f"URL names used by more than one pattern: {duplicates}")
    return [Pattern(key=name, view_name=name, kwargs=kwargs, route=route)
            for name, kwargs, route in found]


# Redirects to a sign-in page, by table token.
SIGN_IN_PAGES = {"sign": "accounts:login", "ptl": "portal:login"}


# Marks after a status: the child's name is in the response; the world changed; a refusal
# row for the user was written to the access log (the last two: valid POSTs only).
SHOWS_CHILD, CHANGES, LOGS_REFUSAL = "*", "+", "!"


@dataclass(frozen=True)
class Expected:
    """An expected outcome: a status code, or a redirect to a sign-in page (`sign_in` is a
    token of `SIGN_IN_PAGES`); whether the child's name is in the response (`200*` in the
    table) or must not be; for a valid POST, whether it changed the world (`302+`) or nothing
    at all, and whether the access log got a refusal row for the user (`404!`) or none."""

    status: int
    sign_in: str = ""
    shows_child: bool = False
    changes: bool = False
    logs_refusal: bool = False

    @classmethod
    def parse(cls, token: str) -> Expected:
        base = token.rstrip(SHOWS_CHILD + CHANGES + LOGS_REFUSAL)
        marks = token[len(base):]
        if len(set(marks)) != len(marks):
            raise AssertionError(f"mark repeated in {token!r}")
        shows_child, changes, logs_refusal = (
            SHOWS_CHILD in marks, CHANGES in marks, LOGS_REFUSAL in marks)
        if base in SIGN_IN_PAGES:
            return cls(302, base, shows_child, changes, logs_refusal)
        return cls(int(base), "", shows_child, changes, logs_refusal)

    @property
    def response(self) -> Expected:
        """What the response itself shows (without what it changed or logged)."""
        return Expected(self.status, sign_in=self.sign_in, shows_child=self.shows_child)

    def __str__(self) -> str:
        base = self.sign_in or str(self.status)
        return base + "".join(mark for mark, on in ((SHOWS_CHILD, self.shows_child),
                                                     (CHANGES, self.changes),
                                                     (LOGS_REFUSAL, self.logs_refusal)) if on)


Table = dict[tuple[str, str], dict[str, Expected]]


def parse_row(key: str, outcomes: list[str], roles: list[str]) -> dict[str, Expected]:
    """One outcome per role, in the order of `roles`."""
    if len(outcomes) != len(roles):
        raise AssertionError(f"{key}: {len(outcomes)} outcomes for {len(roles)} roles")
    return {role: Expected.parse(token) for role, token in zip(roles, outcomes, strict=True)}


def parse_table(text: str, roles: list[str]) -> Table:
    """Rows of `key METHOD outcome...` with one outcome per role, in the order of `roles`;
    blank lines and `#` comments are skipped."""
    table: Table = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        key, method, *outcomes = line.split()
        if (key, method) in table:
            raise AssertionError(f"{key} {method} is in the table twice")
        table[key, method] = parse_row(f"{key} {method}", outcomes, roles)
    return table
