"""What a write URL of the role x URL matrix declares (`Write`) and the helpers its entries
use; the entries are in `matrix_writes` (and `matrix_writes_team`). For each write URL: a
valid payload (built from the world, whose ids differ from run to run), what it changes, and
per role what a POST of it gives.

`outcomes` has one token per role, in the order of `matrix_world.ROLES` (the header above
each group), with the tokens of the matrix (`test_url_matrix`) and two marks:
    +   this role's POST changes the world: `effect` (a read of what the write touches)
        differs afterwards. Without `+`, nothing changed at all: every row of every table but
        the sessions and the access log (which every request may write to) is as it was.
    !   the access log got a refusal row (`audit.enforce`); without `!`, it got none.

A new write URL (see also the top of `matrix_urls`):

    "cases:example": Write(
        outcomes="sign 404! 404! 302+ 302+ 404! 404! 404! 404! 404! 404! 404! 404  404",
        payload=lambda w: {"example-text": "Iets", "example-case": w.id("case_id")},
        effect=rows(Example, case_id="case_id")),

A failing cell prints what it observed as such a token, to compare with the policy (never to
copy without reading: a `+` where the policy says no is the bug the matrix is there to find).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Model
from django.utils import timezone

from tests.access.matrix_world import MatrixWorld

Payload = Callable[[MatrixWorld], dict[str, object]]
Effect = Callable[[MatrixWorld], object]


@dataclass(frozen=True)
class Write:
    outcomes: str
    payload: Payload
    effect: Effect
    # Why no role of the matrix world can make this write succeed (then no token has `+`);
    # where the success is tested instead.
    no_writer: str = ""


def rows(model: type[Model], **where: str) -> Effect:
    """The rows of `model` whose fields equal the world's ids named (all rows without
    `where`): a write adds, removes or alters one of them."""
    def effect(world: MatrixWorld) -> object:
        filters = {field: world.id(name) for field, name in where.items()}
        return list(model._base_manager.filter(**filters).order_by("pk").values_list())
    return effect


def today() -> str:
    return timezone.localdate().isoformat()


def in_a_week() -> str:
    """A time a meeting may be planned for, as the datetime-local field sends it."""
    return timezone.localtime(timezone.now() + dt.timedelta(days=7)).strftime("%Y-%m-%dT%H:%M")


SIGNAL_DESCRIPTION = "Zit vaak alleen in de pauze."
