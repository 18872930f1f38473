"""The request id: one per request, in every log line written while it is handled and in the
`X-Request-ID` response header. A reverse proxy's id is kept when it is well-formed (letters,
digits, `.`, `_`, `-`; 8 to 64 characters: a UUID, nginx's `$request_id`), so that the proxy's
log and ours can be joined; anything else is replaced, never logged."""

from __future__ import annotations

import re
import uuid
from contextvars import ContextVar

HEADER = "X-Request-ID"
WELL_FORMED = re.compile(r"[A-Za-z0-9._-]{8,64}")

current_request_id: ContextVar[str | None] = ContextVar("schakel_request_id", default=None)


def request_id_from(incoming: str | None) -> str:
    """The incoming id when it is well-formed, otherwise a new one."""
    if incoming is not None and WELL_FORMED.fullmatch(incoming):
        return incoming
    return uuid.uuid4().hex


def request_id_clear(**kwargs: object) -> None:
    """`request_finished` receiver: no request id on lines written between requests."""
    current_request_id.set(None)
