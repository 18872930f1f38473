"""Background jobs of cases: the reminders of agreements (daily, from the schedule)."""

from __future__ import annotations

import datetime as dt

from django_tasks import task

from schakel.cases.services.reminders import agreement_reminders_send


@task()
def agreement_reminders_job(*, today: str) -> dict[str, int]:
    """Send the reminders due on `today` (ISO date: the day of the schedule's period) that
    were not sent before; how many of each kind."""
    sent = agreement_reminders_send(today=dt.date.fromisoformat(today))
    return {"due_soon": sent.due_soon, "overdue": sent.overdue}
