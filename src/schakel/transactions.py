"""The transaction of a service: one per service, and the outermost one.

`service_transaction()` is `transaction.atomic(durable=True)` (as Zulip marks its actions): a
service called inside another caller's transaction raises `RuntimeError` at once, instead of
quietly committing half its work with the caller's, or having its access-log row rolled back
with the caller's failure. A caller that composes several services into one all-or-nothing unit
on purpose (the demo world loader, a bulk import) says so with `composed_services()`; inside it
the services join that one transaction. Tests run inside Django's test transaction, in which
durable blocks are allowed.
"""

from __future__ import annotations

import contextvars
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import transaction

_composing: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "schakel_composing_services", default=False)


def service_transaction(using: str | None = None) -> transaction.Atomic:
    """The outermost transaction of one service (usable with `with` or as a decorator)."""
    return transaction.atomic(using=using, durable=not _composing.get())


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
