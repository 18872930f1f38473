"""The agenda source "rode draad": the school's proposed patterns go onto its kernteam
meeting as a class or school item (meetings/agenda.py). The heading names the theme, the
class and the count, never a child."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _, gettext_lazy as _lazy, ngettext

from schakel.meetings.agenda import AgendaProposal, agenda_source
from schakel.meetings.models import Meeting
from schakel.patterns.models import Pattern, PatternStatus


def pattern_heading(pattern: Pattern) -> str:
    """Without the count, so that a refilled agenda does not add the pattern again when it
    grew (the count is in the note)."""
    if pattern.school_class is not None:
        return _("Rode draad in class %(class)s: %(theme)s") % {
            "class": pattern.school_class.name, "theme": pattern.theme.display_label}
    return _("Rode draad in the school: %(theme)s") % {"theme": pattern.theme.display_label}


def pattern_note(pattern: Pattern) -> str:
    return ngettext(
        "%(n)s signal of this theme from %(start)s to %(end)s.",
        "%(n)s signals of this theme from %(start)s to %(end)s.", pattern.signal_count) % {
        "n": pattern.signal_count,
        "start": date_format(timezone.localtime(pattern.period_start).date(), "j F Y"),
        "end": date_format(timezone.localtime(pattern.period_end).date(), "j F Y")}


@agenda_source
class ProposedPatterns:
    code = "patterns.proposed"
    label = _lazy("Rode draad (class and school)")

    def proposals(self, meeting: Meeting, since: dt.datetime) -> list[AgendaProposal]:
        patterns = Pattern.objects.filter(
            school_id=meeting.school_id, status=PatternStatus.PROPOSED,
            detected_at__lt=meeting.starts_at,
        ).select_related("school_class", "theme").order_by("period_end", "pk")
        return [AgendaProposal(heading=pattern_heading(pattern)[:200], note=pattern_note(pattern))
                for pattern in patterns]
