"""What attendance adds to lower apps' pages: a section on the pupil's case page, and the
pupils the core team should discuss on the kernteam agenda (seed 004 §3.3 d: attendance is a
standing item)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _, gettext_lazy as _lazy

from schakel.access.actor import Actor
from schakel.attendance.selectors.figures import attention_rows, case_attendance
from schakel.cases.models import Case, CaseStatus
from schakel.cases.panels import CASE_SECTIONS, CasePage
from schakel.http.panels import Panel
from schakel.meetings.agenda import AgendaProposal, agenda_source
from schakel.meetings.models import Meeting


def case_attendance_section(actor: Actor, page: CasePage) -> Panel | None:
    if not page.read:
        return None
    summary = case_attendance(actor=actor, child=page.case.child, school=page.case.school)
    if summary is None:
        return None
    return Panel("attendance/panels/case_attendance.html", {"summary": summary})


CASE_SECTIONS.register(case_attendance_section, order=40)


@agenda_source
class AttendanceAttention:
    """Pupils whose tier rose or who reached 16 hours of unauthorised absence within 4 school
    weeks; linked to the pupil's open case at the school when there is one."""

    code = "attendance.attention"
    label = _lazy("Attendance")

    def proposals(self, meeting: Meeting, since: dt.datetime) -> list[AgendaProposal]:
        day = timezone.localtime(meeting.starts_at).date()
        rows = attention_rows(school_id=meeting.school_id, as_of=day)
        cases = dict(Case.objects.filter(
            school_id=meeting.school_id, child_id__in=[row.child.pk for row in rows])
            .exclude(status=CaseStatus.CLOSED).values_list("child_id", "pk"))
        proposals = []
        for row in rows:
            if row.recent_event is not None:
                heading = _("Attendance: 16 hours of unauthorised absence within 4 school "
                            "weeks (tier %(tier)s)") % {"tier": row.tier}
            else:
                heading = _("Attendance: up from tier %(before)s to tier %(tier)s") % {
                    "before": row.previous_tier, "tier": row.tier}
            proposals.append(AgendaProposal(heading=heading, child_id=row.child.pk,
                                            case_id=cases.get(row.child.pk)))
        return proposals
