"""The write URLs of dialogue tables in the role x URL matrix (see `matrix_write`): the
coordinator chairs the world's table (in review; the POH takes part and comments) and the
synthesis over two adopted tables. Anyone else's change is the logged 404; a synthesis of
tables one does not read is refused by its form."""

from __future__ import annotations

from schakel.cases.models import Case
from schakel.dialogue.models import (
    DialogueTable,
    Factor,
    HistoryEvent,
    Participant,
    Recommendation,
    ReviewComment,
    Synthesis,
    SynthesisFactor,
    SynthesisRecommendation,
)
from tests.access.matrix_write import Write, rows

CHANGE = "sign 404! 404! 302+ 404! 404! 404! 404! 404! 404! 404! 404! 404  404"
SYNTHESIS = "sign 404! 404! 302+ 404! 404! 404! 404! 404! 404! 404! 404! 404  404"

DIALOGUE_WRITES: dict[str, Write] = {
    #             anon core tchr coor invl ncon form coll outs oth2 priv supr prnt yng
    # Any professional creates a table (and chairs it).
    "dialogue:create": Write(
        outcomes="sign 302+ 302+ 302+ 302+ 302+ 302+ 302+ 302+ 302+ 302+ 404! 404  404",
        payload=lambda w: {"title": "Casus MBO", "level": "mbo"},
        effect=rows(DialogueTable)),
    "dialogue:edit": Write(
        outcomes=CHANGE,
        payload=lambda w: {"title": "Casus PO", "level": "po", "description": "Kind.",
                           "goal_realisation": "Functioneert weer in de groep."},
        effect=rows(DialogueTable, id="table_id")),
    # The chair reads the case: the proposal replaces the description.
    "dialogue:propose": Write(
        outcomes=CHANGE,
        payload=lambda w: {"reference": Case.objects.get(pk=w.id("case_id")).reference},
        effect=rows(DialogueTable, id="table_id")),
    "dialogue:history_add": Write(
        outcomes=CHANGE,
        payload=lambda w: {"moment": "groep 5", "description": "Plusgroep"},
        effect=rows(HistoryEvent, table_id="table_id")),
    "dialogue:participant_add": Write(
        outcomes=CHANGE,
        payload=lambda w: {"perspective": "parent", "role": "Moeder",
                           "organisation_type": "", "professional": ""},
        effect=rows(Participant, table_id="table_id")),
    "dialogue:factor_add": Write(
        outcomes=CHANGE,
        payload=lambda w: {"domain": "family", "valence": "helping",
                           "text": "Ouders zijn gemotiveerd", "case_specific": "on"},
        effect=rows(Factor, table_id="table_id")),
    "dialogue:recommendation_add": Write(
        outcomes=CHANGE,
        payload=lambda w: {"audience": "school", "text": "Deel verwachtingen vroeg."},
        effect=rows(Recommendation, table_id="table_id")),
    # The POH takes part with her account; the table is in review.
    "dialogue:comment": Write(
        outcomes="sign 404! 404! 404! 302+ 404! 404! 404! 404! 404! 404! 404! 404  404",
        payload=lambda w: {"text": "Aanvulling op het verslag."},
        effect=rows(ReviewComment, table_id="table_id")),
    "dialogue:review_start": Write(
        outcomes="sign 404! 404! 302  404! 404! 404! 404! 404! 404! 404! 404! 404  404",
        payload=lambda w: {},
        effect=rows(DialogueTable, id="table_id"),
        no_writer="the world's table is in review already; tests/dialogue/test_pages.py "
                  "sends a draft to review"),
    "dialogue:adopt": Write(
        outcomes=CHANGE,
        payload=lambda w: {},
        effect=rows(DialogueTable, id="table_id")),
    # Of the two adopted tables the coordinator chairs; the others' form offers none.
    "dialogue:synthesis_create": Write(
        outcomes="sign 200  200  302+ 200  200  200  200  200  200  200  200  404  404",
        payload=lambda w: {"title": "Overstijgend 2", "tables": [
            w.id("adopted_table_1_id"), w.id("adopted_table_2_id")]},
        effect=rows(Synthesis)),
    "dialogue:synthesis_edit": Write(
        outcomes=SYNTHESIS,
        payload=lambda w: {"title": "Overstijgend", "method": "Twee tafels.",
                           "went_well": "Overleg", "could_be_better": "Regie"},
        effect=rows(Synthesis, id="synthesis_id")),
    "dialogue:synthesis_merge": Write(
        outcomes=SYNTHESIS,
        payload=lambda w: {"rows": f"{w.id('synthesis_row_1_id')},"
                                   f"{w.id('synthesis_row_2_id')}", "text": ""},
        effect=rows(SynthesisFactor, synthesis_id="synthesis_id")),
    "dialogue:synthesis_structural": Write(
        outcomes=SYNTHESIS,
        payload=lambda w: {"row": w.id("synthesis_row_1_id"), "structural": "yes"},
        effect=rows(SynthesisFactor, synthesis_id="synthesis_id")),
    "dialogue:synthesis_recommendation_add": Write(
        outcomes=SYNTHESIS,
        payload=lambda w: {"audience": "overarching", "text": "Organiseer een warme overdracht."},
        effect=rows(SynthesisRecommendation, synthesis_id="synthesis_id")),
    "dialogue:synthesis_adopt": Write(
        outcomes=SYNTHESIS,
        payload=lambda w: {},
        effect=rows(Synthesis, id="synthesis_id")),
}
