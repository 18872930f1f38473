"""The policy's filters for the parts of one child's file (the chronology's): the child's
cases with the case page's own decision each, the notes per case and category, the signals
as `may_read_signal` decides them."""

from __future__ import annotations

import pytest

from schakel.access import policy
from schakel.consent.models import InformationCategory
from schakel.notes.models import ConversationNote, NoteKind
from schakel.signals.models import Signal
from tests.conftest import World
from tests.factories import CaseFactory, InvolvementFactory, SignalFactory, days_ago

pytestmark = pytest.mark.django_db


def test_the_childs_cases_are_its_own_and_its_familys_each_with_the_case_decision(
        world: World) -> None:
    family_case = CaseFactory(child=None, family=world.family, school=world.school,
                              opened_by=world.core_member)
    CaseFactory(school=world.school)  # another child's
    for professional in (world.nurse, world.core_member, world.outsider):
        actor = world.actor(professional)
        reads = policy.child_case_reads(actor, world.child)
        assert {case.pk for case, _decision in reads} == {world.case.pk, family_case.pk}
        assert all(bool(decision) == bool(policy.may_read_case(actor, case))
                   for case, decision in reads)
    nurse = {case.pk: d for case, d in policy.child_case_reads(
        world.actor(world.nurse), world.child)}
    assert nurse[world.case.pk]
    assert not nurse[family_case.pk]


def test_notes_per_case_and_category(world: World) -> None:
    notes = {category: ConversationNote.objects.create(
        case=world.case, kind=NoteKind.PHONE, held_on=days_ago(1), participants="Moeder",
        text="Gesprek", category=category, author=world.core_member)
        for category in (InformationCategory.CARE, InformationCategory.SCHOOL)}
    InvolvementFactory(case=world.case, professional=world.teacher)  # the file holder's
    for professional, expected in ((world.nurse, {InformationCategory.CARE}),
                                   (world.teacher, set(notes)), (world.core_member, set())):
        actor = world.actor(professional)
        q = policy.notes_readable_q(actor, policy.child_case_reads(actor, world.child))
        shown = set(ConversationNote.objects.filter(q).values_list("category", flat=True))
        assert shown == expected, professional.full_name


def test_signals_as_may_read_signal_decides(world: World) -> None:
    SignalFactory(school=world.school, child=world.child, raised_by=world.teacher,
                  case=world.case)
    SignalFactory(school=world.other_school, child=world.child, raised_by=world.outsider)
    for professional in (world.nurse, world.core_member, world.teacher, world.outsider,
                         world.other_core_member):
        actor = world.actor(professional)
        q = policy.signals_readable_q(actor, policy.child_case_reads(actor, world.child))
        shown = set(Signal.objects.filter(child=world.child).filter(q).values_list(
            "pk", flat=True))
        assert shown == {s.pk for s in Signal.objects.filter(child=world.child)
                         if policy.may_read_signal(actor, s)}, professional.full_name
