"""The shared language: everyone signed in reads it; a functional administrator keeps it."""

from __future__ import annotations

from schakel.access.actor import Actor
from schakel.access.policy.core import DENY, Decision, Ground


def may_edit_glossary(actor: Actor) -> Decision:
    if actor.professional is not None and actor.professional.is_functional_administrator:
        return Decision(True, Ground.FUNCTIONAL_ADMINISTRATOR)
    return DENY
