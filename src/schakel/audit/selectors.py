"""Reading the access log: the log administrator's viewer (itself logged) and the integrity
check of the hash chain."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.utils import timezone

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.audit.anchors import Anchor
from schakel.audit.chain import ALL_CHAIN_FIELDS, GENESIS, row_digest
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import AccessEvent, Action
from schakel.audit.reads import logged_read
from schakel.audit.writer import Subject

LOG_OBJECT_TYPE = "audit.accessevent"


@dataclass(frozen=True)
class AccessLogFilter:
    child_id: int | None = None
    user: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None


def _start_of(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def _filtered(filters: AccessLogFilter) -> QuerySet[AccessEvent]:
    events = AccessEvent.objects.all()
    if filters.child_id is not None:
        events = events.filter(child_id=filters.child_id)
    user = filters.user.strip()
    if user.isdigit():
        events = events.filter(user_id=int(user))
    elif user:
        events = events.filter(user_name__icontains=user)
    if filters.date_from is not None:
        events = events.filter(occurred_at__gte=_start_of(filters.date_from))
    if filters.date_to is not None:
        events = events.filter(occurred_at__lt=_start_of(filters.date_to + dt.timedelta(days=1)))
    return events.order_by("-occurred_at", "-pk")


@dataclass(frozen=True)
class AccessLogPage:
    page: Page[AccessEvent]
    child_id: int | None  # the child filtered on


def _page_subjects(read: AccessLogPage) -> list[Subject]:
    """One row per child on the page, or for the child looked up when the page is empty."""
    child_ids = sorted({event.child_id for event in read.page if event.child_id is not None})
    return [Subject(LOG_OBJECT_TYPE, "", child_id) for child_id in child_ids] or [
        Subject(LOG_OBJECT_TYPE, "", read.child_id)]


@logged_read(event_code=EventCode.ACCESS_LOG_READ, subjects=_page_subjects)
def access_log_page(
    *, actor: Actor, filters: AccessLogFilter, page_number: int | str | None,
) -> AccessLogPage:
    """A page of the access log, newest first. Only the log administrator; a refusal is a
    logged 404. Reading the log is logged too: one row per child on the page."""
    enforce(actor, policy.may_read_access_log(actor), event_code=EventCode.ACCESS_LOG_READ,
            action=Action.READ, subject=Subject(LOG_OBJECT_TYPE, "", filters.child_id))
    page = Paginator(_filtered(filters), settings.SCHAKEL_PAGE_SIZE).get_page(page_number)
    return AccessLogPage(page, filters.child_id)


# --- integrity ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ChainBreak:
    row_id: int
    reason: str


@dataclass(frozen=True)
class ChainReport:
    rows: int
    last_hash: str
    first_break: ChainBreak | None
    last_id: int | None = None

    @property
    def intact(self) -> bool:
        return self.first_break is None


def access_log_verify(
    *, chunk_size: int = 10_000, using: str = "default", anchor: Anchor | None = None,
) -> ChainReport:
    """Walk the hash chain in insertion (id) order, streamed, and stop at the first row whose
    link or hash is wrong. With the last `anchor`, also find a chain that was cut short: the
    row it names must still be there with its hash, and the log must be at least as long."""
    rows = (AccessEvent._base_manager.using(using).order_by("pk")
            .values_list("pk", "previous_hash", "row_hash", *ALL_CHAIN_FIELDS))
    previous = GENESIS
    count = 0
    last_id: int | None = None
    for pk, previous_hash, row_hash, *values in rows.iterator(chunk_size=chunk_size):
        if previous_hash != previous:
            return ChainReport(count, previous, ChainBreak(
                pk, "its previous_hash does not match the row before it (a row was removed, "
                    "inserted or reordered)"), last_id)
        if row_digest(values, previous_hash) != row_hash:
            return ChainReport(count, previous, ChainBreak(
                pk, "its row_hash does not match its contents (the row was changed)"), last_id)
        if anchor is not None and pk == anchor.last_id and row_hash != anchor.last_hash:
            return ChainReport(count, previous, ChainBreak(
                pk, f"it is not the row the anchor of {anchor.written_at} names (the log was "
                    "rewritten)"), last_id)
        previous = row_hash
        count += 1
        last_id = pk
    if anchor is not None and count < anchor.rows:
        return ChainReport(count, previous, ChainBreak(
            anchor.last_id or 0,
            f"the log has {count} rows, fewer than the {anchor.rows} of the anchor of "
            f"{anchor.written_at} (rows were removed from its end, or it was truncated)"),
            last_id)
    return ChainReport(count, previous, None, last_id)
