"""Conversation notes (gespreksverslagen) of a case: who writes, corrects and reads them.

A note belongs to an information category, care or school, which decides who may read it
under consent: a care note as the case's content (`may_read_case`), a school note by those who
read the case and whose organisation may also receive the school data of every child of the
case (the file holder, a consent, a legal ground, the OTS duty to inform). The author corrects
their own note in place for `NOTE_EDIT_HOURS`; after that a correction is a new version with
who and why, and the earlier version stays (nothing is deleted outside retention). Parents and
the young person see a note in the portal only when it is shared with them and they read the
case there (`policy.portal`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db.models import Q
from django.utils import timezone

from schakel.access.actor import Actor
from schakel.access.policy.cases import case_category_basis, may_contribute_to_case, may_read_case
from schakel.access.policy.core import DENY, Decision, Ground
from schakel.access.policy.portal import may_read_case_in_portal
from schakel.cases.models import Case
from schakel.consent.models import InformationCategory
from schakel.notes.models import NOTE_CATEGORIES, ConversationNote

NOTE_EDIT_HOURS = 24


def may_read_notes_of_category(actor: Actor, case: Case, category: str, *,
                               read: Decision | None = None) -> Decision:
    """The notes of one category of a case (`read`: the `may_read_case` decision when the
    caller made it already). On an emergency access every note may be read."""
    decision = read if read is not None else may_read_case(actor, case)
    if not decision or actor.professional is None:
        return DENY
    if category == InformationCategory.CARE or decision.ground == Ground.EMERGENCY:
        return decision
    basis = case_category_basis(actor.professional.organisation, case, category)
    return Decision(True, decision.ground, basis) if basis is not None else DENY


def notes_readable_q(actor: Actor, case_reads: Iterable[tuple[Case, Decision]]) -> Q:
    """The conversation notes `may_read_notes_of_category` allows, as a filter on
    `ConversationNote`, for the cases of `case_reads` (each with the actor's `may_read_case`
    decision, `child_case_reads`): decided once per case and category, not per note."""
    q = Q(pk__in=[])
    for case, read in case_reads:
        if not read:
            continue
        for category in NOTE_CATEGORIES:
            if may_read_notes_of_category(actor, case, category, read=read):
                q |= Q(case_id=case.pk, category=category)
    return q


def may_write_note(actor: Actor, case: Case, category: str, *,
                   read: Decision | None = None) -> Decision:
    """Write a note of `category` (or correct one): whoever contributes to the open case and
    may read notes of that category."""
    contribute = may_contribute_to_case(actor, case, read=read)
    if not contribute:
        return DENY
    return may_read_notes_of_category(actor, case, category, read=contribute)


def note_edit_window_open(note: ConversationNote, now: dt.datetime | None = None) -> bool:
    return (now or timezone.now()) < note.created_at + dt.timedelta(hours=NOTE_EDIT_HOURS)


def may_edit_note_in_place(actor: Actor, note: ConversationNote,
                           now: dt.datetime | None = None) -> bool:
    """The author, within the window, on the current version."""
    return (actor.professional is not None and note.author_id == actor.professional.pk
            and note_edit_window_open(note, now))


def may_read_note_in_portal(actor: Actor, note: ConversationNote) -> Decision:
    if not note.shared_with_parents:
        return DENY
    return may_read_case_in_portal(actor, note.case)
