"""The window rule of the rode draad, in SQL (docs/patterns.md).

A signal *completes* a pattern when, counting itself, at least `threshold` signals of its theme
were raised in its scope (its class, or its whole school) in the `window` before it: raised
after `raised_at - window` and no later than `raised_at`. So signals exactly `window` apart
are not within one window; one second less is. The count is a correlated subquery per signal
(the database groups; Python never walks the signals).

A signal's class is the class a class signal names, or for a signal about a child the class
of the child's enrolment at the school on the day it was raised."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from django.conf import settings
from django.db.models import (
    Count,
    DateTimeField,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce, TruncDate

from schakel.children.models import Enrolment
from schakel.signals.models import Signal


class Scope(StrEnum):
    CLASS = "class"
    SCHOOL = "school"


def window() -> dt.timedelta:
    return dt.timedelta(weeks=int(settings.SCHAKEL_PATTERN_WINDOW_WEEKS))


def thresholds() -> dict[Scope, int]:
    return {Scope.CLASS: int(settings.SCHAKEL_PATTERN_CLASS_THRESHOLD),
            Scope.SCHOOL: int(settings.SCHAKEL_PATTERN_SCHOOL_THRESHOLD)}


@dataclass(frozen=True)
class Trigger:
    """A signal that completes a pattern: the scope it counts in and when it was raised."""

    school_id: int
    class_id: int | None
    theme_id: int
    raised_at: dt.datetime
    count: int


def signals_with_class() -> QuerySet[Signal]:
    """Every signal with `class_id`: its own class, or its child's class on the day."""
    enrolment_class = Enrolment.objects.filter(
        Q(end_date__isnull=True) | Q(end_date__gte=OuterRef("day")),
        child_id=OuterRef("child_id"), school_id=OuterRef("school_id"),
        start_date__lte=OuterRef("day"), school_class__isnull=False,
    ).order_by("-start_date", "-pk").values("school_class_id")[:1]
    return Signal.objects.annotate(
        day=TruncDate("raised_at"),
        class_id=Coalesce(F("school_class_id"), Subquery(enrolment_class),
                          output_field=IntegerField()))


def in_scope(signals: QuerySet[Signal], scope: Scope, *, school_id: int | OuterRef,
             class_id: int | OuterRef | None, theme_id: int | OuterRef) -> QuerySet[Signal]:
    lookups: dict[str, object] = {"school_id": school_id, "theme_id": theme_id}
    if scope == Scope.CLASS:
        lookups["class_id"] = class_id
    return signals.filter(Q(**lookups))


def _window_count(scope: Scope, window: dt.timedelta) -> Subquery:
    earlier = in_scope(
        signals_with_class(), scope, school_id=OuterRef("school_id"),
        class_id=OuterRef("class_id"), theme_id=OuterRef("theme_id"),
    ).filter(
        raised_at__gt=ExpressionWrapper(OuterRef("raised_at") - Value(window),
                                        output_field=DateTimeField()),
        raised_at__lte=OuterRef("raised_at"),
    )
    return Subquery(earlier.order_by().values("school_id").annotate(n=Count("pk")).values("n"),
                    output_field=IntegerField())


def triggers(*, scope: Scope, threshold: int, window: dt.timedelta,
             until: dt.datetime, since: dt.datetime | None = None,
             school_ids: list[int] | None = None) -> list[Trigger]:
    """The signals raised up to `until` (and after `since`) that complete a pattern of the
    scope, ordered by scope, theme and time."""
    signals = signals_with_class().filter(raised_at__lte=until)
    if since is not None:
        signals = signals.filter(raised_at__gt=since)
    if school_ids is not None:
        signals = signals.filter(school_id__in=school_ids)
    if scope == Scope.CLASS:
        signals = signals.filter(Q(class_id__isnull=False))
    order = ("school_id", "class_id") if scope == Scope.CLASS else ("school_id",)
    rows = (signals.annotate(n=_window_count(scope, window)).filter(n__gte=threshold)
            .order_by(*order, "theme_id", "raised_at", "pk")
            .values_list("school_id", "class_id", "theme_id", "raised_at", "n"))
    return [Trigger(school_id=school, class_id=klass if scope == Scope.CLASS else None,
                    theme_id=theme, raised_at=raised, count=n)
            for school, klass, theme, raised, n in rows]
