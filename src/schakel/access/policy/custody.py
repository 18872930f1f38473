"""Who has custody (gezag) of a child on a day: the one rule, read from the dated history.

- A parent or carer has custody on the days a `children.Custody` period of theirs is active
  (from its start up to and including its last day): by law at birth or by marriage
  (BW 1:251, 1:253b), by registration (BW 1:252), or by a court order (BW 1:251a, 1:253c,
  1:277). Custody is exercised over minors only (BW 1:245).
- **Voogdij.** While a guardianship order (`MeasureKind.GUARDIANSHIP`) is active, the
  certified institution (GI) carrying it out is the voogd (BW 1:302 lid 2; BW 1:275 for the
  voogdij after an end of parental custody) and the parents' custody does not count for that
  period, whatever their periods say: the GI consents in their place (Jeugdwet 7.3.4) and
  holds the parents' rights to the file. After the voogdij the parents have custody only as
  far as their periods say; custody restored by the court (BW 1:277) is recorded as a new
  period.

Everything that asks "with custody" (`consenters`, `categories`, `portal`) asks here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import (
    BooleanField,
    Exists,
    ExpressionWrapper,
    IntegerField,
    OuterRef,
    Q,
    Value,
)

from schakel.access.actor import Actor
from schakel.access.policy.core import DENY, Decision, Ground, _today, core_team_school_ids
from schakel.cases.models import Case, CaseStatus
from schakel.children.models import (
    Child,
    Custody,
    Enrolment,
    Guardian,
    Guardianship,
    Measure,
    MeasureKind,
)

VOOGDIJ_KINDS = frozenset({MeasureKind.GUARDIANSHIP})


@dataclass(frozen=True)
class CustodyOnDay:
    """Custody of one child on one day: the guardians with custody, or under voogdij none
    of them and the GI that is the voogd."""

    guardian_ids: frozenset[int]
    voogd_organisation_id: int | None = None


@dataclass(frozen=True)
class CustodyHistory:
    """A child's custody periods and voogdij measures, loaded once (one query) and asked
    for any day in Python — for lists of consents given on different days. Each row
    answers `is_active_on` by the model's own rule."""

    periods: tuple[tuple[int, Custody], ...]  # (guardian id, period)
    voogdij_measures: tuple[Measure, ...]

    def on(self, day: dt.date) -> CustodyOnDay:
        voogdij = next((m for m in self.voogdij_measures if m.is_active_on(day)), None)
        if voogdij is not None:
            return CustodyOnDay(frozenset(), voogdij.organisation_id)
        return CustodyOnDay(frozenset(
            guardian_id for guardian_id, period in self.periods if period.is_active_on(day)))


def custody_history(child_id: int) -> CustodyHistory:
    return custody_histories([child_id])[child_id]


def custody_histories(child_ids: list[int]) -> dict[int, CustodyHistory]:
    """The custody history of each child, in one query whatever their number (a family
    case asks for all its children at once)."""
    no_id = Value(None, output_field=IntegerField())
    periods = Custody.objects.filter(guardianship__child_id__in=child_ids).annotate(
        organisation=no_id).values_list(
        "guardianship__child_id", "guardianship__guardian_id", "start_date", "end_date",
        "organisation")
    measures = Measure.objects.filter(child_id__in=child_ids, kind__in=VOOGDIJ_KINDS).annotate(
        guardian=no_id).values_list(
        "child_id", "guardian", "start_date", "end_date", "organisation_id")
    custody: dict[int, list[tuple[int, Custody]]] = {child_id: [] for child_id in child_ids}
    voogdij: dict[int, list[Measure]] = {child_id: [] for child_id in child_ids}
    rows = periods.order_by().union(measures.order_by(), all=True)
    for child_id, guardian_id, start, end, organisation_id in rows:
        if guardian_id is not None:
            custody[child_id].append((guardian_id, Custody(start_date=start, end_date=end)))
        else:
            voogdij[child_id].append(Measure(start_date=start, end_date=end,
                                             organisation_id=organisation_id))
    for measures_of_child in voogdij.values():
        measures_of_child.sort(key=lambda m: m.start_date, reverse=True)
    return {child_id: CustodyHistory(periods=tuple(custody[child_id]),
                                     voogdij_measures=tuple(voogdij[child_id]))
            for child_id in child_ids}


def voogdij_on(child: Child, day: dt.date) -> Measure | None:
    """The guardianship order active on `day`, if any."""
    return Measure.objects.filter(child=child, kind__in=VOOGDIJ_KINDS).active_on(
        day).select_related("organisation", "worker__user").order_by(
        "-start_date", "-pk").first()


def custody_on(child: Child, day: dt.date) -> CustodyOnDay:
    """Who has custody of `child` on `day` (one query)."""
    return custody_history(child.pk).on(day)


def _voogdij_q(day: dt.date, child_ref: str) -> Q:
    return Q(Exists(Measure.objects.filter(
        child=OuterRef(child_ref), kind__in=VOOGDIJ_KINDS).active_on(day)))


def custody_q(day: dt.date, prefix: str = "") -> Q:
    """Guardianships (`prefix` leads to one) with custody on `day`, as a filter: a custody
    period active that day and no voogdij active that day."""
    guardianship_ref = f"{prefix}pk" if prefix else "pk"
    child_ref = f"{prefix}child" if prefix else "child"
    period = Custody.objects.filter(guardianship=OuterRef(guardianship_ref)).active_on(day)
    return Q(Exists(period)) & ~_voogdij_q(day, child_ref)


def has_custody(guardian: Guardian, child: Child, day: dt.date) -> bool | None:
    """True: a parent or carer of `child` with custody on `day`; False: recorded without
    custody that day (BW 1:377c applies); None: not recorded with the child."""
    value = Guardianship.objects.filter(guardian=guardian, child=child).annotate(
        custody=ExpressionWrapper(custody_q(day), output_field=BooleanField()),
    ).values_list("custody", flat=True).first()
    return None if value is None else bool(value)


def is_voogd(actor: Actor, child: Child, day: dt.date) -> Measure | None:
    """The active voogdij of `child` when the actor is a professional of the GI carrying it
    out: they act as the holder of custody (consent, the file) for the GI."""
    if actor.professional is None:
        return None
    voogdij = voogdij_on(child, day)
    if voogdij is not None and voogdij.organisation_id == actor.professional.organisation_id:
        return voogdij
    return None


def may_record_custody(actor: Actor, child: Child) -> Decision:
    """Record or end a period of custody: the core team of one of the child's current
    schools (the school keeps the pupil's parental details from the parents' papers and the
    custody register), the coordinator of an open case of the child, and the certified
    institution carrying out an active measure (which knows the court orders)."""
    if actor.professional is None:
        return DENY
    today = _today()
    schools = core_team_school_ids(actor)
    if schools and Enrolment.objects.filter(child=child, school_id__in=schools).active_on(
            today).exists():
        return Decision(True, Ground.CORE_TEAM)
    if Case.objects.filter(child=child, coordinator=actor.professional).exclude(
            status=CaseStatus.CLOSED).exists():
        return Decision(True, Ground.COORDINATOR)
    if Measure.objects.filter(
            child=child, organisation_id=actor.professional.organisation_id).active_on(
            today).exists():
        return Decision(True, Ground.MEASURE_ORGANISATION)
    return DENY
