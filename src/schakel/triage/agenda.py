"""The agenda source "for the next kernteam meeting": the new signals the core team marked in
the triage inbox are proposed for the school's next kernteam meeting (meetings/agenda.py)."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _, gettext_lazy as _lazy

from schakel.meetings.agenda import AgendaProposal, agenda_source
from schakel.meetings.models import Meeting
from schakel.signals.models import Signal, SignalStatus


@agenda_source
class SignalsForNextMeeting:
    code = "triage.next_meeting"
    label = _lazy("Signals marked for this meeting")

    def proposals(self, meeting: Meeting, since: dt.datetime) -> list[AgendaProposal]:
        signals = Signal.objects.filter(
            school_id=meeting.school_id, status=SignalStatus.NEW,
            triage__for_next_meeting=True, triage__triaged_at__lt=meeting.starts_at,
        ).select_related("theme").order_by("raised_at", "pk")
        return [AgendaProposal(
            heading=_("Signal marked in triage (%(level)s): %(theme)s") % {
                "level": signal.get_level_display(), "theme": signal.theme.display_label},
            signal_id=signal.pk, child_id=signal.child_id) for signal in signals]
