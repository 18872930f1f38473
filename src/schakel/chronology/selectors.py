"""The chronology of a child: one timeline, newest first, of what the reader may see of the
child's signals, cases, plan, agreements, help, consultations, conversation notes,
hand-overs, measures, consents and meetings.

The policy decides per entry in the query: each kind is a queryset filtered by the policy's
filters (the cases the reader may read, decided per case by `policy.child_case_reads`; the
notes per case and category; the signals, hand-overs and meetings by their `*_q` filters;
measures and consents as a whole), all of them one UNION of the same columns, sorted and
paged in the database. A constant number of queries, however long the chronology.

Reading a page is logged as a read of the child and of each entry shown (one row each, one
insert); printing it as an export of the same."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import (
    BigIntegerField,
    Expression,
    F,
    QuerySet,
    TextField,
    Value,
)
from django.db.models.functions import Cast, Concat, TruncDate
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.reads import logged_read
from schakel.audit.writer import Subject, access_events_record
from schakel.cases.models import (
    Agreement,
    AgreementStatus,
    Case,
    Consultation,
    Intervention,
    PlanStepEntry,
)
from schakel.children.models import Child, Measure, MeasureKind
from schakel.chronology.kinds import KIND_OF, OBJECT_TYPE, EntryType, Kind
from schakel.consent.models import Consent, InformationCategory
from schakel.handover.models import Handover, HandoverKind, HandoverStatus
from schakel.meetings.models import Meeting, MeetingKind
from schakel.notes.models import ConversationNote, NoteKind
from schakel.signals.models import Signal, Theme

PAGE_SIZE = 25
# A printed chronology holds at most this many entries (the newest); the print says so.
PRINT_LIMIT = 1000

COLUMNS = ("e_kind", "e_day", "e_id", "e_case", "e_text", "e_title")
ORDER = ("-e_day", "-e_kind", "-e_id")


@dataclass(frozen=True)
class ChronologyFilter:
    """The kinds to show (empty: all) and the period, both ends included."""

    kinds: frozenset[Kind] = frozenset()
    date_from: dt.date | None = None
    date_to: dt.date | None = None

    def shows(self, kind: Kind) -> bool:
        return not self.kinds or kind in self.kinds

    @property
    def kind_labels(self) -> list[str]:
        """The kinds chosen, in the order of the form."""
        return [str(kind.label) for kind in Kind if kind in self.kinds]


@dataclass(frozen=True)
class Entry:
    entry_type: EntryType
    day: dt.date
    object_id: int
    case_id: int | None
    title: str
    text: str
    # The reader may open the entry's case (a link to it).
    case_readable: bool

    @property
    def kind(self) -> Kind:
        return KIND_OF[self.entry_type]

    @property
    def label(self) -> str:
        return str(self.entry_type.label)

    @property
    def key(self) -> tuple[str, int]:
        return (self.entry_type.value, self.object_id)


@dataclass(frozen=True)
class ChronologyPage:
    child: Child
    filters: ChronologyFilter
    page: Page[Entry]


@dataclass(frozen=True)
class ChronologyPrint:
    child: Child
    filters: ChronologyFilter
    entries: list[Entry]
    truncated: bool
    printed_at: dt.datetime = field(default_factory=timezone.localtime)


# --- the parts of the union ----------------------------------------------------------------


@dataclass(frozen=True)
class _Scope:
    actor: Actor
    child: Child
    filters: ChronologyFilter
    case_reads: list[tuple[Case, policy.Decision]]
    # The `may_read_child` decision of the page.
    child_read: policy.Decision

    @property
    def case_ids(self) -> list[int]:
        return [case.pk for case, _decision in self.case_reads]

    @property
    def readable_ids(self) -> list[int]:
        return [case.pk for case, decision in self.case_reads if decision]


def _text(expression: Expression | str) -> Cast:
    return Cast(F(expression) if isinstance(expression, str) else expression, TextField())


NO_CASE = Cast(Value(None), BigIntegerField())
NO_TEXT = Cast(Value(""), TextField())


def _part(queryset: QuerySet[Any], entry_type: EntryType, scope: _Scope, *,
          day: Expression | str, title: Expression | str, text: Expression | str,
          case: Expression | str = "case_id") -> QuerySet[Any]:
    """One kind as the union's columns, in the same order for every part, within the period."""
    part = queryset.order_by().annotate(
        e_kind=Cast(Value(entry_type.value), TextField()),
        e_day=F(day) if isinstance(day, str) else day,
        e_id=F("pk"),
        e_case=F(case) if isinstance(case, str) else case,
        e_text=_text(text),
        e_title=_text(title),
    )
    if scope.filters.date_from is not None:
        part = part.filter(e_day__gte=scope.filters.date_from)
    if scope.filters.date_to is not None:
        part = part.filter(e_day__lte=scope.filters.date_to)
    values: QuerySet[Any] = part.values(*COLUMNS)
    return values


def _case_parts(scope: _Scope) -> list[QuerySet[Any]]:
    """Everything that is the content of a case: only of the cases the reader may read."""
    readable = scope.readable_ids
    shows = scope.filters.shows
    parts: list[QuerySet[Any]] = []
    if shows(Kind.CASES):
        cases = Case.objects.filter(pk__in=readable)
        parts.append(_part(cases, EntryType.CASE_OPENED, scope, day=TruncDate("opened_at"),
                           case="pk", title="title", text="reference"))
        parts.append(_part(cases.filter(closed_at__isnull=False), EntryType.CASE_CLOSED, scope,
                           day=TruncDate("closed_at"), case="pk", title="title",
                           text="closure_reason"))
    if shows(Kind.PLAN):
        parts.append(_part(
            PlanStepEntry.objects.filter(case_id__in=readable), EntryType.PLAN_VERSION, scope,
            day=TruncDate("filled_in_at"), text="content",
            title=Concat(_text("step"), Value("."), _text("version"), output_field=TextField())))
    if shows(Kind.AGREEMENTS):
        parts.append(_part(Agreement.objects.filter(case_id__in=readable), EntryType.AGREEMENT,
                           scope, day=TruncDate("created_at"), title="description",
                           text="status"))
    if shows(Kind.INTERVENTIONS):
        parts.append(_part(Intervention.objects.filter(case_id__in=readable),
                           EntryType.INTERVENTION, scope, day="start_date",
                           title="description", text="provider"))
    if shows(Kind.CONSULTATIONS):
        parts.append(_part(Consultation.objects.filter(case_id__in=readable),
                           EntryType.CONSULTATION, scope, day=TruncDate("recorded_at"),
                           title=NO_TEXT, text="signals_seen"))
    if shows(Kind.NOTES):
        notes = ConversationNote.objects.filter(replaced_by__isnull=True).filter(
            policy.notes_readable_q(scope.actor, scope.case_reads))
        parts.append(_part(notes, EntryType.NOTE, scope, day="held_on", title="kind",
                           text="text"))
    return parts


def _parts(scope: _Scope) -> list[QuerySet[Any]]:
    actor, child, shows = scope.actor, scope.child, scope.filters.shows
    parts: list[QuerySet[Any]] = []
    if shows(Kind.SIGNALS):
        signals = Signal.objects.filter(child=child).filter(
            policy.signals_readable_q(actor, scope.case_reads))
        parts.append(_part(signals, EntryType.SIGNAL, scope, day=TruncDate("raised_at"),
                           title="theme_id", text="description"))
    parts += _case_parts(scope)
    if shows(Kind.HANDOVERS):
        handovers = Handover.objects.filter(case_id__in=scope.case_ids).filter(
            policy.handovers_visible_q(actor))
        parts.append(_part(handovers, EntryType.HANDOVER, scope, day=TruncDate("offered_at"),
                           title="kind", text="status"))
    if shows(Kind.MEASURES) and policy.may_read_measures(actor, child,
                                                          read=scope.child_read):
        parts.append(_part(Measure.objects.filter(child=child), EntryType.MEASURE, scope,
                           day="start_date", case=NO_CASE, title="kind",
                           text="organisation__name"))
    if shows(Kind.CONSENTS) and policy.may_read_consent(actor, child,
                                                         read=scope.child_read):
        consents = Consent.objects.filter(child=child)
        parts.append(_part(consents, EntryType.CONSENT_GIVEN, scope, day="given_at",
                           case=NO_CASE, title="category", text="organisation__name"))
        parts.append(_part(consents.filter(withdrawn_at__isnull=False),
                           EntryType.CONSENT_WITHDRAWN, scope, day=TruncDate("withdrawn_at"),
                           case=NO_CASE, title="category", text="organisation__name"))
    if shows(Kind.MEETINGS):
        meetings = Meeting.objects.filter(case_id__in=scope.case_ids).filter(
            policy.meetings_visible_q(actor))
        parts.append(_part(meetings, EntryType.MEETING, scope, day=TruncDate("starts_at"),
                           title="kind", text="school__name"))
    return parts


def _union(scope: _Scope) -> QuerySet[Any] | None:
    parts = _parts(scope)
    if not parts:
        return None
    first, *rest = parts
    return first.union(*rest, all=True).order_by(*ORDER)


# --- from rows to entries ------------------------------------------------------------------


def _labels(choices: Iterable[tuple[str, Any]]) -> dict[str, str]:
    return {value: str(label) for value, label in choices}


def _plan_title(raw: str) -> str:
    step, _dot, version = raw.partition(".")
    return _("Step %(step)s, version %(version)s") % {"step": step, "version": version}


def _entries(rows: list[dict[str, Any]], readable: set[int]) -> list[Entry]:
    theme_ids = {int(row["e_title"]) for row in rows if row["e_kind"] == EntryType.SIGNAL}
    themes = {str(theme.pk): theme.display_label
              for theme in Theme.objects.filter(pk__in=theme_ids)} if theme_ids else {}
    titles: Mapping[EntryType, Mapping[str, str]] = {
        EntryType.SIGNAL: themes,
        EntryType.NOTE: _labels(NoteKind.choices),
        EntryType.HANDOVER: _labels(HandoverKind.choices),
        EntryType.MEASURE: _labels(MeasureKind.choices),
        EntryType.CONSENT_GIVEN: _labels(InformationCategory.choices),
        EntryType.CONSENT_WITHDRAWN: _labels(InformationCategory.choices),
        EntryType.MEETING: _labels(MeetingKind.choices),
    }
    texts: Mapping[EntryType, Mapping[str, str]] = {
        EntryType.AGREEMENT: _labels(AgreementStatus.choices),
        EntryType.HANDOVER: _labels(HandoverStatus.choices),
    }
    entries = []
    for row in rows:
        entry_type = EntryType(row["e_kind"])
        title, text = row["e_title"] or "", row["e_text"] or ""
        if entry_type == EntryType.PLAN_VERSION:
            title = _plan_title(title)
        title = titles.get(entry_type, {}).get(title, title)
        text = texts.get(entry_type, {}).get(text, text)
        day = row["e_day"]
        if isinstance(day, str):  # pragma: no cover - a backend that returns text
            day = dt.date.fromisoformat(day)
        case_id = row["e_case"]
        entries.append(Entry(entry_type, day, row["e_id"], case_id, title, text,
                             case_id is not None and case_id in readable))
    return entries


def _subjects(child: Child, entries: Iterable[Entry]) -> list[Subject]:
    """The child, and each object an entry shows, once."""
    subjects = [Subject.of(child, child.pk)]
    seen: set[tuple[str, int]] = set()
    for entry in entries:
        object_type = OBJECT_TYPE[entry.entry_type]
        if (object_type, entry.object_id) not in seen:
            seen.add((object_type, entry.object_id))
            subjects.append(Subject(object_type, str(entry.object_id), child.pk))
    return subjects


def _page_subjects(page: ChronologyPage) -> list[Subject]:
    return _subjects(page.child, page.page.object_list)


# --- the reads -----------------------------------------------------------------------------


def _child_read(actor: Actor, child_id: int, event_code: EventCode,
                action: Action) -> tuple[Child, policy.Decision]:
    """The rule of the child's page (`policy.may_read_child`); anyone else gets the same
    logged 404."""
    child = Child.objects.select_related("family").filter(pk=child_id).first()
    decision = policy.may_read_child(actor, child) if child is not None else policy.DENY
    enforce(actor, decision, event_code=event_code, action=action,
            subject=Subject("children.child", str(child_id), child.pk if child else None))
    assert child is not None  # noqa: S101 - enforce raised otherwise
    return child, decision


def _scope(actor: Actor, child: Child, filters: ChronologyFilter,
           child_read: policy.Decision) -> _Scope:
    return _Scope(actor, child, filters, policy.child_case_reads(actor, child), child_read)


@logged_read(event_code=EventCode.CHILD_CHRONOLOGY, subjects=_page_subjects)
def chronology_page(*, actor: Actor, child_id: int, filters: ChronologyFilter,
                    page_number: int | str | None) -> ChronologyPage:
    """One page of the child's chronology, newest first, with what the reader may see."""
    child, decision = _child_read(actor, child_id, EventCode.CHILD_CHRONOLOGY, Action.READ)
    scope = _scope(actor, child, filters, decision)
    union = _union(scope)
    rows: QuerySet[Any] | list[Any] = union if union is not None else []
    paginator: Paginator[Any] = Paginator(rows, PAGE_SIZE)
    shown = paginator.get_page(page_number)
    entries = _entries(list(shown.object_list), set(scope.readable_ids))
    return ChronologyPage(child, filters, Page(entries, shown.number, paginator))


def chronology_for_print(*, actor: Actor, child_id: int,
                         filters: ChronologyFilter) -> ChronologyPrint:
    """The whole chronology (as filtered, at most `PRINT_LIMIT` entries) for the PDF. The
    print is logged as an export (E) of the child and of each entry printed."""
    child, decision = _child_read(actor, child_id, EventCode.CHILD_CHRONOLOGY_PRINT,
                                  Action.EXECUTE)
    scope = _scope(actor, child, filters, decision)
    union = _union(scope)
    rows = list(union[:PRINT_LIMIT + 1]) if union is not None else []
    entries = _entries(rows[:PRINT_LIMIT], set(scope.readable_ids))
    access_events_record(actor=actor, event_code=EventCode.CHILD_CHRONOLOGY_PRINT,
                         action=Action.EXECUTE, subjects=_subjects(child, entries),
                         ground=decision.log_ground)
    return ChronologyPrint(child, filters, entries, truncated=len(rows) > PRINT_LIMIT)
