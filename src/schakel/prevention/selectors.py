"""Reads of a school's preventiematrix: the page (the top 12s, the matrix as sector x level,
the ambition, the regie agreements, the guide of Bijlage B), the school or row to change,
the schools whose matrix a professional reads. No child's data: a read is not logged, a
refusal is (`enforce`), and missing and forbidden are the same 404."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TypeVar

from django.db.models import Prefetch
from django.http import Http404

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.writer import Subject
from schakel.organisations.models import Professional, School
from schakel.prevention.models import (
    PreventionMatrix,
    PreventionOffer,
    PyramidLevel,
    RankedItem,
    RankedKind,
    RegieAgreement,
    Sector,
)
from schakel.prevention.questions import GUIDE, STEPS, GuideLevel

M = TypeVar("M", RankedItem, PreventionOffer, RegieAgreement)


def matrix_subject(school_id: int) -> Subject:
    """The access-log subject of a school's matrix (which the first write makes)."""
    return Subject("organisations.school", str(school_id), None)


@dataclass(frozen=True)
class Cell:
    sector: Sector
    offers: list[PreventionOffer]


@dataclass(frozen=True)
class LevelRow:
    level: PyramidLevel
    cells: list[Cell]


@dataclass(frozen=True)
class MatrixPage:
    school: School
    matrix: PreventionMatrix | None
    desired: list[RankedItem]  # by place in the top 12
    problems: list[RankedItem]
    sectors: list[Sector]
    rows: list[LevelRow]  # the top of the pyramid first
    regie: list[RegieAgreement]
    guide: tuple[GuideLevel, ...]
    steps: tuple[object, ...]
    may_change: bool
    changed_at: dt.datetime | None
    changed_by: Professional | None


def _top(items: list[RankedItem], kind: str) -> list[RankedItem]:
    return sorted((item for item in items if item.kind == kind), key=lambda item: item.rank)


def _school(school_id: int) -> School | None:
    return (School.objects.select_related("organisation", "prevention_matrix")
            .filter(pk=school_id).first())


def prevention_matrix_get(*, actor: Actor, school_id: int) -> MatrixPage:
    school = _school(school_id)
    decision = policy.may_read_prevention_matrix(actor, school) if school else policy.DENY
    enforce(actor, decision, event_code=EventCode.PREVENTION_READ, action=Action.READ,
            subject=matrix_subject(school_id))
    assert school is not None  # noqa: S101 - enforce refused a missing school
    matrix = (PreventionMatrix.objects.select_related("updated_by__organisation")
              .prefetch_related(
                  Prefetch("ranked_items", queryset=RankedItem.objects.order_by("rank")),
                  "offers", "regie_agreements")
              .filter(school=school).first())
    items = list(matrix.ranked_items.all()) if matrix else []
    offers = list(matrix.offers.all()) if matrix else []
    sectors = list(Sector)
    rows = [LevelRow(level, [Cell(sector, [o for o in offers
                                           if o.sector == sector and o.level == level])
                             for sector in sectors])
            for level in reversed(list(PyramidLevel))]
    return MatrixPage(
        school=school, matrix=matrix,
        desired=_top(items, RankedKind.DESIRED), problems=_top(items, RankedKind.PROBLEM),
        sectors=sectors, rows=rows,
        regie=list(matrix.regie_agreements.all()) if matrix else [],
        guide=GUIDE, steps=STEPS,
        may_change=bool(policy.may_change_prevention_matrix(actor, school)),
        # Every write touches the matrix row (`services._locked_matrix`): its last change.
        changed_at=matrix.updated_at if matrix else None,
        changed_by=matrix.updated_by if matrix else None)


def school_for_prevention_change(*, actor: Actor, school_id: int) -> School:
    """A school whose matrix the actor changes; anyone else gets the logged 404."""
    school = _school(school_id)
    decision = policy.may_change_prevention_matrix(actor, school) if school else policy.DENY
    enforce(actor, decision, event_code=EventCode.PREVENTION_CHANGE, action=Action.UPDATE,
            subject=matrix_subject(school_id))
    assert school is not None  # noqa: S101 - enforce refused a missing school
    return school


def _row_for_change(actor: Actor, model: type[M], school_id: int, row_id: int) -> M:
    row = (model._default_manager.select_related("matrix__school")
           .filter(pk=row_id, matrix__school_id=school_id).first())
    school: School | None = getattr(getattr(row, "matrix", None), "school", None)
    decision = policy.may_change_prevention_matrix(actor, school) if school else policy.DENY
    enforce(actor, decision, event_code=EventCode.PREVENTION_CHANGE, action=Action.UPDATE,
            subject=Subject(model._meta.label_lower, str(row_id), None))
    if row is None:  # refused (and logged) by `enforce` already
        raise Http404
    return row


def ranked_item_for_change(*, actor: Actor, school_id: int, item_id: int) -> RankedItem:
    return _row_for_change(actor, RankedItem, school_id, item_id)


def prevention_offer_for_change(*, actor: Actor, school_id: int,
                                offer_id: int) -> PreventionOffer:
    return _row_for_change(actor, PreventionOffer, school_id, offer_id)


def regie_agreement_for_change(*, actor: Actor, school_id: int,
                               agreement_id: int) -> RegieAgreement:
    return _row_for_change(actor, RegieAgreement, school_id, agreement_id)


def prevention_schools_for(*, actor: Actor) -> list[School]:
    """The schools whose matrix the actor reads, with their matrix if they have one."""
    return list(School.objects.filter(policy.prevention_schools_q(actor))
                .select_related("prevention_matrix__updated_by").order_by("name"))
