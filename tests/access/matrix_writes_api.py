"""The write URLs of the API in the role x URL matrix (see `matrix_write`): the matrix's roles
are sessions, and the API takes OAuth 2 tokens only, so no role writes; the writes with
tokens are tested in tests/api."""

from __future__ import annotations

from schakel.children.models import Enrolment
from schakel.signals.models import Signal
from tests.access.matrix_write import Write, rows

_SESSIONS = "the API signs in systems with tokens only; sessions get 401 (tests/api)"

API_WRITES: dict[str, Write] = {
    #             anon core tchr coor invl ncon form coll outs oth2 priv supr prnt yng
    "api:token": Write(
        outcomes="401  401  401  401  401  401  401  401  401  401  401  401  404  404",
        payload=lambda w: {"grant_type": "client_credentials", "client_id": "onbekend",
                           "client_secret": "onbekend"},
        effect=lambda w: None,
        no_writer="the token endpoint authenticates a client, not a session; the world has "
                  "no client (tests/api/test_auth.py)"),
    "api:pupil_sync": Write(
        outcomes="401  401  401  401  401  401  401  401  401  401  401  401  404  404",
        payload=lambda w: {"school": w.id("school_id"), "leerlingen": []},
        effect=rows(Enrolment),
        no_writer=_SESSIONS),
    "api:signals": Write(
        outcomes="401  401  401  401  401  401  401  401  401  401  401  401  404  404",
        payload=lambda w: {"school": w.id("school_id"), "niveau": "school"},
        effect=rows(Signal),
        no_writer=_SESSIONS),
}
