"""Writes of a synthesis: created over several adopted tables (one row per top-level factor
of each), rows merged by the chair (only of one domain and valence), a row's incidental or
structural character decided by the chair, the conclusions written, adopted."""

from __future__ import annotations

from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _, gettext_lazy

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.writer import access_event_record
from schakel.dialogue.models import (
    Audience,
    DialogueTable,
    Factor,
    Synthesis,
    SynthesisFactor,
    SynthesisRecommendation,
    SynthesisStatus,
)
from schakel.dialogue.selectors.synthesis import synthesis_subject
from schakel.transactions import service_transaction

ADOPTED = gettext_lazy("This synthesis has been adopted; it can no longer be changed.")


def _log(actor: Actor, synthesis: Synthesis, code: EventCode, action: Action,
         decision: policy.Decision) -> None:
    access_event_record(actor=actor, event_code=code, action=action,
                        subject=synthesis_subject(synthesis.pk), ground=decision.log_ground)


def _change(actor: Actor, synthesis: Synthesis) -> policy.Decision:
    """Anyone but the chair: the logged 404. The chair of an adopted synthesis: read-only."""
    decision = enforce(actor, policy.may_open_synthesis_for_change(actor, synthesis),
                       event_code=EventCode.DIALOGUE_SYNTHESIS_CHANGE, action=Action.UPDATE,
                       subject=synthesis_subject(synthesis.pk))
    if not policy.may_change_synthesis(actor, synthesis):
        raise ValidationError(ADOPTED)
    return decision


def _lock(synthesis: Synthesis) -> Synthesis:
    locked = Synthesis.objects.select_for_update().get(pk=synthesis.pk)
    if locked.is_adopted:
        raise ValidationError(ADOPTED)
    return locked


def synthesis_create(*, actor: Actor, title: str,
                     tables: Sequence[DialogueTable]) -> Synthesis:
    errors: dict[str, str] = {}
    title = title.strip()
    if not title:
        errors["title"] = _("Give the synthesis a title.")
    tables = list({table.pk: table for table in tables}.values())
    if len(tables) < 2:
        errors["tables"] = _("A synthesis brings together at least two adopted dialogue "
                             "tables.")
    if errors:
        raise ValidationError(errors)
    decision = policy.may_create_synthesis(actor, tables)
    if not decision:
        raise ValidationError({"tables": _("Choose adopted dialogue tables that you chair or "
                                           "took part in.")})
    with service_transaction():
        synthesis = Synthesis.objects.create(title=title, chair=actor.require_professional())
        synthesis.tables.set(tables)
        for factor in Factor.objects.filter(table__in=tables, parent__isnull=True).order_by(
                "table_id", "pk"):
            row = SynthesisFactor.objects.create(synthesis=synthesis, text=factor.text,
                                                 domain=factor.domain, valence=factor.valence)
            row.factors.add(factor)
        _log(actor, synthesis, EventCode.DIALOGUE_SYNTHESIS_CREATE, Action.CREATE, decision)
    return synthesis


def synthesis_update(*, actor: Actor, synthesis: Synthesis, title: str, method: str,
                     went_well: str, could_be_better: str) -> Synthesis:
    decision = _change(actor, synthesis)
    if not title.strip():
        raise ValidationError({"title": _("Give the synthesis a title.")})
    with service_transaction():
        synthesis = _lock(synthesis)
        synthesis.title, synthesis.method = title.strip(), method.strip()
        synthesis.went_well, synthesis.could_be_better = went_well.strip(), could_be_better.strip()
        synthesis.save(update_fields=["title", "method", "went_well", "could_be_better"])
        _log(actor, synthesis, EventCode.DIALOGUE_SYNTHESIS_CHANGE, Action.UPDATE, decision)
    return synthesis


def synthesis_merge(*, actor: Actor, synthesis: Synthesis, row_ids: Sequence[int],
                    text: str = "") -> SynthesisFactor:
    """Merge rows the chair confirms are one factor into the first of them (its text, or
    `text`). Rows of different domains or valences are refused: a helping and an obstructing
    factor are never the same factor."""
    decision = _change(actor, synthesis)
    with service_transaction():
        synthesis = _lock(synthesis)
        rows = list(SynthesisFactor.objects.select_for_update().filter(
            synthesis=synthesis, pk__in=set(row_ids)).order_by("pk"))
        if len(rows) < 2 or len(rows) != len(set(row_ids)):
            raise ValidationError(_("Choose at least two factors of this synthesis to merge."))
        if len({row.valence for row in rows}) > 1:
            raise ValidationError(_("A helping and an obstructing factor cannot be merged: "
                                    "they are different factors."))
        if len({row.domain for row in rows}) > 1:
            raise ValidationError(_("Factors of different domains cannot be merged."))
        kept, *merged = rows
        for row in merged:
            kept.factors.add(*row.factors.all())
            row.delete()
        if text.strip():
            kept.text = text.strip()
            kept.save(update_fields=["text"])
        _log(actor, synthesis, EventCode.DIALOGUE_SYNTHESIS_CHANGE, Action.UPDATE, decision)
    return kept


def synthesis_row_set_structural(*, actor: Actor, synthesis: Synthesis, row_id: int,
                                 structural: bool | None) -> SynthesisFactor:
    """The chair's decision whether a row is structural (None: by the count of tables)."""
    decision = _change(actor, synthesis)
    with service_transaction():
        synthesis = _lock(synthesis)
        row = SynthesisFactor.objects.filter(synthesis=synthesis, pk=row_id).first()
        if row is None:
            raise ValidationError(_("Choose a factor of this synthesis."))
        row.structural_override = structural
        row.save(update_fields=["structural_override"])
        _log(actor, synthesis, EventCode.DIALOGUE_SYNTHESIS_CHANGE, Action.UPDATE, decision)
    return row


def synthesis_recommendation_add(*, actor: Actor, synthesis: Synthesis, audience: str,
                                 text: str) -> SynthesisRecommendation:
    decision = _change(actor, synthesis)
    errors: dict[str, str] = {}
    if audience not in Audience.values:
        errors["audience"] = _("Choose for whom the recommendation is.")
    if not text.strip():
        errors["text"] = _("Write the recommendation.")
    if errors:
        raise ValidationError(errors)
    with service_transaction():
        synthesis = _lock(synthesis)
        recommendation = SynthesisRecommendation.objects.create(
            synthesis=synthesis, audience=audience, text=text.strip())
        _log(actor, synthesis, EventCode.DIALOGUE_SYNTHESIS_CHANGE, Action.UPDATE, decision)
    return recommendation


def synthesis_adopt(*, actor: Actor, synthesis: Synthesis) -> Synthesis:
    decision = _change(actor, synthesis)
    with service_transaction():
        synthesis = _lock(synthesis)
        synthesis.status = SynthesisStatus.ADOPTED
        synthesis.save(update_fields=["status"])
        _log(actor, synthesis, EventCode.DIALOGUE_SYNTHESIS_CHANGE, Action.UPDATE, decision)
    return synthesis
