"""Writes of the Meldcode route: starting one on a child's case, and recording its steps in
the order of `steps.STEP_ORDER`, checked on the locked route row. Step 5 with a report to
Veilig Thuis records, in the same transaction, the legal ground of kind MELDCODE through
`consent.services.legal_ground_record` (its rule: `policy.GROUND_RULES`), one per category
the report opens, for the longest period the rule allows. Anything refused stores nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.writer import access_event_record
from schakel.cases.models import Case
from schakel.cases.services.lifecycle import case_enforce_change, case_lock_open
from schakel.consent.models import InformationCategory, LegalGround, LegalGroundKind
from schakel.consent.services import legal_ground_record
from schakel.meldcode.models import (
    MeldcodeRoute,
    MeldcodeStepRecord,
    RouteStatus,
    RouteStep,
)
from schakel.meldcode.selectors import route_subject
from schakel.meldcode.steps import (
    LAST_STEP,
    QUESTION_FIELDS,
    STEP_ORDER,
    next_step,
    report_required_by,
)
from schakel.organisations.models import Organisation
from schakel.signals.models import Signal
from schakel.transactions import composed_services, service_transaction

MELDCODE_RULE = policy.GROUND_RULES[LegalGroundKind.MELDCODE]


def meldcode_route_start(
    *, actor: Actor, case: Case, signal: Signal | None = None,
) -> MeldcodeRoute:
    """Start a route on the child's case, optionally from one of the case's signals. A signal
    that is not linked to this case is refused: the route belongs to the child's case, so the
    signal is linked to (or opens) a case first."""
    decision = case_enforce_change(
        actor, case, policy.may_start_meldcode_route(actor, case),
        event_code=EventCode.MELDCODE_START, action=Action.CREATE)
    if case.child_id is None:
        raise ValidationError(_(
            "A Meldcode route is about one child: start it on the child's own case, not on "
            "a family case."))
    if signal is not None and (signal.case_id != case.pk or signal.child_id != case.child_id):
        raise ValidationError({"signal": _(
            "This signal is not linked to this case. Link it to the child's case first (or "
            "open a case from it), then start the route from that case.")})
    runner = actor.require_professional()
    with service_transaction():
        case = case_lock_open(case)
        if MeldcodeRoute.objects.filter(case=case, runner=runner,
                                        status=RouteStatus.OPEN).exists():
            raise ValidationError(_(
                "You already run a Meldcode route on this case that is not finished: continue "
                "that one."))
        route = MeldcodeRoute.objects.create(
            case=case, signal=signal, runner=runner, started_at=timezone.now())
        access_event_record(
            actor=actor, event_code=EventCode.MELDCODE_START, action=Action.CREATE,
            subject=route_subject(route), ground=decision.log_ground)
    return route


def _input_errors(
    *, step: int, performed_on: dt.date, findings: str, answers: Mapping[str, bool | None],
    help_organised: bool, reported: bool, veilig_thuis: Organisation | None,
    categories: Sequence[str],
) -> dict[str, str]:
    errors: dict[str, str] = {}
    if performed_on > timezone.localdate():
        errors["performed_on"] = _("A step cannot be taken in the future.")
    if not findings.strip():
        errors["findings"] = _("Write what you found or did in this step.")
    if step == RouteStep.WEIGHING:
        for field in QUESTION_FIELDS:
            if answers.get(field) is None:
                errors[field] = _("Answer this question with yes or no.")
    if step == RouteStep.DECISION:
        if not help_organised and not reported:
            errors["help_organised"] = _(
                "Decide: organise help, report to Veilig Thuis, or both.")
        if reported:
            if veilig_thuis is None or veilig_thuis.sector not in MELDCODE_RULE.receiving_sectors:
                errors["veilig_thuis"] = _("Choose the Veilig Thuis organisation you report to.")
            if not categories or not set(categories) <= MELDCODE_RULE.categories:
                errors["categories"] = _(
                    "Choose what the report needs: care content, school data and/or contact "
                    "details.")
    return errors


def _order_error(route: MeldcodeRoute, step: int, done: set[int]) -> str | None:
    if route.is_finished:
        return _("This Meldcode route is finished; its steps can no longer be changed.")
    expected = next_step(done)
    if step == expected:
        return None
    assert expected is not None  # noqa: S101 - an open route has a step to come
    values = {"number": step, "next": int(expected), "label": expected.label}
    if step in done:
        return _("Step %(number)s has been recorded already; the next step is %(next)s: "
                 "%(label)s.") % values
    return _("Step %(number)s cannot be recorded yet: first record step %(next)s: "
             "%(label)s.") % values


def _report(actor: Actor, route: MeldcodeRoute, day: dt.date, veilig_thuis: Organisation,
            categories: Sequence[str]) -> list[LegalGround]:
    """The legal grounds of the report, one per category, as long as the rule allows."""
    assert route.case.child is not None  # noqa: S101 - a route is on a child's case
    valid_until = (day + dt.timedelta(days=MELDCODE_RULE.max_days - 1)
                   if MELDCODE_RULE.max_days is not None else None)
    reference = _("%(source)s, report of Meldcode route %(id)s") % {
        "source": MELDCODE_RULE.source, "id": route.pk}
    return [legal_ground_record(
        actor=actor, child=route.case.child, organisation=veilig_thuis,
        category=InformationCategory(category), kind=LegalGroundKind.MELDCODE,
        reference=reference, valid_from=day, valid_until=valid_until)
        for category in sorted(set(categories))]


def meldcode_step_record(
    *, actor: Actor, route: MeldcodeRoute, step: int, performed_on: dt.date, findings: str,
    veilig_thuis_consulted: bool = False, answers: Mapping[str, bool | None] | None = None,
    help_organised: bool = False, reported: bool = False,
    veilig_thuis: Organisation | None = None, categories: Sequence[str] = (),
) -> MeldcodeStepRecord:
    """Record `step` of the route: only the next one of `STEP_ORDER`, once. Step 4 takes the
    five answers of the afwegingskader (`answers`, by `steps.QUESTION_FIELDS`); step 5 the
    decision, which must include a report when question 2 (acute or structural unsafety) was
    answered yes. Step 5 finishes the route."""
    decision = enforce(actor, policy.may_record_meldcode_step(actor, route),
                       event_code=EventCode.MELDCODE_STEP, action=Action.CREATE,
                       subject=route_subject(route))
    if step not in STEP_ORDER:
        raise ValidationError(_("The Meldcode has no such step."))
    answers = dict(answers or {})
    errors = _input_errors(
        step=step, performed_on=performed_on, findings=findings, answers=answers,
        help_organised=help_organised, reported=reported, veilig_thuis=veilig_thuis,
        categories=categories)
    child = route.case.child
    if step == RouteStep.DECISION and reported and veilig_thuis is not None and child:
        if not policy.may_record_legal_ground(actor, child):
            errors["reported"] = _(
                "The report opens the child's file to Veilig Thuis as a legal ground, and only "
                "a professional of the organisation that holds the file (or the privacy "
                "officer) records one. Ask them to record the report.")
        elif not policy.may_record_legal_ground_for(actor, veilig_thuis):
            errors["veilig_thuis"] = _("Nobody reports to their own organisation.")
    if errors:
        raise ValidationError(errors)
    fields: dict[str, object] = {}
    if step == RouteStep.CONSULTATION:
        fields["veilig_thuis_consulted"] = veilig_thuis_consulted
    if step == RouteStep.WEIGHING:
        fields.update({field: answers[field] for field in QUESTION_FIELDS})
    if step == RouteStep.DECISION:
        fields.update({"help_organised": help_organised, "reported": reported,
                       "veilig_thuis": veilig_thuis if reported else None})
    # Composed: the report's legal grounds are written by the consent service, in this one
    # transaction (a refusal anywhere stores neither the step nor a ground).
    with composed_services():
        locked = MeldcodeRoute.objects.select_for_update(of=("self",)).select_related(
            "case__child", "case__school", "runner").get(pk=route.pk)
        records = {record.step: record for record in locked.steps.all()}
        order_error = _order_error(locked, step, set(records))
        if order_error is not None:
            raise ValidationError(order_error)
        previous = records.get(STEP_ORDER[STEP_ORDER.index(RouteStep(step)) - 1]) if (
            step != STEP_ORDER[0]) else None
        if previous is not None and performed_on < previous.performed_on:
            raise ValidationError({"performed_on": _(
                "This step cannot lie before the previous one (%(day)s).") % {
                "day": date_format(previous.performed_on, "j F Y")}})
        reason = report_required_by(
            {field: getattr(records[RouteStep.WEIGHING], field) for field in QUESTION_FIELDS}
        ) if step == RouteStep.DECISION and not reported else None
        if reason is not None and reason.field == "unsafety":
            raise ValidationError({"reported": _(
                "The afwegingskader found acute or structural unsafety (question 2): the "
                "decision must include a report to Veilig Thuis. Organising help alone is not "
                "enough.")})
        if reason is not None:
            raise ValidationError({"reported": _(
                "The afwegingskader was answered no at question %(number)s (%(question)s): "
                "the decision must include a report to Veilig Thuis.") % {
                "number": reason.number, "question": reason.text}})
        record = MeldcodeStepRecord.objects.create(
            route=locked, step=step, performed_on=performed_on, findings=findings.strip(),
            recorded_by=actor.require_professional(), **fields)
        if step == RouteStep.DECISION and reported and veilig_thuis is not None:
            record.legal_grounds.set(
                _report(actor, locked, performed_on, veilig_thuis, categories))
        if step == LAST_STEP:
            locked.status = RouteStatus.FINISHED
            locked.finished_at = timezone.now()
            locked.save(update_fields=["status", "finished_at"])
        access_event_record(
            actor=actor, event_code=EventCode.MELDCODE_STEP, action=Action.CREATE,
            subject=route_subject(locked), ground=decision.log_ground)
    return record
