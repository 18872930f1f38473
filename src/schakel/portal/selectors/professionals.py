"""The professionals' side of the portal: what parents and young people added, shown on the
case page; the coordinator's correction requests to answer; the entries to withhold from the
parents. Reads go through the access policy and are logged like every read of a case."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Exists, OuterRef
from django.utils import timezone

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.reads import logged_read, read_allowed_on
from schakel.audit.writer import Subject
from schakel.cases.models import Case, PlanStepEntry
from schakel.cases.selectors import case_subject, case_subjects
from schakel.portal.entries import Entry, entry_get, entry_key, entry_label
from schakel.portal.models import (
    CorrectionRequest,
    CorrectionStatus,
    OwnView,
    PlanSignature,
    PortalContribution,
    SharedWithParents,
    WithheldEntry,
)

ANSWER_WITHIN_DAYS = 30  # AVG art. 12(3): within one month


@dataclass(frozen=True)
class LabelledView:
    view: OwnView
    entry: str


@dataclass(frozen=True)
class PortalVoice:
    """What the case page shows of the portal."""

    contributions: list[PortalContribution]
    own_views: list[LabelledView]
    open_corrections: list[CorrectionRequest]
    signatures: list[PlanSignature]
    is_shared: bool
    withheld_count: int
    may_withhold: bool
    case: Case

    def __bool__(self) -> bool:
        return bool(self.contributions or self.own_views or self.open_corrections
                    or self.signatures or self.is_shared or self.withheld_count
                    or self.may_withhold)

    @property
    def shows_family_input(self) -> bool:
        """Something the parents or the young person added is shown."""
        return bool(self.contributions or self.own_views or self.open_corrections
                    or self.signatures)


def _labels(case: Case, keys: set[tuple[str, int]]) -> dict[tuple[str, int], str]:
    labels = {}
    for entry_type, entry_id in keys:
        entry = entry_get(case, entry_type, entry_id)
        labels[(entry_type, entry_id)] = entry_label(entry) if entry is not None else "—"
    return labels


def _voice_subjects(voice: PortalVoice | None) -> list[Subject]:
    return case_subjects(voice.case) if voice is not None and voice.shows_family_input else []


@logged_read(event_code=EventCode.PORTAL_VOICE, subjects=_voice_subjects)
def case_portal_voice(*, actor: Actor, case: Case,
                      read: policy.Decision | None = None) -> PortalVoice | None:
    """For a professional who reads the case: the parents' and young person's contributions,
    views, open correction requests and signatures. Logged when there are any (the rest of
    the case page is the read `case_get` logged). `read`: the decision the case page took for
    this actor and case in this request, so the policy does not decide it twice."""
    if read is None:
        read = policy.may_read_case(actor, case)
    if not read:
        return None
    read_allowed_on(read)
    may_withhold = bool(policy.may_withhold_entry(actor, case, read=read))
    activity = Case.objects.filter(pk=case.pk).annotate(
        any_contribution=Exists(PortalContribution.objects.filter(case=OuterRef("pk"))),
        any_view=Exists(OwnView.objects.filter(case=OuterRef("pk"))),
        any_correction=Exists(CorrectionRequest.objects.filter(
            case=OuterRef("pk"), status=CorrectionStatus.OPEN)),
        any_signature=Exists(PlanSignature.objects.filter(case=OuterRef("pk"))),
        any_sharing=Exists(SharedWithParents.objects.filter(
            case=OuterRef("pk"), ended_at__isnull=True)),
        any_withheld=Exists(WithheldEntry.objects.filter(
            case=OuterRef("pk"), released_at__isnull=True)),
    ).values("any_contribution", "any_view", "any_correction", "any_signature",
             "any_sharing", "any_withheld").first() or {}
    if not any(activity.values()):
        return PortalVoice([], [], [], [], is_shared=False, withheld_count=0,
                           may_withhold=may_withhold, case=case)
    views = list(OwnView.objects.filter(case=case).select_related(
        "by_guardian", "by_young_person"))
    labels = _labels(case, {(v.object_type, v.object_id) for v in views})
    return PortalVoice(
        contributions=list(PortalContribution.objects.filter(case=case).select_related(
            "by_guardian", "by_young_person")),
        own_views=[LabelledView(v, labels[(v.object_type, v.object_id)]) for v in views],
        open_corrections=list(CorrectionRequest.objects.filter(
            case=case, status=CorrectionStatus.OPEN).select_related(
            "by_guardian", "by_young_person")),
        signatures=list(PlanSignature.objects.filter(case=case).select_related(
            "by_guardian", "by_young_person")),
        is_shared=SharedWithParents.objects.filter(case=case, ended_at__isnull=True).exists(),
        withheld_count=WithheldEntry.objects.filter(case=case, released_at__isnull=True).count(),
        may_withhold=may_withhold, case=case,
    )


# --- correction requests -----------------------------------------------------------------


@dataclass(frozen=True)
class CorrectionRow:
    correction: CorrectionRequest
    entry: str
    entry_content: str

    @property
    def answer_due(self) -> dt.date:
        return timezone.localdate(self.correction.requested_at) + dt.timedelta(
            days=ANSWER_WITHIN_DAYS)


def _entry_content(entry: Entry | None) -> str:
    if entry is None:
        return ""
    return entry.content if isinstance(entry, PlanStepEntry) else entry.description


def _row(correction: CorrectionRequest) -> CorrectionRow:
    entry = entry_get(correction.case, correction.object_type, correction.object_id)
    return CorrectionRow(correction, entry_label(entry) if entry is not None else "—",
                         _entry_content(entry))


def _correction_subjects(rows: list[CorrectionRow]) -> list[Subject]:
    return [case_subject(row.correction.case) for row in rows]


@logged_read(event_code=EventCode.PORTAL_CORRECTIONS, subjects=_correction_subjects)
def corrections_for_answer(*, actor: Actor) -> list[CorrectionRow]:
    """The correction requests the actor (as coordinator) answers, open ones first. Each
    child shown is logged as read."""
    candidates = CorrectionRequest.objects.filter(
        policy.portal_corrections_visible_q(actor)).select_related(
        "case__child", "case__family", "case__coordinator", "by_guardian", "by_young_person",
        "answered_by").order_by("status", "-requested_at")
    rows = [_row(c) for c in candidates if policy.may_answer_correction(actor, c.case)]
    rows.sort(key=lambda r: r.correction.status != CorrectionStatus.OPEN)
    return rows


def _correction_row_subjects(row: CorrectionRow) -> list[Subject]:
    return case_subjects(row.correction.case)


@logged_read(event_code=EventCode.PORTAL_CORRECTION, subjects=_correction_row_subjects)
def correction_for_answer(*, actor: Actor, correction_id: int) -> CorrectionRow:
    """One correction request with its entry, for the coordinator; the read is logged."""
    correction = CorrectionRequest.objects.select_related(
        "case__child", "case__coordinator", "by_guardian", "by_young_person",
        "answered_by").filter(pk=correction_id).first()
    if correction is None:
        enforce(actor, policy.DENY, event_code=EventCode.PORTAL_CORRECTION, action=Action.READ,
                subject=Subject("portal.correctionrequest", str(correction_id), None))
        raise AssertionError("unreachable")
    enforce(actor, policy.may_answer_correction(actor, correction.case),
            event_code=EventCode.PORTAL_CORRECTION, action=Action.READ,
            subject=case_subject(correction.case))
    return _row(correction)


# --- withholding entries from the parents -------------------------------------------------


@dataclass(frozen=True)
class WithholdRow:
    entry_type: str
    entry_id: int
    label: str
    content: str
    withheld: WithheldEntry | None


def _withhold_subjects(read: tuple[Case, list[WithholdRow]]) -> list[Subject]:
    return case_subjects(read[0])


@logged_read(event_code=EventCode.PORTAL_WITHHOLD_LIST, subjects=_withhold_subjects)
def withhold_overview(*, actor: Actor, case_id: int) -> tuple[Case, list[WithholdRow]]:
    """Every entry of the case the portal shows, with whether it is withheld from the
    parents; for the coordinator. The read is logged."""
    case = Case.objects.select_related("child", "coordinator").filter(pk=case_id).first()
    if case is None:
        enforce(actor, policy.DENY, event_code=EventCode.PORTAL_WITHHOLD_LIST, action=Action.READ,
                subject=Subject("cases.case", str(case_id), None))
        raise AssertionError("unreachable")
    enforce(actor, policy.may_withhold_entry(actor, case),
            event_code=EventCode.PORTAL_WITHHOLD_LIST, action=Action.READ,
            subject=case_subject(case))
    active = {(w.object_type, w.object_id): w for w in WithheldEntry.objects.filter(
        case=case, released_at__isnull=True).select_related("withheld_by")}
    entries: list[Entry] = [*case.plan_entries.order_by("step", "-version"),
                            *case.agreements.all(), *case.interventions.all()]
    rows = [WithholdRow(*entry_key(e), entry_label(e), _entry_content(e),
                        active.get(entry_key(e))) for e in entries]
    return case, rows


def withheld_of_case(*, case: Case, withheld_id: int) -> WithheldEntry | None:
    """A withholding of a case already read through the policy (the service checks again)."""
    return WithheldEntry.objects.select_related("case").filter(
        pk=withheld_id, case=case, released_at__isnull=True).first()
