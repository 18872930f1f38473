"""The order of the Meldcode's five steps and the afwegingskader's five questions.

`STEP_ORDER` is the one table of the order: a step may be recorded only when every step
before it is, and each step once (`services.meldcode_step_record` checks it on the locked
route). The afwegingskader (in force since 1 January 2019) asks five questions at step 4.
A yes to question 2 (acute or structural unsafety) means that step 5 must report to Veilig
Thuis; so does a no to question 3 (I cannot offer or organise effective help), 4 (those
involved do not accept the help) or 5 (the help does not bring the safety in time)
(`REPORT_REQUIRED_BY`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from schakel.meldcode.models import RouteStep

STEP_ORDER: tuple[RouteStep, ...] = (
    RouteStep.SIGNALS,
    RouteStep.CONSULTATION,
    RouteStep.CONVERSATION,
    RouteStep.WEIGHING,
    RouteStep.DECISION,
)
LAST_STEP = STEP_ORDER[-1]


@dataclass(frozen=True)
class Question:
    number: int
    field: str  # the field of `MeldcodeStepRecord` holding the answer
    text: Promise


QUESTIONS: tuple[Question, ...] = (
    Question(1, "suspicion", _("Do I have a suspicion of domestic violence or child abuse?")),
    Question(2, "unsafety", _("Is there acute unsafety and/or structural unsafety?")),
    Question(3, "can_help", _("Am I able to offer or organise effective help?")),
    Question(4, "help_accepted", _("Do those involved accept the help?")),
    Question(5, "help_suffices", _(
        "Does the help lead to the necessary safety within the desired time?")),
)
QUESTION_FIELDS: tuple[str, ...] = tuple(question.field for question in QUESTIONS)

# The answers of step 4 after which step 5 must include a report to Veilig Thuis.
REPORT_REQUIRED_BY: dict[str, bool] = {
    "unsafety": True, "can_help": False, "help_accepted": False, "help_suffices": False}


def next_step(done: Iterable[int]) -> RouteStep | None:
    """The step to record after `done` (the steps recorded so far), None when all are."""
    recorded = set(done)
    for step in STEP_ORDER:
        if step not in recorded:
            return step
    return None


def report_required_by(answers: dict[str, bool | None]) -> Question | None:
    """The first question whose answer makes a report necessary, or None."""
    for question in QUESTIONS:
        required = REPORT_REQUIRED_BY.get(question.field)
        if required is not None and answers.get(question.field) is required:
            return question
    return None
