"""What the demo stories share: who acts, and moving the dates of what the services created
back in time so that the demo has a history.

The services stamp everything with "now" and refuse due dates in the past, as they should
for real work. A demo world needs a past: a case opened five weeks ago, an agreement that is
overdue. After a service has created a record (and written its access-log row), the demo
moves the record's own dates back with a plain update. The access log is left as it is: it
truly records when the demo was loaded.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import models
from django.utils import timezone

from schakel.access.actor import Actor
from schakel.children.models import Child
from schakel.demo.world import Places
from schakel.organisations.models import Professional
from schakel.signals.models import Theme


@dataclass
class Cast:
    """Everything a story needs: the places, the people, the children and today."""

    places: Places
    professionals: dict[str, Professional]
    children: dict[str, Child]
    today: dt.date

    def actor(self, username: str) -> Actor:
        professional = self.professionals[username]
        return Actor(user=professional.user, professional=professional)

    def days_ago(self, days: int) -> dt.date:
        return self.today - dt.timedelta(days=days)

    def moment(self, days_ago: int, hour: int = 10) -> dt.datetime:
        """A moment `days_ago` days before today, at `hour` o'clock local time."""
        day = self.days_ago(days_ago)
        return dt.datetime(day.year, day.month, day.day, hour,
                           tzinfo=timezone.get_current_timezone())


def theme(code: str) -> Theme:
    return Theme.objects.get(code=code)


def backdate(obj: models.Model, **fields: object) -> None:
    """Move dates of a record the services just created (see the module docstring)."""
    type(obj)._default_manager.filter(pk=obj.pk).update(**fields)
    for name, value in fields.items():
        setattr(obj, name, value)
