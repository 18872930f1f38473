"""The verzuimmelding (Leerplichtwet 1969 art. 21a): who writes a school's reports and who
receives them.

The school's core team, which monitors its pupils' attendance, keeps the school's reports:
it edits a draft, confirms it, exports it and records what DUO and the municipality did. The
leerplichtambtenaar (a truancy officer of a municipality) reads the reports of the schools in
his own municipality, on the legal ground of art. 21a, for the attendance category only; he
changes nothing of them. Nobody else sees a report."""

from __future__ import annotations

from django.db.models import Q

from schakel.absencereports.models import AbsenceReport
from schakel.access.actor import Actor
from schakel.access.policy.core import DENY, Decision, Ground, core_team_school_ids
from schakel.organisations.models import Function, Sector


def truancy_officer_municipality(actor: Actor) -> str:
    """The municipality a truancy officer works for; '' for anyone else."""
    professional = actor.professional
    if professional is None or professional.function != Function.TRUANCY_OFFICER:
        return ""
    organisation = professional.organisation
    if organisation.sector != Sector.MUNICIPALITY:
        return ""
    return organisation.municipality


def absence_reports_visible_q(actor: Actor, prefix: str = "") -> Q:
    """The reports the actor may read, as a filter (`prefix` for joins)."""
    visible = Q(**{f"{prefix}school_id__in": sorted(core_team_school_ids(actor))})
    municipality = truancy_officer_municipality(actor)
    if municipality:
        visible |= Q(**{f"{prefix}school__municipality__iexact": municipality})
    return visible


def may_list_absence_reports(actor: Actor) -> Decision:
    if core_team_school_ids(actor):
        return Decision(True, Ground.CORE_TEAM)
    if truancy_officer_municipality(actor):
        return Decision(True, Ground.TRUANCY_REPORTING)
    return DENY


def may_read_absence_report(actor: Actor, report: AbsenceReport) -> Decision:
    if report.school_id in core_team_school_ids(actor):
        return Decision(True, Ground.CORE_TEAM)
    municipality = truancy_officer_municipality(actor)
    if municipality and report.school.municipality.casefold() == municipality.casefold():
        return Decision(True, Ground.TRUANCY_REPORTING)
    return DENY


def may_write_absence_report(actor: Actor, school_id: int) -> Decision:
    """Draft, confirm, export, record DUO and the answer: the school's core team."""
    if school_id in core_team_school_ids(actor):
        return Decision(True, Ground.CORE_TEAM)
    return DENY
