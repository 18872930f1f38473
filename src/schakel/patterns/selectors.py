"""Reads of the rode draad: the patterns a reader may see (counts and theme: no child's data),
and one pattern with the signals it counted — those only for the kernteam and each only as
`signals_readable_q` allows, so a detection never shows a signal its reader may not read."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.aggregates import suppress, tree
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.reads import logged_read
from schakel.audit.writer import Subject
from schakel.patterns.models import Pattern, PatternStatus
from schakel.signals.models import Signal


def _count_shown(count: int, *, exact: bool) -> str:
    """How a pattern's number of signals is shown: as it is to the kernteam, which reads the
    signals themselves; to anyone else (management) as every aggregate is published, so three
    signals are "<5" (`aggregates.suppress`)."""
    if exact:
        return str(count)
    return suppress(tree([((COUNT_KEY,), count)]))[0].text


COUNT_KEY = "signals"


@dataclass(frozen=True)
class PatternRow:
    pattern: Pattern
    count_shown: str


@dataclass(frozen=True)
class PatternPage:
    pattern: Pattern
    count_shown: str
    # The signals counted that the reader may read (empty for management).
    signals: list[Signal]
    may_see_signals: bool
    may_change: bool


def _patterns() -> QuerySet[Pattern]:
    return Pattern.objects.select_related("school", "school_class", "theme", "escalated_by")


def patterns_for(*, actor: Actor, status: str = "") -> list[PatternRow]:
    """The patterns of the reader's schools, newest first; open ones (proposed, discussed)
    with `status="open"`."""
    patterns = _patterns().filter(policy.patterns_visible_q(actor))
    if status == "open":
        patterns = patterns.filter(status__in=[PatternStatus.PROPOSED, PatternStatus.DISCUSSED])
    elif status in PatternStatus.values:
        patterns = patterns.filter(status=status)
    kernteam = policy.core_team_school_ids(actor)
    return [PatternRow(pattern, _count_shown(pattern.signal_count,
                                            exact=pattern.school_id in kernteam))
            for pattern in patterns.order_by("-period_end", "pk")]


def _page_subjects(page: PatternPage) -> list[Subject]:
    return [Subject.of(page.pattern, None)] + [
        Subject.of(signal, signal.child_id) for signal in page.signals]


@logged_read(event_code=EventCode.PATTERN_READ, subjects=_page_subjects)
def pattern_get(*, actor: Actor, pattern_id: int) -> PatternPage:
    """One pattern: missing and not the reader's are the same 404."""
    pattern = _patterns().filter(pk=pattern_id).first()
    if pattern is None:
        enforce(actor, policy.DENY, event_code=EventCode.PATTERN_READ, action=Action.READ,
                subject=Subject("patterns.pattern", str(pattern_id), None))
        raise AssertionError("unreachable")
    enforce(actor, policy.may_read_pattern(actor, pattern), event_code=EventCode.PATTERN_READ,
            action=Action.READ, subject=Subject.of(pattern, None))
    see = bool(policy.may_see_pattern_signals(actor, pattern))
    signals: list[Signal] = []
    if see:
        signals = list(pattern.signals.filter(policy.signals_readable_q(actor, []))
                       .select_related("theme", "school_class").order_by("raised_at", "pk"))
    return PatternPage(pattern=pattern, count_shown=_count_shown(pattern.signal_count, exact=see),
                       signals=signals, may_see_signals=see,
                       may_change=bool(policy.may_change_pattern(actor, pattern)))
