"""Reads of a child's data are logged by construction.

A selector that returns a child's data is decorated with `logged_read`. Once its body has
produced the result, the decorator writes one access-log row per subject the result shows, in
one insert, on the ground of the decision that allowed the read: the last one that `enforce`
let through during the call (a selector whose ground is a decision it does not enforce passes
it to `read_allowed_on`; a list read that took no decision, only the policy's list filter,
goes on `Ground.LISTED`). A refused read never gets that far: `enforce` logged the refusal
and raised. Every decorated selector is in `LOGGED_READS`; a test holds each public selector
to being in it or to returning no child's data.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, Generic, ParamSpec, TypeVar

from schakel.access.actor import Actor
from schakel.access.policy import Decision, Ground
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.writer import Subject, access_events_record

P = ParamSpec("P")
R = TypeVar("R")


@dataclass(frozen=True)
class LoggedRead(Generic[R]):
    """A selector whose reads are logged: under which code, and what its result shows."""

    selector: str
    event_code: EventCode | Callable[[R], EventCode]
    subjects: Callable[[R], Iterable[Subject]]

    def code_of(self, result: R) -> EventCode:
        if isinstance(self.event_code, EventCode):
            return self.event_code
        return self.event_code(result)


LOGGED_READS: dict[str, LoggedRead[Any]] = {}

# The decisions taken during the logged read that is running, innermost call only.
_allowed: ContextVar[list[Decision] | None] = ContextVar("schakel_read_allowed", default=None)


def read_allowed_on(decision: Decision) -> None:
    """The logged read that is running goes on `decision` (its ground goes into the rows)."""
    decisions = _allowed.get()
    if decisions is not None and decision:
        decisions.append(decision)


def _check_signature(selector: Callable[..., Any]) -> None:
    parameters = list(inspect.signature(selector).parameters.values())
    if not parameters or parameters[0].name != "actor" or (
            parameters[0].kind is not inspect.Parameter.KEYWORD_ONLY):
        raise TypeError(f"{selector.__qualname__}: a logged read takes `actor` first, "
                        "keyword-only")


def logged_read(
    *, event_code: EventCode | Callable[[R], EventCode],
    subjects: Callable[[R], Iterable[Subject]],
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Log each call of the selector as a read (action R) of the `subjects` of its result,
    under `event_code` (or the code the result calls for). The subjects come from what the
    result holds, so listing them costs no query per row."""
    def decorate(selector: Callable[P, R]) -> Callable[P, R]:
        _check_signature(selector)
        entry = LoggedRead(f"{selector.__module__}.{selector.__qualname__}", event_code,
                           subjects)
        LOGGED_READS[entry.selector] = entry

        @functools.wraps(selector)
        def logged(*args: P.args, **kwargs: P.kwargs) -> R:
            actor = kwargs.get("actor")
            if not isinstance(actor, Actor):
                raise TypeError(f"{entry.selector} needs actor=Actor(...)")
            decisions: list[Decision] = []
            token = _allowed.set(decisions)
            try:
                result = selector(*args, **kwargs)
            finally:
                _allowed.reset(token)
            code: EventCode = entry.code_of(result)
            access_events_record(
                actor=actor, event_code=code, action=Action.READ, subjects=entry.subjects(result),
                ground=decisions[-1].log_ground if decisions else Ground.LISTED,
            )
            return result

        return logged

    return decorate
