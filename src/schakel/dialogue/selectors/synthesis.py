"""Reads of a synthesis of dialogue tables: its rows in the order of seed 001 (the factors
named by most tables first), each with its mentions in the "(1c,2c,3c)" notation, incidental
or structural, and the possible causes under it; the merges the rule of `similarity`
proposes; and the overview report."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils import timezone

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.writer import Subject
from schakel.dialogue.models import (
    Audience,
    DialogueTable,
    Domain,
    Factor,
    Recommendation,
    Synthesis,
    SynthesisFactor,
    SynthesisRecommendation,
    Valence,
)
from schakel.dialogue.similarity import Candidate, propose_groups


def synthesis_subject(synthesis_id: int) -> Subject:
    return Subject("dialogue.synthesis", str(synthesis_id), None)


@dataclass(frozen=True)
class Mention:
    number: int  # the table's number in the synthesis
    case_specific: bool

    def __str__(self) -> str:
        return f"{self.number}c" if self.case_specific else str(self.number)


def notation(mentions: list[Mention]) -> str:
    """E.g. "(1c,2c,3c)" — seed 001: the numbers of the tables that named it, "c" where it was
    named in relation to that table's case rather than as holding in general."""
    return "(" + ",".join(str(m) for m in mentions) + ")"


@dataclass
class CauseNode:
    factor: Factor
    mentions: list[Mention]
    causes: list[CauseNode] = field(default_factory=list)

    @property
    def notation(self) -> str:
        return notation(self.mentions)


@dataclass(frozen=True)
class SynthesisRow:
    row: SynthesisFactor
    mentions: list[Mention]
    causes: list[CauseNode]

    @property
    def table_count(self) -> int:
        return len(self.mentions)

    @property
    def structural(self) -> bool:
        """Structural when named in two tables or more, unless the chair decided otherwise."""
        if self.row.structural_override is not None:
            return self.row.structural_override
        return self.table_count >= 2

    @property
    def notation(self) -> str:
        return notation(self.mentions)


def _mentions(factors: list[Factor], numbers: dict[int, int]) -> list[Mention]:
    """One mention per table; case-specific unless one of its factors was named in general."""
    by_table: dict[int, bool] = {}
    for factor in factors:
        by_table[factor.table_id] = by_table.get(factor.table_id, True) and factor.case_specific
    return sorted((Mention(numbers[t], specific) for t, specific in by_table.items()),
                  key=lambda m: m.number)


def _causes(factor: Factor, children: dict[int, list[Factor]],
            numbers: dict[int, int]) -> list[CauseNode]:
    return [CauseNode(cause, _mentions([cause], numbers), _causes(cause, children, numbers))
            for cause in children.get(factor.pk, [])]


def _rows(synthesis: Synthesis, numbers: dict[int, int]) -> list[SynthesisRow]:
    table_ids = list(numbers)
    children: dict[int, list[Factor]] = {}
    for factor in Factor.objects.filter(table_id__in=table_ids, parent__isnull=False):
        assert factor.parent_id is not None  # noqa: S101 - filtered
        children.setdefault(factor.parent_id, []).append(factor)
    rows: list[SynthesisRow] = []
    for row in synthesis.rows.all():
        factors = list(row.factors.all())
        causes = [node for factor in factors for node in _causes(factor, children, numbers)]
        rows.append(SynthesisRow(row, _mentions(factors, numbers), causes))
    rows.sort(key=lambda r: (-r.table_count, r.row.pk))
    return rows


@dataclass(frozen=True)
class DomainBlock:
    domain: Domain
    helping: list[SynthesisRow]
    obstructing: list[SynthesisRow]


@dataclass(frozen=True)
class RecommendationBlock:
    audience: Audience
    overarching: list[SynthesisRecommendation]  # the synthesis's own
    recommendations: list[tuple[Recommendation, int]]  # of the tables, with their number


@dataclass(frozen=True)
class SynthesisPage:
    synthesis: Synthesis
    tables: list[tuple[int, DialogueTable]]
    rows: list[SynthesisRow]
    proposals: list[list[SynthesisRow]]
    may_change: bool
    printed_at: object = None

    @property
    def blocks(self) -> list[DomainBlock]:
        blocks = []
        for domain in Domain:
            helping = [r for r in self.rows if r.row.domain == domain
                       and r.row.valence == Valence.HELPING]
            obstructing = [r for r in self.rows if r.row.domain == domain
                           and r.row.valence == Valence.OBSTRUCTING]
            if helping or obstructing:
                blocks.append(DomainBlock(domain, helping, obstructing))
        return blocks

    @property
    def recommendations(self) -> list[RecommendationBlock]:
        blocks = []
        for audience in Audience:
            own = [recommendation for recommendation in self.synthesis.recommendations.all()
                   if recommendation.audience == audience]
            found = [(recommendation, number) for number, table in self.tables
                     for recommendation in table.recommendations.all()
                     if recommendation.audience == audience]
            if own or found:
                blocks.append(RecommendationBlock(audience, own, found))
        return blocks

    @property
    def went_well(self) -> list[str]:
        return [line.strip(" -\t") for line in self.synthesis.went_well.splitlines()
                if line.strip(" -\t")]

    @property
    def could_be_better(self) -> list[str]:
        return [line.strip(" -\t") for line in self.synthesis.could_be_better.splitlines()
                if line.strip(" -\t")]


def table_numbers(synthesis: Synthesis) -> dict[int, int]:
    """The tables' numbers: 1, 2, 3, ... in the order of their ids."""
    ids = sorted(synthesis.tables.values_list("pk", flat=True))
    return {table_id: number for number, table_id in enumerate(ids, start=1)}


def proposed_merges(rows: list[SynthesisRow]) -> list[list[SynthesisRow]]:
    """`similarity.propose_groups` over the rows (the chair confirms each group)."""
    by_pk = {r.row.pk: r for r in rows}
    candidates = [Candidate(r.row.pk, frozenset(f.table_id for f in r.row.factors.all()),
                            r.row.domain, r.row.valence, r.row.text) for r in rows]
    return [[by_pk[pk] for pk in group] for group in propose_groups(candidates)]


def _fetch(synthesis_id: int) -> Synthesis | None:
    return (Synthesis.objects.select_related("chair__organisation")
            .prefetch_related(
                Prefetch("tables", queryset=DialogueTable.objects.prefetch_related(
                    "history", "recommendations")),
                Prefetch("rows", queryset=SynthesisFactor.objects.prefetch_related("factors")),
                "recommendations")
            .filter(pk=synthesis_id).first())


def synthesis_get(*, actor: Actor, synthesis_id: int) -> SynthesisPage:
    """A synthesis for its chair and the chairs of its tables; anything else is 404."""
    synthesis = _fetch(synthesis_id)
    decision = policy.may_read_synthesis(actor, synthesis) if synthesis else policy.DENY
    enforce(actor, decision, event_code=EventCode.DIALOGUE_SYNTHESIS_READ, action=Action.READ,
            subject=synthesis_subject(synthesis_id))
    assert synthesis is not None  # noqa: S101 - enforce refused a missing synthesis
    numbers = table_numbers(synthesis)
    tables = sorted(((numbers[t.pk], t) for t in synthesis.tables.all()), key=lambda p: p[0])
    rows = _rows(synthesis, numbers)
    may_change = bool(policy.may_change_synthesis(actor, synthesis))
    return SynthesisPage(synthesis, tables, rows, proposed_merges(rows) if may_change else [],
                         may_change, timezone.now())


def synthesis_for_change(*, actor: Actor, synthesis_id: int) -> Synthesis:
    synthesis = Synthesis.objects.filter(pk=synthesis_id).first()
    decision = (policy.may_open_synthesis_for_change(actor, synthesis) if synthesis
                else policy.DENY)
    enforce(actor, decision, event_code=EventCode.DIALOGUE_SYNTHESIS_CHANGE,
            action=Action.UPDATE, subject=synthesis_subject(synthesis_id))
    assert synthesis is not None  # noqa: S101 - enforce refused a missing synthesis
    return synthesis


def syntheses_for(*, actor: Actor) -> list[Synthesis]:
    return list(Synthesis.objects.filter(policy.syntheses_visible_q(actor))
                .select_related("chair").distinct().order_by("-created_at", "-pk"))
