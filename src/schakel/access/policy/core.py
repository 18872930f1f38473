"""Decisions, grounds and the relationships every rule builds on."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from django.db.models import Q
from django.utils import timezone

from schakel.access.actor import Actor
from schakel.cases.models import Case, Involvement
from schakel.organisations.models import Function, School, Sector
from schakel.teams.models import TeamLayer, TeamMembership


class Ground(StrEnum):
    """The treatment relationship on which access was granted, as logged."""

    COORDINATOR = "coordinator"
    INVOLVED = "involved"
    CORE_TEAM = "core_team"
    RAISED_BY = "raised_by"
    LOG_ADMINISTRATOR = "log_administrator"
    MEASURE_ORGANISATION = "measure_organisation"
    ACCOUNT_ADMINISTRATOR = "account_administrator"
    FUNCTIONAL_ADMINISTRATOR = "functional_administrator"
    # The portal (`policy.portal`): parents and young people looking at their own file.
    PARENT_WITH_CUSTODY = "parent_with_custody"
    PARENT_WITHOUT_CUSTODY = "parent_without_custody"
    YOUNG_PERSON = "young_person"
    # Under voogdij: a professional of the certified institution that is the voogd.
    VOOGD = "voogd"
    # The school's contact point, answering a request of a parent without custody.
    SCHOOL_CONTACT_POINT = "school_contact_point"
    SHARED_BY_YOUNG_PERSON = "shared_by_young_person"
    # A parent or the young person invited to a meeting about the case (an MDO).
    INVITED = "invited"
    # The leerplichtambtenaar receiving a school's verzuimmelding (Leerplichtwet 1969 art. 21a).
    TRUANCY_REPORTING = "truancy_reporting"
    HANDOVER_SENDER = "handover_sender"
    HANDOVER_RECEIVER = "handover_receiver"
    # The Meldcode route (`policy.meldcode`): the professional who runs it, and the
    # aandachtsfunctionaris of the runner's organisation or of the child's school.
    MELDCODE_RUNNER = "meldcode_runner"
    MELDCODE_OFFICER = "meldcode_officer"
    # Dialogue tables (`policy.dialogue`): the chair, a participant, a chair of a synthesis's
    # table.
    DIALOGUE_CHAIR = "dialogue_chair"
    DIALOGUE_PARTICIPANT = "dialogue_participant"
    # Any professional may start a dialogue table or a synthesis of the tables they read.
    PROFESSIONAL = "professional"
    # The municipality's policy officer of the school's municipality, a member of the school's
    # steering group (`policy.prevention`, `policy.schoolprofile`); a school leader of the
    # school's board (`policy.schoolprofile`).
    POLICY_OFFICER = "policy_officer"
    STEERING_GROUP = "steering_group"
    # The school's management (`policy.patterns`): its steering group and its school leaders.
    MANAGEMENT = "management"
    # The team's own development (`policy.teamdevelopment`): a current member of the team.
    TEAM_MEMBER = "team_member"
    SCHOOL_MANAGER = "school_manager"
    # Break the glass (`policy.emergency`): a claimed, time-limited emergency access.
    EMERGENCY = "emergency"
    # A system calling the API for its own organisation (`policy.systems`).
    SYSTEM_CLIENT = "system_client"
    # A list read: the rows were chosen by one of the policy's list filters (`*_q`), which
    # only lets through what the reader may see; no single decision was taken.
    LISTED = "listed"
    NONE = ""


@dataclass(frozen=True)
class Decision:
    allowed: bool
    ground: Ground = Ground.NONE
    # The consent profile used, when information crossed organisations: "consent #12".
    basis: str = ""

    def __bool__(self) -> bool:
        return self.allowed

    @property
    def log_ground(self) -> str:
        """The ground as written to the access log: relationship and consent profile."""
        return f"{self.ground}; {self.basis}" if self.basis else str(self.ground)


DENY = Decision(allowed=False)


def _today() -> dt.date:
    return timezone.localdate()


def core_team_school_ids(actor: Actor) -> frozenset[int]:
    """Schools whose core team (kernteam) the actor belongs to today. Cached per actor."""
    if actor.professional is None:
        return frozenset()
    cache: dict[int, frozenset[int]] = actor.__dict__.setdefault("_core_schools", {})
    key = actor.professional.pk
    if key not in cache:
        cache[key] = frozenset(
            TeamMembership.objects.active_on(_today()).filter(
                professional=actor.professional, team__layer=TeamLayer.CORE
            ).values_list("team__school_id", flat=True)
        )
    return cache[key]


def steering_school_ids(actor: Actor) -> frozenset[int]:
    """Schools whose steering group (stuurgroep) the actor belongs to today."""
    if actor.professional is None:
        return frozenset()
    return frozenset(TeamMembership.objects.active_on(_today()).filter(
        professional=actor.professional, team__layer=TeamLayer.STEERING,
    ).values_list("team__school_id", flat=True))


def policy_officer_municipality(actor: Actor) -> str:
    """The municipality a policy officer (beleidsmedewerker of a municipality) works for;
    '' for anyone else. Compare it with `same_municipality`."""
    professional = actor.professional
    if professional is None or professional.function != Function.POLICY_OFFICER:
        return ""
    organisation = professional.organisation
    if organisation.sector != Sector.MUNICIPALITY:
        return ""
    return organisation.municipality.strip()


def same_municipality(municipality: str, school: School) -> bool:
    return bool(municipality) and (
        municipality.casefold() == school.municipality.strip().casefold())


def _active_involvement_q(actor: Actor, prefix: str = "") -> Q:
    return Q(**{f"{prefix}professional": actor.professional}) & Involvement.active_q(
        _today(), prefix)


def _is_involved(actor: Actor, case: Case) -> bool:
    return Involvement.objects.filter(_active_involvement_q(actor), case=case).exists()
