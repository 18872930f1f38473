"""Every URL pattern of the project, found by walking the resolver, and the parser of the
expectation table of `test_url_matrix`."""

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


@dataclass(frozen=True)
class Expected:
    """An expected outcome: a status code, or a redirect to a sign-in page (`sign_in` is a
    token of `SIGN_IN_PAGES`); and whether the child's name is in the response (`200*` in
    the table) or must not be."""

    status: int
    sign_in: str = ""
    shows_child: bool = False

    @classmethod
    def parse(cls, token: str) -> Expected:
        if token in SIGN_IN_PAGES:
            return cls(302, sign_in=token)
        shows_child = token.endswith("*")
        return cls(int(token.rstrip("*")), shows_child=shows_child)

    def __str__(self) -> str:
        if self.sign_in:
            return self.sign_in
        return f"{self.status}{'*' if self.shows_child else ''}"


Table = dict[tuple[str, str], dict[str, Expected]]


def parse_table(text: str, roles: list[str]) -> Table:
    """Rows of `key METHOD outcome...` with one outcome per role, in the order of `roles`;
    blank lines and `#` comments are skipped."""
    table: Table = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        key, method, *outcomes = line.split()
        if len(outcomes) != len(roles):
            raise AssertionError(f"{key} {method}: {len(outcomes)} outcomes for "
                                 f"{len(roles)} roles")
        if (key, method) in table:
            raise AssertionError(f"{key} {method} is in the table twice")
        table[key, method] = {
            role: Expected.parse(token) for role, token in zip(roles, outcomes, strict=True)}
    return table
