"""Writes of the rode draad: the detection run (the schedule's job, as Schakel itself) and the
kernteam's handling of a pattern — discussed, escalated to management with a note (seed 004,
Bijlage D, voorbeeld 3), closed — each checked against `workflow.TRANSITIONS`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db.models import Max, Min
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.access import policy
from schakel.access.actor import Actor, system_actor
from schakel.accounts.models import User
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.writer import Subject, access_event_record, access_events_record
from schakel.notifications.models import NotificationKind
from schakel.notifications.services import notification_send
from schakel.patterns.detection import (
    Scope,
    Trigger,
    in_scope,
    signals_with_class,
    thresholds,
    triggers,
    window,
)
from schakel.patterns.models import Pattern, PatternStatus
from schakel.patterns.workflow import OPEN, may_follow
from schakel.transactions import service_transaction

NOTE_MAX = 2000
Key = tuple[int, int | None, int]


def _key(pattern: Pattern) -> Key:
    return (pattern.school_id, pattern.school_class_id, pattern.theme_id)


def _episodes(found: Iterable[Trigger], latest: dict[Key, Pattern], span: dt.timedelta,
              now: dt.datetime) -> list[Pattern]:
    """The patterns to store: a trigger whose window overlaps the latest pattern of its
    scope and theme belongs to that episode (an open pattern grows to it; an escalated or
    closed one is left alone), any other starts a new pattern. Walks the triggers, never
    the signals."""
    touched: dict[int | Key, Pattern] = {}
    for trigger in found:
        key = (trigger.school_id, trigger.class_id, trigger.theme_id)
        current = latest.get(key)
        if current is not None and current.period_end > trigger.raised_at - span:
            if current.status in OPEN and trigger.raised_at > current.period_end:
                current.period_end = trigger.raised_at
                touched[current.pk or key] = current
            continue
        pattern = Pattern(school_id=trigger.school_id, school_class_id=trigger.class_id,
                          theme_id=trigger.theme_id, period_start=trigger.raised_at - span,
                          period_end=trigger.raised_at, signal_count=0, detected_at=now)
        latest[key] = touched[key] = pattern
    return list(touched.values())


def _count_signals(pattern: Pattern, scope: Scope, *, new: bool) -> None:
    """Store the signals the pattern counts: for a new one those of its window (after its
    start), for a grown one all from its first to its last."""
    signals = in_scope(signals_with_class(), scope, school_id=pattern.school_id,
                       class_id=pattern.school_class_id, theme_id=pattern.theme_id)
    signals = (signals.filter(raised_at__gt=pattern.period_start) if new
               else signals.filter(raised_at__gte=pattern.period_start))
    signals = signals.filter(raised_at__lte=pattern.period_end)
    span = signals.aggregate(first=Min("raised_at"), last=Max("raised_at"))
    ids = list(signals.values_list("pk", flat=True))
    pattern.period_start, pattern.period_end = span["first"], span["last"]
    pattern.signal_count = len(ids)
    pattern.save()
    pattern.signals.set(ids)


def patterns_detect(*, as_of: dt.datetime | None = None,
                    school_ids: list[int] | None = None) -> int:
    """Find the rode draden up to `as_of` (now): new patterns, and later signals added to
    open ones. Run twice, the second run changes nothing. Returns how many were stored."""
    now = timezone.now()
    until = as_of or now
    span = window()
    stored = 0
    with service_transaction():
        for scope, threshold in thresholds().items():
            found = triggers(scope=scope, threshold=threshold, window=span, until=until,
                             school_ids=school_ids)
            existing = Pattern.objects.filter(school_class__isnull=(scope == Scope.SCHOOL))
            if school_ids is not None:
                existing = existing.filter(school_id__in=school_ids)
            latest: dict[Key, Pattern] = {}
            for pattern in existing.order_by("period_end", "pk"):
                latest[_key(pattern)] = pattern
            changed = _episodes(found, latest, span, now)
            for pattern in changed:
                _count_signals(pattern, scope, new=pattern.pk is None)
            stored += len(changed)
            access_events_record(
                actor=system_actor(), event_code=EventCode.PATTERN_DETECT,
                action=Action.UPDATE, subjects=[Subject.of(p, None) for p in changed],
                ground=policy.Ground.NONE)
    return stored


def _change_allowed(actor: Actor, pattern: Pattern, code: EventCode) -> policy.Decision:
    return enforce(actor, policy.may_change_pattern(actor, pattern), event_code=code,
                   action=Action.UPDATE, subject=Subject.of(pattern, None))


def _refuse_unless_follows(pattern: Pattern, new: PatternStatus) -> None:
    if may_follow(pattern.status, new):
        return
    if new == PatternStatus.ESCALATED and pattern.status == PatternStatus.ESCALATED:
        raise ValidationError(_("This pattern has already been escalated to management."))
    if pattern.status == PatternStatus.CLOSED:
        raise ValidationError(_("This pattern is closed; it cannot be changed any more."))
    if pattern.status == PatternStatus.PROPOSED:
        raise ValidationError(_("Discuss the pattern in the core team first."))
    raise ValidationError(_("A pattern that is %(current)s cannot become %(new)s.") % {
        "current": pattern.get_status_display().lower(), "new": new.label.lower()})


def _locked(pattern: Pattern) -> Pattern:
    return Pattern.objects.select_for_update().get(pk=pattern.pk)


def _set_status(actor: Actor, pattern: Pattern, new: PatternStatus) -> Pattern:
    decision = _change_allowed(actor, pattern, EventCode.PATTERN_STATUS)
    with service_transaction():
        pattern = _locked(pattern)
        _refuse_unless_follows(pattern, new)
        pattern.status = new
        pattern.changed_at = timezone.now()
        pattern.changed_by = actor.require_professional()
        pattern.save(update_fields=["status", "changed_at", "changed_by"])
        access_event_record(actor=actor, event_code=EventCode.PATTERN_STATUS,
                            action=Action.UPDATE, subject=Subject.of(pattern, None),
                            ground=decision.log_ground)
    return pattern


def pattern_mark_discussed(*, actor: Actor, pattern: Pattern) -> Pattern:
    return _set_status(actor, pattern, PatternStatus.DISCUSSED)


def pattern_close(*, actor: Actor, pattern: Pattern) -> Pattern:
    return _set_status(actor, pattern, PatternStatus.CLOSED)


def pattern_escalate(*, actor: Actor, pattern: Pattern, note: str) -> Pattern:
    """Escalate to the school's management with a note; management is told, content-free
    (the theme and where, never a child)."""
    decision = _change_allowed(actor, pattern, EventCode.PATTERN_ESCALATE)
    note = note.strip()
    if not note:
        raise ValidationError({"note": _("Write what you ask of management.")})
    if len(note) > NOTE_MAX:
        raise ValidationError({"note": _("Keep the note under %(n)s characters.") % {
            "n": NOTE_MAX}})
    me = actor.require_professional()
    with service_transaction():
        pattern = _locked(pattern)
        _refuse_unless_follows(pattern, PatternStatus.ESCALATED)
        now = timezone.now()
        pattern.status = PatternStatus.ESCALATED
        pattern.escalation_note = note
        pattern.escalated_at = pattern.changed_at = now
        pattern.escalated_by = pattern.changed_by = me
        pattern.save(update_fields=["status", "escalation_note", "escalated_at",
                                    "escalated_by", "changed_at", "changed_by"])
        access_event_record(actor=actor, event_code=EventCode.PATTERN_ESCALATE,
                            action=Action.UPDATE, subject=Subject.of(pattern, None),
                            ground=decision.log_ground)
        recipients = User.objects.filter(
            policy.school_management_q(pattern.school_id, prefix="professional__"),
            is_active=True)
        theme = pattern.theme.display_label
        where = pattern.school_class.name if pattern.school_class else pattern.school.name
        notification_send(
            recipients=recipients, kind=NotificationKind.PATTERN_ESCALATED,
            message=lambda: _("The core team escalated a rode draad to management: "
                              "%(theme)s in %(where)s.") % {"theme": theme, "where": where},
            link=reverse("patterns:detail", args=[pattern.pk]))
    return pattern
