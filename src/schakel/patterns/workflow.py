"""The status table of a rode draad: proposed (on the kernteam's agenda) → discussed (the
kernteam talked it through) → escalated to management or closed; an escalated pattern is
closed once management took it up. The services check every change against `TRANSITIONS`;
nothing comes back once closed."""

from __future__ import annotations

from schakel.patterns.models import PatternStatus

TRANSITIONS: dict[PatternStatus, frozenset[PatternStatus]] = {
    PatternStatus.PROPOSED: frozenset({PatternStatus.DISCUSSED}),
    PatternStatus.DISCUSSED: frozenset({PatternStatus.ESCALATED, PatternStatus.CLOSED}),
    PatternStatus.ESCALATED: frozenset({PatternStatus.CLOSED}),
    PatternStatus.CLOSED: frozenset(),
}
# Detection adds later signals of the same episode to a pattern in these statuses only.
OPEN = frozenset({PatternStatus.PROPOSED, PatternStatus.DISCUSSED})


def may_follow(current: str, new: PatternStatus) -> bool:
    return new in TRANSITIONS[PatternStatus(current)]
