"""Reads of the triage inbox: the new signals of the schools whose core team the reader is in,
with their triage, and the flag on those untouched for too many school days."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.reads import logged_read
from schakel.audit.writer import Subject
from schakel.organisations.models import Professional
from schakel.schoolcalendar.selectors import school_days
from schakel.signals.models import Signal, SignalStatus
from schakel.teams.models import TeamLayer, TeamMembership
from schakel.triage.models import SignalTriage


def untouched_limit() -> int:
    return int(settings.SCHAKEL_TRIAGE_UNTOUCHED_SCHOOL_DAYS)


@dataclass(frozen=True)
class InboxEntry:
    signal: Signal
    triage: SignalTriage | None
    school_days_untouched: int
    flagged: bool


def school_days_between(*, school_id: int, after: dt.date, until: dt.date) -> int:
    """School days strictly after `after`, up to and including `until`."""
    if until <= after:
        return 0
    table = school_days(school_ids=[school_id], start=after + dt.timedelta(days=1), end=until)
    return int(table.num_rows)


def _counts(pairs: list[tuple[int, dt.date]], today: dt.date) -> dict[tuple[int, dt.date], int]:
    """School days since each (school, day), with one calendar read per school."""
    by_school: dict[int, list[dt.date]] = defaultdict(list)
    for school_id, day in pairs:
        by_school[school_id].append(day)
    result: dict[tuple[int, dt.date], int] = {}
    for school_id, days in by_school.items():
        first = min(days)
        if first >= today:
            result.update({(school_id, d): 0 for d in days})
            continue
        table = school_days(school_ids=[school_id], start=first + dt.timedelta(days=1),
                            end=today)
        open_days = sorted(table.column("day").to_pylist())
        for d in days:
            result[(school_id, d)] = sum(1 for o in open_days if o > d)
    return result


def _inbox_subjects(entries: list[InboxEntry]) -> list[Subject]:
    return [Subject.of(e.signal, e.signal.child_id) for e in entries]


@logged_read(event_code=EventCode.SIGNAL_LIST, subjects=_inbox_subjects)
def triage_inbox(*, actor: Actor, show: str = "all") -> list[InboxEntry]:
    """The new signals of the reader's schools, oldest first; `show`: all, unassigned, mine
    or flagged."""
    signals = list(
        Signal.objects.filter(policy.triage_inbox_q(actor), status=SignalStatus.NEW)
        .select_related("theme", "raised_by", "school", "school_class", "child",
                        "triage__assignee")
        .order_by("raised_at", "pk"))
    today = timezone.localdate()
    touches: dict[int, dt.date] = {}
    for signal in signals:
        triage = getattr(signal, "triage", None) if _has_triage(signal) else None
        moment = triage.triaged_at if triage is not None else signal.raised_at
        touches[signal.pk] = timezone.localtime(moment).date()
    counts = _counts([(s.school_id, touches[s.pk]) for s in signals], today)
    limit = untouched_limit()
    entries = []
    for signal in signals:
        triage = signal.triage if _has_triage(signal) else None
        n = counts[(signal.school_id, touches[signal.pk])]
        entries.append(InboxEntry(signal=signal, triage=triage, school_days_untouched=n,
                                  flagged=n >= limit))
    me = actor.professional.pk if actor.professional is not None else None
    if show == "unassigned":
        entries = [e for e in entries if e.triage is None or e.triage.assignee_id is None]
    elif show == "mine":
        entries = [e for e in entries if e.triage is not None and e.triage.assignee_id == me]
    elif show == "flagged":
        entries = [e for e in entries if e.flagged]
    return entries


def _has_triage(signal: Signal) -> bool:
    try:
        signal.triage  # noqa: B018
    except SignalTriage.DoesNotExist:
        return False
    return True


def triage_inbox_count(*, actor: Actor) -> int | None:
    """The count on the menu badge (None for anyone outside a core team): no child's data, so
    not logged."""
    if not policy.core_team_school_ids(actor):
        return None
    return Signal.objects.filter(
        policy.triage_inbox_q(actor), status=SignalStatus.NEW).count()


def _triage_subjects(signal: Signal) -> list[Subject]:
    return [Subject.of(signal, signal.child_id)]


@logged_read(event_code=EventCode.SIGNAL_TRIAGE_VIEW, subjects=_triage_subjects)
def signal_for_triage(*, actor: Actor, signal_id: int) -> Signal:
    """A signal of the reader's inbox, for its triage form: missing, of another school or no
    longer new are the same 404."""
    signal = (Signal.objects.select_related("theme", "raised_by", "school", "triage__assignee")
              .filter(pk=signal_id, status=SignalStatus.NEW).first())
    if signal is None:
        enforce(actor, policy.DENY, event_code=EventCode.SIGNAL_TRIAGE_VIEW, action=Action.READ,
                subject=Subject("signals.signal", str(signal_id), None))
        raise AssertionError("unreachable")
    enforce(actor, policy.may_triage_inbox(actor, signal),
            event_code=EventCode.SIGNAL_TRIAGE_VIEW, action=Action.READ,
            subject=Subject.of(signal, signal.child_id))
    return signal


def signal_triage_of(signal: Signal) -> SignalTriage | None:
    """The triage already recorded (loaded with the signal by `signal_for_triage`)."""
    return signal.triage if _has_triage(signal) else None


def core_team_members(*, school_id: int) -> list[Professional]:
    """Who a signal of the school can be assigned to: its core team today (no child's data)."""
    ids = TeamMembership.objects.active_on(timezone.localdate()).filter(
        team__school_id=school_id, team__layer=TeamLayer.CORE).values("professional_id")
    return list(Professional.objects.filter(pk__in=ids).select_related("organisation")
                .order_by("full_name"))
