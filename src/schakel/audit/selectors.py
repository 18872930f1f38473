"""Reading the access log: the log administrator's viewer (itself logged) and the integrity
check of the hash chain."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import Count, Max, Q, QuerySet
from django.db.models.functions import ExtractHour, ExtractIsoWeekDay, TruncHour
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.audit import labels
from schakel.audit.anchors import Anchor
from schakel.audit.chain import ALL_CHAIN_FIELDS, GENESIS, row_digest
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import AccessEvent, Action, Basis, Outcome
from schakel.audit.reads import logged_read
from schakel.audit.writer import Subject
from schakel.cases.models import EmergencyAccess
from schakel.children.models import Child

LOG_OBJECT_TYPE = "audit.accessevent"


@dataclass(frozen=True)
class AccessLogFilter:
    child_id: int | None = None
    child_name: str = ""
    user: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    basis: str = ""
    refused_only: bool = False


def _start_of(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def _children_named(name: str) -> QuerySet[Child]:
    """Children whose first or last name contains every word of `name`."""
    children = Child.objects.all()
    for word in name.split():
        children = children.filter(Q(first_name__icontains=word) | Q(last_name__icontains=word))
    return children


def _filtered(filters: AccessLogFilter) -> QuerySet[AccessEvent]:
    events = AccessEvent.objects.all()
    if filters.child_id is not None:
        events = events.filter(child_id=filters.child_id)
    if filters.child_name.strip():
        events = events.filter(child_id__in=_children_named(filters.child_name).values("pk"))
    user = filters.user.strip()
    if user.isdigit():
        events = events.filter(user_id=int(user))
    elif user:
        events = events.filter(user_name__icontains=user)
    if filters.date_from is not None:
        events = events.filter(occurred_at__gte=_start_of(filters.date_from))
    if filters.date_to is not None:
        events = events.filter(occurred_at__lt=_start_of(filters.date_to + dt.timedelta(days=1)))
    if filters.basis:
        events = events.filter(basis=filters.basis)
    if filters.refused_only:
        events = events.filter(outcome=Outcome.DENIED)
    return events.order_by("-occurred_at", "-pk")


@dataclass(frozen=True)
class LogRow:
    """One row of the log as the viewer shows it: the stored values and their words."""

    event: AccessEvent
    child_name: str
    object_label: str
    ground: str
    basis: str
    css: str
    flag: str  # the text that says why the row is highlighted (not colour alone)


def _child_names(child_ids: set[int]) -> dict[int, str]:
    """The names of the children, in one query (a destroyed child has none)."""
    return {child.pk: child.full_name for child in
            Child.objects.filter(pk__in=child_ids).only("first_name", "last_name")}


def _flag(event: AccessEvent) -> str:
    if event.outcome == Outcome.DENIED:
        return str(_("Refused"))
    if labels.basis_value(event) == Basis.EMERGENCY:
        return str(_("Emergency access"))
    return ""


def _log_rows(events: list[AccessEvent]) -> list[LogRow]:
    names = _child_names({e.child_id for e in events if e.child_id is not None})
    return [LogRow(
        event=event,
        child_name=names.get(event.child_id, "") if event.child_id is not None else "",
        object_label=labels.object_label(event.object_type),
        ground=labels.ground_text(event.ground, outcome=event.outcome),
        basis=labels.basis_label(event), css=labels.row_css(event), flag=_flag(event),
    ) for event in events]


@dataclass(frozen=True)
class AccessLogPage:
    page: Page[AccessEvent]
    rows: list[LogRow]
    child_id: int | None  # the child filtered on


def _page_subjects(read: AccessLogPage) -> list[Subject]:
    """One row per child on the page, or for the child looked up when the page is empty."""
    child_ids = sorted({row.event.child_id for row in read.rows
                        if row.event.child_id is not None})
    return [Subject(LOG_OBJECT_TYPE, "", child_id) for child_id in child_ids] or [
        Subject(LOG_OBJECT_TYPE, "", read.child_id)]


@logged_read(event_code=EventCode.ACCESS_LOG_READ, subjects=_page_subjects)
def access_log_page(
    *, actor: Actor, filters: AccessLogFilter, page_number: int | str | None,
) -> AccessLogPage:
    """A page of the access log, newest first, with the children's names. Only the log
    administrator; a refusal is a logged 404. Reading the log is logged too: one row per
    child on the page."""
    enforce(actor, policy.may_read_access_log(actor), event_code=EventCode.ACCESS_LOG_READ,
            action=Action.READ, subject=Subject(LOG_OBJECT_TYPE, "", filters.child_id))
    page = Paginator(_filtered(filters), settings.SCHAKEL_PAGE_SIZE).get_page(page_number)
    return AccessLogPage(page, _log_rows(list(page.object_list)), filters.child_id)


def access_log_export_allowed(*, actor: Actor) -> None:
    """For the export form shown again with its error: the log administrator goes on, anyone
    else gets the logged 404. Reads no row."""
    enforce(actor, policy.may_read_access_log(actor), event_code=EventCode.ACCESS_LOG_EXPORT,
            action=Action.EXECUTE, subject=Subject(LOG_OBJECT_TYPE, "", None))


# --- unusual access: the privacy officer's dashboard -------------------------------------
#
# Counted in the database (aggregates over the indexed columns), never row by row in Python.


@dataclass(frozen=True)
class UserCount:
    user_id: int | None
    user_name: str
    organisation_name: str
    count: int


@dataclass(frozen=True)
class ManyChildren:
    user_id: int | None
    user_name: str
    organisation_name: str
    hour: dt.datetime
    children: int


@dataclass(frozen=True)
class EmergencyRow:
    row: LogRow
    reason: str
    expires_at: dt.datetime | None


@dataclass(frozen=True)
class AccessLogDashboard:
    since: dt.datetime
    refusals: list[UserCount]
    outside_hours: list[UserCount]
    many_children: list[ManyChildren]
    emergencies: list[EmergencyRow]
    office_hours: tuple[int, int]
    many_children_threshold: int


DASHBOARD_LIMIT = 20


def _per_user(events: QuerySet[AccessEvent]) -> list[UserCount]:
    counted = (events.order_by().values("user_id")
               .annotate(name=Max("user_name"), organisation=Max("organisation_name"),
                         n=Count("pk"))
               .order_by("-n", "user_id")[:DASHBOARD_LIMIT])
    return [UserCount(row["user_id"], row["name"], row["organisation"], row["n"])
            for row in counted]


def _outside_office_hours_q(start: int, end: int) -> Q:
    """Before `start`, from `end` o'clock, or on a Saturday or Sunday, in local time."""
    return Q(local_hour__lt=start) | Q(local_hour__gte=end) | Q(local_weekday__gte=6)


def _emergency_rows(since: dt.datetime) -> list[EmergencyRow]:
    events = list(AccessEvent.objects.filter(
        event_code=EventCode.CASE_EMERGENCY_ACCESS, outcome=Outcome.SUCCESS,
        occurred_at__gte=since).order_by("-occurred_at", "-pk")[:DASHBOARD_LIMIT])
    ids = {}
    for event in events:
        _kind, _sep, number = event.ground.rpartition("#")
        if number.isdigit():
            ids[event.pk] = int(number)
    accesses = {access.pk: access for access in
                EmergencyAccess.objects.filter(pk__in=set(ids.values()))}
    rows = []
    for row in _log_rows(events):
        access = accesses.get(ids.get(row.event.pk, 0))
        rows.append(EmergencyRow(row, access.reason if access else "",
                                 access.expires_at if access else None))
    return rows


def _dashboard_subjects(dashboard: AccessLogDashboard) -> list[Subject]:
    child_ids = sorted({e.row.event.child_id for e in dashboard.emergencies
                        if e.row.event.child_id is not None})
    return [Subject(LOG_OBJECT_TYPE, "dashboard", child_id) for child_id in child_ids] or [
        Subject(LOG_OBJECT_TYPE, "dashboard", None)]


@logged_read(event_code=EventCode.ACCESS_LOG_READ, subjects=_dashboard_subjects)
def access_log_dashboard(*, actor: Actor) -> AccessLogDashboard:
    """Unusual access over the last `SCHAKEL_AUDIT_DASHBOARD_DAYS` days: refusals per user,
    reads by professionals outside office hours (`SCHAKEL_AUDIT_OFFICE_HOURS`, local time,
    weekends), users who opened at least `SCHAKEL_AUDIT_MANY_CHILDREN` different children
    within one clock hour, and the emergency accesses with their reasons. Only the log
    administrator; reading it is logged."""
    enforce(actor, policy.may_read_access_log(actor), event_code=EventCode.ACCESS_LOG_READ,
            action=Action.READ, subject=Subject(LOG_OBJECT_TYPE, "dashboard", None))
    since = timezone.now() - dt.timedelta(days=settings.SCHAKEL_AUDIT_DASHBOARD_DAYS)
    recent = AccessEvent.objects.filter(occurred_at__gte=since)
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    start, end = settings.SCHAKEL_AUDIT_OFFICE_HOURS
    threshold = settings.SCHAKEL_AUDIT_MANY_CHILDREN
    professionals_reading = recent.filter(action=Action.READ, outcome=Outcome.SUCCESS).exclude(
        organisation_name="")
    outside = professionals_reading.annotate(
        local_hour=ExtractHour("occurred_at", tzinfo=zone),
        local_weekday=ExtractIsoWeekDay("occurred_at", tzinfo=zone),
    ).filter(_outside_office_hours_q(start, end))
    bursts = (professionals_reading.filter(child_id__isnull=False).order_by()
              .values("user_id", hour=TruncHour("occurred_at", tzinfo=zone))
              .annotate(name=Max("user_name"), organisation=Max("organisation_name"),
                        children=Count("child_id", distinct=True))
              .filter(children__gte=threshold)
              .order_by("-children", "-hour")[:DASHBOARD_LIMIT])
    return AccessLogDashboard(
        since=since,
        refusals=_per_user(recent.filter(outcome=Outcome.DENIED)),
        outside_hours=_per_user(outside),
        many_children=[ManyChildren(row["user_id"], row["name"], row["organisation"],
                                    row["hour"], row["children"]) for row in bursts],
        emergencies=_emergency_rows(since),
        office_hours=(start, end), many_children_threshold=threshold,
    )


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
