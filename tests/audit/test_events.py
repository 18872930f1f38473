"""The event codes are one enumeration: every code the code base writes is a member, each has a
Dutch label, and a mistyped code cannot be written."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.http import Http404
from django.test import Client
from django.utils import translation

from schakel.access import policy
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode, retention_event
from schakel.audit.models import AccessEvent, Action
from schakel.audit.writer import Subject, access_event_record, access_events_record
from schakel.retention.categories import SPECS
from schakel.retention.models import RuleAction
from tests.conftest import World
from tests.factories import AccessEventFactory, actor_for
from tests.support import sign_in

SRC = Path(__file__).resolve().parents[2] / "src" / "schakel"
EVENTS_MODULE = SRC / "audit" / "events.py"


WRITER_MODULE = SRC / "audit" / "writer.py"


def _sources(*skip: Path) -> Iterator[tuple[Path, ast.Module]]:
    for path in sorted(SRC.rglob("*.py")):
        if "migrations" not in path.parts and path not in {EVENTS_MODULE, *skip}:
            yield path, ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _is_member(node: ast.expr) -> bool:
    return (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
            and node.value.id == "EventCode" and node.attr in EventCode.__members__)


def _is_event_code(annotation: ast.expr | None) -> bool:
    return annotation is not None and ast.unparse(annotation) == "EventCode"


def _is_event_code_or_function(annotation: ast.expr | None) -> bool:
    """`EventCode`, or a union of it with a function that gives one."""
    if isinstance(annotation, ast.BinOp) and isinstance(annotation.op, ast.BitOr):
        return (_is_event_code_or_function(annotation.left)
                and _is_event_code_or_function(annotation.right))
    if isinstance(annotation, ast.Subscript) and ast.unparse(annotation.value) == "Callable":
        elements = annotation.slice
        return isinstance(elements, ast.Tuple) and _is_event_code(elements.elts[-1])
    return _is_event_code(annotation)


def _code_functions(tree: ast.Module) -> set[str]:
    """The module's functions that return an `EventCode` (passed on to be called)."""
    return {node.name for node in tree.body
            if isinstance(node, ast.FunctionDef) and _is_event_code(node.returns)}


def _typed_names(function: ast.FunctionDef | ast.AsyncFunctionDef) -> set[str]:
    """Parameters and local variables of `function` annotated as `EventCode`."""
    arguments = function.args
    names = {a.arg for a in [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]
             if _is_event_code_or_function(a.annotation)}
    names |= {node.target.id for node in ast.walk(function)
              if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name)
              and _is_event_code(node.annotation)}
    return names


def _event_code_arguments(tree: ast.Module) -> Iterator[tuple[ast.expr, set[str]]]:
    """Each `event_code=` argument with the names that are typed `EventCode` where it is."""
    functions = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]
    module = _code_functions(tree)
    inside: dict[int, set[str]] = {}
    for function in functions:
        typed = _typed_names(function)
        for node in ast.walk(function):
            inside.setdefault(id(node), set()).update(typed)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            for keyword in node.keywords:
                if keyword.arg == "event_code":
                    yield keyword.value, module | inside.get(id(node), set())


def test_every_code_written_in_src_is_a_member() -> None:
    wrong = []
    count = 0
    # The writer itself turns what it is given into a member and stores its value.
    for path, tree in _sources(WRITER_MODULE):
        for value, typed in _event_code_arguments(tree):
            count += 1
            forwarded = isinstance(value, ast.Name) and value.id in typed
            if not (_is_member(value) or forwarded):
                wrong.append(f"{path.relative_to(SRC)}:{value.lineno}: {ast.unparse(value)}")
    assert count > 150  # the scan finds the call sites
    assert wrong == []


def test_every_event_code_parameter_is_typed_and_defaults_to_a_member() -> None:
    wrong = []
    for path, tree in _sources():
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            arguments = function.args
            positional = [*arguments.posonlyargs, *arguments.args]
            defaults = dict(zip([a.arg for a in positional[len(positional)
                                                             - len(arguments.defaults):]],
                                arguments.defaults, strict=True))
            defaults |= {a.arg: d for a, d in zip(arguments.kwonlyargs, arguments.kw_defaults,
                                                  strict=True) if d is not None}
            for argument in [*positional, *arguments.kwonlyargs]:
                if argument.arg != "event_code":
                    continue
                default = defaults.get(argument.arg)
                if not _is_event_code_or_function(argument.annotation) or (
                        default is not None and not _is_member(default)):
                    wrong.append(f"{path.relative_to(SRC)}:{function.lineno}: {function.name}")
    assert wrong == []


def test_no_code_is_spelled_as_a_string_outside_the_enumeration() -> None:
    """Catches a code passed positionally, too."""
    values = set(EventCode.values)
    spelled = [f"{path.relative_to(SRC)}:{node.lineno}: {node.value!r}"
               for path, tree in _sources() for node in ast.walk(tree)
               if isinstance(node, ast.Constant) and node.value in values]
    assert spelled == []


def test_every_member_has_a_label_of_its_own() -> None:
    for member in EventCode:
        label = str(member.label)
        assert label.strip(), member
        assert label != member.value, member
    assert len({str(m.label) for m in EventCode}) == len(EventCode)


def test_the_dutch_catalogue_translates_each_label() -> None:
    with translation.override("en"):
        english = {m: str(m.label) for m in EventCode}
    with translation.override("nl"):
        dutch = {m: str(m.label) for m in EventCode}
    untranslated = [m.value for m in EventCode if dutch[m] == english[m]]
    assert untranslated == []


def test_every_retention_deletion_or_anonymisation_has_a_code() -> None:
    for category, spec in SPECS.items():
        for action in spec.actions - {RuleAction.REPORT}:
            assert retention_event(category, action).value == f"retention.{category}.{action}"
    with pytest.raises(ValueError, match="retention"):
        retention_event("access_log", RuleAction.DELETE)


# --- a mistyped code cannot be written ---------------------------------------------------


def test_the_writer_refuses_a_code_that_is_not_a_member(world: World) -> None:
    actor = actor_for(world.nurse)
    subject = Subject.of(world.case, world.child.pk)
    with pytest.raises(ValueError, match=r"case\.veiw"):
        access_event_record(actor=actor, event_code="case.veiw",  # type: ignore[arg-type]
                            action=Action.READ, subject=subject)
    with pytest.raises(ValueError, match=r"case\.lsit"):
        access_events_record(actor=actor, event_code="case.lsit",  # type: ignore[arg-type]
                             action=Action.READ, subjects=[])
    assert not AccessEvent.objects.exists()


def test_enforce_refuses_a_mistyped_code_also_when_allowed(world: World) -> None:
    actor = actor_for(world.nurse)
    decision = policy.may_read_case(actor, world.case)
    assert decision
    with pytest.raises(ValueError, match=r"case\.veiw"):
        enforce(actor, decision, event_code="case.veiw",  # type: ignore[arg-type]
                action=Action.READ, subject=Subject.of(world.case, world.child.pk))
    with pytest.raises(Http404):
        enforce(actor, policy.DENY, event_code=EventCode.CASE_VIEW, action=Action.READ,
                subject=Subject.of(world.case, world.child.pk))


def test_the_stored_code_is_the_plain_value(world: World) -> None:
    """The rows keep the strings they always had; a str that is a member's value is taken."""
    access_event_record(actor=actor_for(world.nurse), event_code="case.view",  # type: ignore[arg-type]
                        action=Action.READ, subject=Subject.of(world.case, world.child.pk))
    access_event_record(actor=actor_for(world.nurse), event_code=EventCode.CASE_LIST,
                        action=Action.READ, subject=Subject.of(world.case, world.child.pk))
    stored = list(AccessEvent.objects.order_by("pk").values_list("event_code", flat=True))
    assert stored == ["case.view", "case.list"]
    assert all(type(code) is str for code in stored)


# --- the label where the log is read -----------------------------------------------------


def test_event_label_is_the_label_or_an_old_code_itself(db: None) -> None:
    known = AccessEventFactory(event_code="case.view")
    old = AccessEventFactory(event_code="case.plan_update")
    assert known.event_label == str(EventCode.CASE_VIEW.label)
    assert old.event_label == "case.plan_update"


def test_the_log_viewer_shows_the_label(client: Client, world: World) -> None:
    AccessEventFactory(event_code="case.view", child_id=world.child.pk)
    AccessEventFactory(event_code="case.plan_update", child_id=world.child.pk)
    sign_in(client, world.log_admin.user)
    html = client.get("/logboek/", {"child": world.child.pk},
                      HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "Casus ingezien" in html
    assert "<code>case.view</code>" not in html  # words, not codes (issue 7, item 16)
    assert "case.plan_update" in html  # a code no longer written shows as itself
