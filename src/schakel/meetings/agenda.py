"""Agenda sources: what fills a kernteam meeting's agenda from the data (seed 004 Bijlage D,
"De agenda van een kernteamoverleg": concerns and signals, new pupils, our collaboration, the
lege stoel; plus the agreements due and the cases without evaluation).

Each source is registered under a code and proposes items since the team's previous meeting.
A later module adds its own source here the same way (attendance tier changes, rode-draad
items): a class with `code`, `label` and `proposals(meeting, since)`, decorated with
`@agenda_source`. Proposals link the signal, case, agreement or child they are about; their
heading never names a child, because who may see an item is decided per reader
(`policy.may_see_agenda_item`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, TypeVar

from django.conf import settings
from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _, gettext_lazy as _lazy

from schakel.cases.models import Agreement, AgreementStatus, Case, CaseStatus
from schakel.children.models import Enrolment
from schakel.meetings.models import Meeting, MeetingKind, MeetingStatus
from schakel.signals.models import Signal, SignalStatus
from schakel.teams.models import TeamCharter, TeamLayer

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

MANUAL = "manual"
# Agreements due up to this many days after the meeting are on its agenda (and all overdue).
AGREEMENTS_AHEAD_DAYS = 14
# Without a previous meeting, a new team looks back this far.
FIRST_LOOK_BACK = dt.timedelta(weeks=6)


@dataclass(frozen=True)
class AgendaProposal:
    heading: str
    child_id: int | None = None
    case_id: int | None = None
    signal_id: int | None = None
    agreement_id: int | None = None
    note: str = ""


class AgendaSource(Protocol):
    @property
    def code(self) -> str: ...

    @property
    def label(self) -> StrOrPromise: ...

    def proposals(self, meeting: Meeting, since: dt.datetime) -> list[AgendaProposal]: ...


AGENDA_SOURCES: dict[str, AgendaSource] = {}
SourceT = TypeVar("SourceT", bound=AgendaSource)


def agenda_source(cls: type[SourceT]) -> type[SourceT]:
    source = cls()
    if source.code in AGENDA_SOURCES or source.code == MANUAL:
        raise ValueError(f"Agenda source {source.code!r} registered twice")
    AGENDA_SOURCES[source.code] = source
    return cls


def previous_meeting_start(meeting: Meeting) -> dt.datetime:
    """Since when the agenda looks: the start of the school's previous kernteam meeting that
    took place, or six weeks back for a first one."""
    previous = (Meeting.objects.filter(
        school_id=meeting.school_id, kind=MeetingKind.CORE_TEAM, status=MeetingStatus.PLANNED,
        starts_at__lt=meeting.starts_at).exclude(pk=meeting.pk)
        .order_by("-starts_at").values_list("starts_at", flat=True).first())
    return previous or meeting.starts_at - FIRST_LOOK_BACK


@agenda_source
class NewSignals:
    code = "signals.new"
    label = _lazy("New signals")

    def proposals(self, meeting: Meeting, since: dt.datetime) -> list[AgendaProposal]:
        signals = Signal.objects.filter(
            school_id=meeting.school_id, status=SignalStatus.NEW, raised_at__gte=since,
            raised_at__lt=meeting.starts_at).select_related("theme").order_by("raised_at")
        return [AgendaProposal(
            heading=_("New signal (%(level)s): %(theme)s") % {
                "level": signal.get_level_display(), "theme": signal.theme.display_label},
            signal_id=signal.pk, child_id=signal.child_id) for signal in signals]


@agenda_source
class NewPupils:
    code = "enrolments.new"
    label = _lazy("New pupils")

    def proposals(self, meeting: Meeting, since: dt.datetime) -> list[AgendaProposal]:
        enrolments = Enrolment.objects.filter(
            school_id=meeting.school_id, start_date__gte=timezone.localtime(since).date(),
            start_date__lte=timezone.localtime(meeting.starts_at).date(),
        ).select_related("school_class").order_by("start_date", "pk")
        return [AgendaProposal(
            heading=_("New pupil in %(class)s") % {
                "class": enrolment.school_class.name if enrolment.school_class else _("school")},
            child_id=enrolment.child_id) for enrolment in enrolments]


@agenda_source
class AgreementsDue:
    code = "agreements.due"
    label = _lazy("Agreements due")

    def proposals(self, meeting: Meeting, since: dt.datetime) -> list[AgendaProposal]:
        horizon = timezone.localtime(meeting.starts_at).date() + dt.timedelta(
            days=AGREEMENTS_AHEAD_DAYS)
        agreements = Agreement.objects.filter(
            case__school_id=meeting.school_id, status=AgreementStatus.OPEN, due_date__lte=horizon,
        ).exclude(case__status=CaseStatus.CLOSED).select_related("case").order_by(
            "due_date", "pk")
        day = timezone.localtime(meeting.starts_at).date()
        return [AgendaProposal(
            heading=(_("Agreement overdue since %(date)s (case %(ref)s)") if a.due_date < day
                     else _("Agreement due %(date)s (case %(ref)s)")) % {
                "date": a.due_date.strftime("%d-%m-%Y"), "ref": a.case.reference},
            agreement_id=a.pk, case_id=a.case_id, child_id=a.case.child_id)
            for a in agreements]


@agenda_source
class CasesWithoutEvaluation:
    """The health indicator "no evaluation for six weeks" (`cases.selectors.health_indicators`)
    in SQL: the last evaluation, or the opening, longer ago than SCHAKEL_EVALUATION_WEEKS."""

    code = "cases.no_evaluation"
    label = _lazy("Cases without evaluation")

    def proposals(self, meeting: Meeting, since: dt.datetime) -> list[AgendaProposal]:
        limit = meeting.starts_at - dt.timedelta(weeks=settings.SCHAKEL_EVALUATION_WEEKS)
        cases = (Case.objects.filter(school_id=meeting.school_id)
                 .exclude(status=CaseStatus.CLOSED)
                 .annotate(last=Coalesce(F("last_evaluated_at"), F("opened_at")))
                 .filter(last__lt=limit).order_by("last", "pk"))
        return [AgendaProposal(
            heading=_("No evaluation for %(weeks)s weeks (case %(ref)s)") % {
                "weeks": settings.SCHAKEL_EVALUATION_WEEKS, "ref": case.reference},
            case_id=case.pk, child_id=case.child_id) for case in cases]


@agenda_source
class FixedItems:
    """The team's fixed agenda items (its charter), one per line."""

    code = "charter.fixed"
    label = _lazy("Fixed agenda items")

    def proposals(self, meeting: Meeting, since: dt.datetime) -> list[AgendaProposal]:
        text = TeamCharter.objects.filter(
            team__school_id=meeting.school_id, team__layer=TeamLayer.CORE,
        ).values_list("fixed_agenda", flat=True).first() or ""
        return [AgendaProposal(heading=line.strip()[:200])
                for line in text.splitlines() if line.strip()]


@agenda_source
class EmptyChair:
    code = "empty_chair"
    label = _lazy("The empty chair")

    def proposals(self, meeting: Meeting, since: dt.datetime) -> list[AgendaProposal]:
        guest = meeting.empty_chair_guest
        if guest is None:
            return []
        return [AgendaProposal(
            heading=_("On the empty chair: %(name)s (%(organisation)s)") % {
                "name": guest.full_name, "organisation": guest.organisation.name},
            note=meeting.empty_chair_purpose)]


def agenda_proposals(meeting: Meeting) -> list[tuple[str, AgendaProposal]]:
    """Every source's proposals for a kernteam meeting, in the order of the sources."""
    since = previous_meeting_start(meeting)
    return [(code, proposal) for code, source in AGENDA_SOURCES.items()
            for proposal in source.proposals(meeting, since)]
