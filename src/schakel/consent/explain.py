"""Plain-language sentences about consent: who must consent, and what a consent lacks.

Shared by the services (refusal messages) and the sharing check (explanations), so that a
professional reads the same words in both. English message ids; Dutch in the catalogue.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from schakel.access.policy.consenters import AgeBand, CustodyRule, Requirement, Shortfall


def day_text(day: dt.date) -> str:
    return date_format(day, "j F Y")


def requirement_text(requirement: Requirement, *, name: str) -> str:
    """E.g. "Tina is 13: consent of Tina and of a parent with custody is needed." """
    every = requirement.custody_rule == CustodyRule.ALL
    values = {"name": name, "age": requirement.age}
    if requirement.voogd_organisation_id is not None and requirement.needs_guardians:
        if requirement.band == AgeBand.UNDER_12:
            return _("%(name)s is %(age)s and under guardianship (voogdij): consent of the "
                     "voogd (the certified institution) is needed.") % values
        return _("%(name)s is %(age)s and under guardianship (voogdij): consent of %(name)s "
                 "and of the voogd (the certified institution) is needed.") % values
    if requirement.band == AgeBand.UNDER_12:
        if every:
            return _("%(name)s is %(age)s: consent of every parent with custody is needed.") % (
                values)
        return _("%(name)s is %(age)s: consent of a parent with custody is needed.") % values
    if requirement.band == AgeBand.FROM_12_TO_15:
        if every:
            return _("%(name)s is %(age)s: consent of %(name)s and of every parent with custody "
                     "is needed.") % values
        return _("%(name)s is %(age)s: consent of %(name)s and of a parent with custody is "
                 "needed.") % values
    return _("%(name)s is %(age)s: consent of %(name)s alone is needed.") % values


def missing_parts(
    missing: Shortfall, *, name: str, guardian_names: Mapping[int, str],
) -> list[str]:
    """What is missing, one phrase per missing consenter."""
    parts: list[str] = []
    if missing.young_person:
        parts.append(_("consent of %(name)s") % {"name": name})
    if missing.a_guardian:
        parts.append(_("consent of a parent with custody"))
    for guardian_id in sorted(missing.guardian_ids):
        parts.append(_("consent of %(name)s") % {
            "name": guardian_names.get(guardian_id, _("a parent with custody"))})
    if missing.voogd:
        parts.append(_("consent of the voogd (the certified institution)"))
    if missing.no_custodian_known:
        parts.append(_("a parent or guardian with custody (none is recorded; under guardianship "
                       "(voogdij) the voogd decides)"))
    return parts


def missing_text(
    missing: Shortfall, *, name: str, guardian_names: Mapping[int, str],
) -> str:
    """E.g. "Missing: consent of Tina." """
    return _("Missing: %(parts)s.") % {"parts": ", ".join(
        missing_parts(missing, name=name, guardian_names=guardian_names))}
