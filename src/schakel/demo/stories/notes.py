"""Conversation notes in Bas's case: the youth nurse's talk with his mother (shared with the
parents in the portal) and a phone call with the teacher."""

from __future__ import annotations

from schakel.cases.models import Case
from schakel.consent.models import InformationCategory
from schakel.demo.stories.common import Cast
from schakel.notes.models import ConversationNote, NoteKind
from schakel.notes.services import note_write


def notes_story(cast: Cast, bas_case: Case) -> None:
    if ConversationNote.objects.filter(case=bas_case).exists():
        return
    nurse = cast.actor("jvk.demo")
    note_write(
        actor=nurse, case=bas_case, kind=NoteKind.PARENTS, held_on=cast.days_ago(10),
        participants="Moeder (Ingrid Twente-Lohuis), jeugdverpleegkundige",
        text="Moeder vertelt dat Bas laat in slaap valt sinds de verhuizing van zijn vader. "
             "Afgesproken: vaste bedtijd, geen scherm na half acht; over twee weken bellen we.",
        category=InformationCategory.CARE, shared_with_parents=True)
    note_write(
        actor=nurse, case=bas_case, kind=NoteKind.PHONE, held_on=cast.days_ago(3),
        participants="Leerkracht groep 4, jeugdverpleegkundige",
        text="De leerkracht ziet Bas 's ochtends minder moe; de rustige plek helpt.",
        category=InformationCategory.CARE)
