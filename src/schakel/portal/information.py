"""What an answer to a request of a parent without custody shares (BW 1:377c): the
important facts as they are on the day of the answer. Read only for a request already read
through the policy (`portal.selectors.information`, `portal.services.information`)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.access import policy
from schakel.cases.models import Case, CaseStatus
from schakel.children.models import Child, Enrolment


@dataclass(frozen=True)
class SharedFacts:
    """The important facts about a child as they are today (BW 1:377c): school and class;
    for a child under 16 whether there is an open case and who the contact is."""

    school: str
    case: str
    shows_case: bool


def information_facts(child: Child) -> SharedFacts:
    """The facts as an answer would share them today. A read helper for a request already
    read through the policy (`information_request_get`, `information_request_answer`)."""
    today = timezone.localdate()
    schools = [
        f"{e.school.name} · {e.school_class.name}" if e.school_class else e.school.name
        for e in Enrolment.objects.filter(child=child).active_on(today).select_related(
            "school", "school_class")]
    shows_case = policy.information_shows_case(child)
    case_text = ""
    if shows_case:
        cases = list(Case.objects.filter(child=child).exclude(
            status=CaseStatus.CLOSED).select_related("coordinator__organisation"))
        contacts = sorted({f"{c.coordinator.full_name} ({c.coordinator.organisation.name})"
                           for c in cases if c.coordinator is not None})
        if not cases:
            case_text = _("There is no case.")
        elif contacts:
            case_text = _("There is a case. Contact: %(contacts)s.") % {
                "contacts": ", ".join(contacts)}
        else:
            case_text = _("There is a case.")
    return SharedFacts(school="; ".join(schools) or _("No current school is recorded."),
                       case=case_text, shows_case=shows_case)
