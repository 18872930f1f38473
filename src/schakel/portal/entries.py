"""The entries of a case the portal deals in (plan step versions, agreements, help given):
finding one by type and id within its case, and naming it."""

from __future__ import annotations

from django.utils.text import Truncator
from django.utils.translation import gettext as _

from schakel.cases.models import Agreement, Case, Intervention, PlanStepEntry
from schakel.portal.models import EntryType

Entry = PlanStepEntry | Agreement | Intervention


def entry_get(case: Case, entry_type: str, entry_id: int) -> Entry | None:
    """The entry of `case` with this type and id, or None."""
    if entry_type == EntryType.PLAN_STEP:
        return PlanStepEntry.objects.filter(case=case, pk=entry_id).first()
    if entry_type == EntryType.AGREEMENT:
        return Agreement.objects.filter(case=case, pk=entry_id).first()
    if entry_type == EntryType.INTERVENTION:
        return Intervention.objects.filter(case=case, pk=entry_id).first()
    return None


def entry_type_of(entry: Entry) -> EntryType:
    if isinstance(entry, PlanStepEntry):
        return EntryType.PLAN_STEP
    if isinstance(entry, Agreement):
        return EntryType.AGREEMENT
    return EntryType.INTERVENTION


def entry_key(entry: Entry) -> tuple[str, int]:
    return (str(entry_type_of(entry)), entry.pk)


def entry_label(entry: Entry) -> str:
    """A short name for an entry: "Step 3, version 2", or the start of its description."""
    if isinstance(entry, PlanStepEntry):
        return _("Plan step %(step)s, version %(version)s") % {
            "step": entry.step, "version": entry.version}
    return Truncator(entry.description).chars(80)
