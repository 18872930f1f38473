"""The access log of a child's file as parents and young people read it in the portal ("wie
heeft gekeken"): newest first, one line per person per day."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import Count, Max
from django.db.models.functions import TruncDate

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.audit import labels as log_labels
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import AccessEvent, Action, Outcome
from schakel.audit.reads import logged_read
from schakel.audit.writer import Subject
from schakel.children.models import Child


@dataclass(frozen=True)
class PortalLogLine:
    """What one person did with the file on one day: how often, what, on which ground."""

    day: dt.date
    user_name: str
    organisation_name: str
    user_function: str
    count: int
    last_at: dt.datetime
    what: list[str]
    grounds: list[str]
    refused: bool


_LINE_KEY = ("day", "user_id", "user_name", "organisation_name", "user_function")


def _log_lines(child: Child, groups: list[dict[str, Any]]) -> list[PortalLogLine]:
    """The details of the groups of one page, in one query over their distinct kinds."""
    if not groups:
        return []
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    first_day = min(group["day"] for group in groups)
    last_day = max(group["day"] for group in groups)
    start = dt.datetime.combine(first_day, dt.time.min, tzinfo=zone)
    end = dt.datetime.combine(last_day + dt.timedelta(days=1), dt.time.min, tzinfo=zone)
    kinds = (AccessEvent.objects.filter(
        child_id=child.pk, occurred_at__gte=start, occurred_at__lt=end,
        user_id__in={group["user_id"] for group in groups})
        .exclude(policy.meldcode_log_rows_hidden_from_family_q(child.pk))
        .annotate(day=TruncDate("occurred_at", tzinfo=zone)).order_by()
        .values(*_LINE_KEY, "action", "object_type", "outcome", "ground").distinct())
    what: dict[tuple[Any, ...], dict[str, None]] = defaultdict(dict)
    grounds: dict[tuple[Any, ...], dict[str, None]] = defaultdict(dict)
    refused: set[tuple[Any, ...]] = set()
    for kind in kinds:
        key = tuple(kind[name] for name in _LINE_KEY)
        event = AccessEvent(action=kind["action"], object_type=kind["object_type"],
                            outcome=kind["outcome"])
        what[key][log_labels.what_text(event)] = None
        grounds[key][log_labels.ground_text(kind["ground"], outcome=kind["outcome"])] = None
        if kind["outcome"] == Outcome.DENIED:
            refused.add(key)
    lines = []
    for group in groups:
        key = tuple(group[name] for name in _LINE_KEY)
        lines.append(PortalLogLine(
            day=group["day"], user_name=group["user_name"],
            organisation_name=group["organisation_name"], user_function=group["user_function"],
            count=group["n"], last_at=group["last_at"], what=list(what[key]),
            grounds=list(grounds[key]), refused=key in refused))
    return lines


def _access_log_subjects(read: tuple[Child, Page[PortalLogLine]]) -> list[Subject]:
    return [Subject("audit.accessevent", "", read[0].pk)]


@logged_read(event_code=EventCode.PORTAL_ACCESS_LOG, subjects=_access_log_subjects)
def portal_access_log_page(
    *, actor: Actor, child_id: int, page_number: int | str | None,
) -> tuple[Child, Page[PortalLogLine]]:
    """Who looked at the child's file, newest first: one line per person per day, with how
    often, from which organisation, in which function, what they did and on which ground, in
    words (NEN 7513; AVG art. 15). Counted in the database. Reading it is logged too."""
    child = Child.objects.filter(pk=child_id).first()
    subject = Subject("audit.accessevent", "", child.pk if child else None)
    enforce(actor, policy.may_read_access_log_in_portal(actor, child) if child
            else policy.DENY, event_code=EventCode.PORTAL_ACCESS_LOG, action=Action.READ,
            subject=subject)
    assert child is not None  # noqa: S101 - enforce raised otherwise
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    groups = (AccessEvent.objects.filter(child_id=child.pk)
              .exclude(policy.meldcode_log_rows_hidden_from_family_q(child.pk))
              .annotate(day=TruncDate("occurred_at", tzinfo=zone)).order_by()
              .values(*_LINE_KEY)
              .annotate(n=Count("pk"), last_at=Max("occurred_at"))
              .order_by("-day", "-last_at"))
    page: Page[Any] = Paginator(groups, settings.SCHAKEL_PAGE_SIZE).get_page(page_number)
    page.object_list = _log_lines(child, list(page.object_list))
    return child, page
