"""`patterns_detect_job`, daily from the schedule: the rode draden up to the start of the day
it was scheduled for. Run twice, it stores nothing new."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django_tasks import task

from schakel.patterns.services import patterns_detect


@task(queue_name="default")
def patterns_detect_job(today: str) -> int:
    day = dt.date.fromisoformat(today)
    end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(),
                              tzinfo=timezone.get_current_timezone())
    return patterns_detect(as_of=min(end, timezone.now()))
