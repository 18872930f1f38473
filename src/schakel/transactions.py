"""The transaction of a service: one per service, and the outermost one.

`service_transaction()` is `transaction.atomic(durable=True)` (as Zulip marks its actions): a
service called inside another caller's transaction raises `RuntimeError` at once, instead of
quietly committing half its work with the caller's, or having its access-log row rolled back
with the caller's failure. A caller that composes several services into one all-or-nothing unit
on purpose (the demo world loader, a bulk import) says so with `composed_services()`; inside it
the services join that one transaction. Tests run inside Django's test transaction, in which
durable blocks are allowed.

A layer above may ask to run something just before a service's transaction begins
(`before_service_transactions`): the access log writes the reads that a request logged so far
(`audit.writer.reads_together`), so that a service that fails cannot roll them back.
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.db import transaction

_composing: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "schakel_composing_services", default=False)


_BEFORE_SERVICE: list[Callable[[], None]] = []


def before_service_transactions(callback: Callable[[], None]) -> None:
    """Call `callback` whenever an outermost service transaction is about to begin."""
    if callback not in _BEFORE_SERVICE:
        _BEFORE_SERVICE.append(callback)


class _ServiceAtomic(transaction.Atomic):
    def __init__(self, using: str | None, *, durable: bool) -> None:
        super().__init__(using, True, durable)
        self.outermost = durable

    def __enter__(self) -> None:
        if self.outermost:
            for callback in _BEFORE_SERVICE:
                callback()
        super().__enter__()


def service_transaction(using: str | None = None) -> transaction.Atomic:
    """The outermost transaction of one service (usable with `with` or as a decorator)."""
    return _ServiceAtomic(using, durable=not _composing.get())


@contextmanager
def composed_services(using: str | None = None) -> Iterator[None]:
    """Run several services as one outermost transaction, on purpose; inside another
    composition it joins that one."""
    if _composing.get():
        with transaction.atomic(using=using):
            yield
        return
    with transaction.atomic(using=using, durable=True):
        token = _composing.set(True)
        try:
            yield
        finally:
            _composing.reset(token)
