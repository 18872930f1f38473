"""Every write URL of the project, with a valid form, against every role: the role x URL
matrix (`test_url_matrix`) with data that a permitted role's write succeeds with.

So a service that lets the wrong role write is caught even where the empty form of the matrix
never reaches it (an empty form fails validation before the service decides). Each
(URL, role) is its own test, in a savepoint of the module's world: a permitted write changes
the world, and the next role sees it as built. The payloads and the outcomes per role are in
`matrix_writes.WRITES`; the marks `+` (changed) and `!` (refusal logged) are explained there.
"""

from __future__ import annotations

import pytest
from django.core.handlers.wsgi import WSGIRequest

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.access.policy import Decision, Ground
from schakel.cases.models import Case
from tests.access.matrix_request import request_cell
from tests.access.matrix_urls import Expected, parse_row
from tests.access.matrix_valid_post import post_valid, problems
from tests.access.matrix_world import ANONYMOUS, ROLES, MatrixWorld
from tests.access.matrix_writes import WRITES
from tests.access.test_url_matrix import PATTERNS, PATTERNS_BY_KEY, ROLE_NAMES, TABLE

WRITE_TABLE = {key: parse_row(key, write.outcomes.split(), ROLE_NAMES)
               for key, write in WRITES.items()}
# POST rows of the matrix for URLs that take POST (not those that answer 405).
WRITE_URLS = sorted(key for (key, method), row in TABLE.items()
                    if method == "POST" and all(e.status != 405 for e in row.values()))


def valid_post_problems(world: MatrixWorld, key: str, role: str) -> list[str]:
    observed = post_valid(world, PATTERNS_BY_KEY[key], role, WRITES[key])
    found = problems(WRITE_TABLE[key][role], observed)
    if found:
        found.append(f"observed: {observed.as_expected}")
    return found


@pytest.mark.parametrize(("key", "role"), [
    pytest.param(key, role, id=f"{key}-valid-{role}") for key in WRITES for role in ROLE_NAMES])
def test_valid_post(matrix_world: MatrixWorld, db: None, key: str, role: str) -> None:
    found = valid_post_problems(matrix_world, key, role)
    assert found == [], f"{key}, valid POST as {role}: " + "; ".join(found)


def test_every_write_url_has_a_valid_payload() -> None:
    """A URL that takes POST gets its valid payload and outcomes, and nothing else does."""
    assert sorted(WRITES) == WRITE_URLS, (
        f"write URLs without an entry in WRITES: {sorted(set(WRITE_URLS) - set(WRITES))}; "
        f"entries for no write URL: {sorted(set(WRITES) - set(WRITE_URLS))}")


def test_the_writes_table_keeps_the_rules() -> None:
    """Some role can make every write (or the entry says why none can); a change is never a
    refusal; a logged refusal is a 404; no 403; the child's name only for those who know
    her (as in the matrix)."""
    knows_the_child = {"core", "teacher", "coordinator", "involved", "unconsented", "colleague",
                       "log_admin", "parent", "young_person"}
    for key, row in WRITE_TABLE.items():
        writers = [role for role, expected in row.items() if expected.changes]
        assert bool(writers) != bool(WRITES[key].no_writer), (
            key, "a write nobody can make says why (no_writer), and only then", writers)
        for role, expected in row.items():
            assert expected.status != 403, (key, role)
            assert not (expected.changes and expected.status == 404), (key, role)
            assert not expected.logs_refusal or expected.status == 404, (key, role)
            assert not expected.logs_refusal or role != ANONYMOUS, (key, role)
            if expected.shows_child:
                assert role in knows_the_child, (key, role)
                assert expected.status == 200, (key, role)


# GET-only patterns, tried with an empty POST by each role the page is open to.
_GET_ONLY = [pytest.param(pattern, id=pattern.key) for pattern in PATTERNS
             if (pattern.key, "POST") not in TABLE]


@pytest.mark.parametrize("pattern", _GET_ONLY)
def test_a_url_that_reads_a_form_has_a_post_row(
    matrix_world: MatrixWorld, db: None, pattern: object, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A view that reads the POST body takes a form: it needs a POST row (and so a valid
    payload). Found by watching the request parse its body, so a new form on a page that
    had none is caught."""
    read_by: list[str] = []
    load = WSGIRequest._load_post_and_files

    def watched_load(request: WSGIRequest) -> None:
        read_by.append(request.path)
        load(request)

    monkeypatch.setattr(WSGIRequest, "_load_post_and_files", watched_load)
    assert pattern in PATTERNS
    key = pattern.key  # type: ignore[attr-defined]
    open_to = [role for role, expected in TABLE[key, "GET"].items()
               if expected.status not in (404, 405) and not expected.sign_in]
    for role in open_to:
        request_cell(matrix_world, pattern, "POST", role)  # type: ignore[arg-type]
        assert read_by == [], (
            f"{key} reads a POSTed form (as {role}): add its POST row to MATRIX and its "
            "valid payload to WRITES")


# --- the matrix catches a service that lets the wrong role write -------------------------

def _allow_everyone(*args: object, **kwargs: object) -> Decision:
    return Decision(True, Ground.COORDINATOR)


def test_the_matrix_catches_a_wrong_writer_the_status_alone_would_miss(
    matrix_world: MatrixWorld, db: None, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With the decision of who appoints the coordinator opened to everyone, the involved POH
    (who is sent back to the case page, 302, when refused) makes herself coordinator: the
    same 302, and only the comparison of the database tells."""
    key, role = "cases:set_coordinator", "involved"
    assert valid_post_problems(matrix_world, key, role) == []
    monkeypatch.setattr(policy, "may_appoint_coordinator", _allow_everyone)
    found = valid_post_problems(matrix_world, key, role)
    case = Case.objects.get(pk=matrix_world.id("case_id"))
    assert case.coordinator_id == matrix_world.id("involved_id")  # the wrong write happened
    assert WRITE_TABLE[key][role] == Expected(302)
    assert not any(line.startswith("answered") for line in found), found
    assert "the write happened: its effect changed" in found
    assert any(line.startswith("changed cases.Case:") for line in found), found


def test_the_matrix_catches_a_wrong_writer_that_should_get_a_404(
    matrix_world: MatrixWorld, db: None, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With retention open to everyone, the school's IB'er changes a retention rule."""
    def allow(actor: Actor) -> Decision:
        return Decision(True, Ground.LOG_ADMINISTRATOR)

    key, role = "retention:rule_edit", "core"
    assert valid_post_problems(matrix_world, key, role) == []
    monkeypatch.setattr(policy, "may_manage_retention", allow)
    found = valid_post_problems(matrix_world, key, role)
    assert any(line.startswith("answered 302") for line in found), found
    assert "the write happened: its effect changed" in found
    assert "no refusal row in the access log" in found


def test_the_matrix_catches_a_write_that_does_not_happen(
    matrix_world: MatrixWorld, db: None, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A permitted write that silently does nothing (here: the coordinator refused) is
    reported too, and the refusal row it leaves."""
    monkeypatch.setattr(policy, "may_contribute_to_case",
                        lambda *args, **kwargs: policy.DENY)
    found = valid_post_problems(matrix_world, "cases:consultation", "coordinator")
    assert "the write did not happen: its effect is unchanged" in found


def test_roles_are_the_matrix_roles() -> None:
    assert list(ROLES) == ROLE_NAMES
    assert set(WRITE_URLS) <= {key for key, _method in TABLE}
