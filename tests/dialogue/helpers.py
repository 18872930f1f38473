"""Hand-made dialogue tables for the tests."""

from __future__ import annotations

from django.apps import apps
from django.utils import timezone

from schakel.dialogue.models import (
    DialogueTable,
    Domain,
    Factor,
    Level,
    Participant,
    Perspective,
    TableStatus,
    Valence,
)
from schakel.organisations.models import Professional


def make_table(chair: Professional, *, title: str = "Casus PO", status: str = TableStatus.DRAFT,
               participant: Professional | None = None) -> DialogueTable:
    table = DialogueTable.objects.create(
        title=title, level=Level.PO, chair=chair, status=status, description="Een kind.",
        adopted_at=timezone.now() if status == TableStatus.ADOPTED else None)
    if participant is not None:
        Participant.objects.create(table=table, perspective=Perspective.PROFESSIONAL,
                                   role="Mentor", professional=participant)
    return table


def factor(table: DialogueTable, text: str, *, valence: str = Valence.HELPING,
           domain: str = Domain.PROFESSIONAL, case_specific: bool = True,
           parent: Factor | None = None) -> Factor:
    return Factor.objects.create(table=table, text=text, valence=valence, domain=domain,
                                 case_specific=case_specific, parent=parent)


def dialogue_rows() -> dict[str, int]:
    """The number of rows of every table of the app, to show that nothing was stored."""
    return {model._meta.label: model._base_manager.count()
            for model in apps.get_app_config("dialogue").get_models()}
