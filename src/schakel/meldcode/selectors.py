"""Reads of Meldcode routes. Every read is logged: the route page (`meldcode.read`), the
routes on the case page and the list of one's own routes (`meldcode.list`, one row per route
shown). Nobody but the runner, the aandachtsfunctionaris and the privacy officer reads a
route (`policy.meldcode`); to anyone else a route does not exist (404, refusal logged)."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import Http404

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.reads import logged_read
from schakel.audit.writer import Subject
from schakel.cases.models import Case
from schakel.meldcode.models import MeldcodeRoute, MeldcodeStepRecord, RouteStep
from schakel.meldcode.steps import QUESTIONS, STEP_ORDER, Question, next_step
from schakel.organisations.models import Organisation, Sector
from schakel.signals.models import Signal

_RELATED = ("case__child", "case__school", "runner__organisation", "signal__theme")


def route_subject(route: MeldcodeRoute) -> Subject:
    return Subject.of(route, route.case.child_id)


def _routes_subjects(routes: list[MeldcodeRoute]) -> list[Subject]:
    return [route_subject(route) for route in routes]


@dataclass(frozen=True)
class StepRow:
    step: RouteStep
    record: MeldcodeStepRecord | None
    is_next: bool

    @property
    def answers(self) -> list[tuple[Question, bool | None]]:
        """The afwegingskader's questions with the answers of a recorded step 4."""
        if self.record is None or self.step != RouteStep.WEIGHING:
            return []
        return [(question, getattr(self.record, question.field)) for question in QUESTIONS]


@dataclass(frozen=True)
class RoutePage:
    route: MeldcodeRoute
    rows: list[StepRow]
    next_step: RouteStep | None
    may_record: bool


def _page_subjects(page: RoutePage) -> list[Subject]:
    return [route_subject(page.route)]


@logged_read(event_code=EventCode.MELDCODE_READ, subjects=_page_subjects)
def meldcode_route_get(*, actor: Actor, route_id: int) -> RoutePage:
    """A route with its steps, for those who may read it; anything else is 404."""
    route = MeldcodeRoute.objects.select_related(*_RELATED).filter(pk=route_id).first()
    decision = policy.may_read_meldcode_route(actor, route) if route else policy.DENY
    enforce(actor, decision, event_code=EventCode.MELDCODE_READ, action=Action.READ,
            subject=route_subject(route) if route
            else Subject("meldcode.meldcoderoute", str(route_id), None))
    if route is None:
        raise Http404
    records = {record.step: record for record in MeldcodeStepRecord.objects.filter(
        route=route).select_related("recorded_by__organisation", "veilig_thuis")
        .prefetch_related("legal_grounds")}
    upcoming = None if route.is_finished else next_step(records)
    rows = [StepRow(step, records.get(step), step == upcoming) for step in STEP_ORDER]
    return RoutePage(route, rows, upcoming,
                     bool(policy.may_record_meldcode_step(actor, route)))


@logged_read(event_code=EventCode.MELDCODE_LIST, subjects=_routes_subjects)
def case_meldcode_routes(*, actor: Actor, case: Case) -> list[MeldcodeRoute]:
    """The routes of `case` the actor may read (none of the others, not even their count)."""
    return list(MeldcodeRoute.objects.filter(case=case).filter(
        policy.meldcode_routes_visible_q(actor)).select_related(*_RELATED))


@logged_read(event_code=EventCode.MELDCODE_LIST, subjects=_routes_subjects)
def meldcode_routes_for(*, actor: Actor) -> list[MeldcodeRoute]:
    """Every route the actor may read: their own, and as aandachtsfunctionaris or privacy
    officer those of their organisation (and, for the first, of its schools' children)."""
    return list(MeldcodeRoute.objects.filter(policy.meldcode_routes_visible_q(actor))
                .select_related(*_RELATED))


def case_signals_for_route(*, case: Case) -> list[Signal]:
    """The signals linked to a case the case page has read (and logged), to start a route
    from one of them."""
    return list(Signal.objects.filter(case=case).select_related("theme").order_by("-raised_at"))


def veilig_thuis_organisations() -> list[Organisation]:
    """The organisations a Meldcode report can go to: the safety sector (Veilig Thuis)."""
    return list(Organisation.objects.filter(sector=Sector.SAFETY).order_by("name"))
