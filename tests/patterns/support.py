"""Signals at chosen moments, for the rode-draad tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from schakel.signals.models import Signal
from tests.factories import SignalFactory

BASE = dt.datetime(2026, 3, 2, 12, 0, tzinfo=dt.UTC)


def signal_at(moment: dt.datetime, **kwargs: Any) -> Signal:
    """A signal raised at `moment` (raised_at is set on insert, so it is moved after)."""
    signal: Signal = SignalFactory(**kwargs)
    Signal.objects.filter(pk=signal.pk).update(raised_at=moment)
    signal.raised_at = moment
    return signal


def days_ago_at_noon(days: int) -> dt.datetime:
    return timezone.now().replace(hour=11, minute=0, second=0, microsecond=0) - dt.timedelta(
        days=days)
