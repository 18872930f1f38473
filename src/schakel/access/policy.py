"""The access policy: every decision about who may see or change what is made here.

Views, the API, exports and commands never decide access themselves; they call the `access_*`
selectors of their app, which ask this module. A refusal is always indistinguishable from
"does not exist" (404) to the user, and is written to the access log.

Need to know (DESIGN §4):
- the coordinator (regiehouder) and the professionals actively involved in a case see it;
- the school's core team sees the signals of its school and, for its pupils, that a case
  exists and who coordinates it, not the case content;
- the one who raised a signal sees that signal;
- a log administrator reads the access log; nobody else does;
- everyone else sees nothing of a child.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from schakel.access.actor import Actor
from schakel.cases.models import Case, CaseStatus, Involvement
from schakel.children.models import Child, Enrolment, Guardianship, Measure, MeasureKind
from schakel.consent import rules
from schakel.consent.models import Consent, InformationCategory, LegalGround, LegalGroundKind
from schakel.organisations.models import Organisation
from schakel.signals.models import Signal
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
    """Schools whose core team (kernteam) the actor belongs to. Cached per actor."""
    if actor.professional is None:
        return frozenset()
    cache: dict[int, frozenset[int]] = actor.__dict__.setdefault("_core_schools", {})
    key = actor.professional.pk
    if key not in cache:
        cache[key] = frozenset(
            TeamMembership.objects.filter(
                professional=actor.professional, team__layer=TeamLayer.CORE
            ).values_list("team__school_id", flat=True)
        )
    return cache[key]


def _active_involvement_q(actor: Actor, prefix: str = "") -> Q:
    today = _today()
    return Q(**{f"{prefix}professional": actor.professional}) & (
        Q(**{f"{prefix}end_date__isnull": True}) | Q(**{f"{prefix}end_date__gte": today})
    )


def _is_involved(actor: Actor, case: Case) -> bool:
    return Involvement.objects.filter(_active_involvement_q(actor), case=case).exists()


# --- cases -------------------------------------------------------------------------------


def case_content_visible_q(actor: Actor) -> Q:
    """Cases whose content the actor may read, as a filter on `Case`."""
    if actor.professional is None:
        return Q(pk__in=[])
    involved = Involvement.objects.filter(_active_involvement_q(actor), case=OuterRef("pk"))
    return Q(coordinator=actor.professional) | Q(Exists(involved))


def case_read(actor: Actor, case: Case) -> Decision:
    if actor.professional is None:
        return DENY
    if case.coordinator_id == actor.professional.pk:
        return Decision(True, Ground.COORDINATOR)
    if _is_involved(actor, case):
        return Decision(True, Ground.INVOLVED)
    return DENY


def case_contribute(actor: Actor, case: Case) -> Decision:
    """Add to the plan, agreements, interventions, advice; involve others; escalate."""
    if case.status == CaseStatus.CLOSED:
        return DENY
    return case_read(actor, case)


def case_steer(actor: Actor, case: Case) -> Decision:
    """Close the case. The coordinator steers; while nobody coordinates, any involved
    professional may."""
    decision = case_contribute(actor, case)
    if not decision:
        return DENY
    if case.coordinator_id is None or decision.ground == Ground.COORDINATOR:
        return decision
    return DENY


def case_existence_visible_q(actor: Actor) -> Q:
    """Cases whose existence and coordinator (not content) the actor may see: their own, and
    those of pupils currently enrolled at a school whose core team the actor is in."""
    schools = core_team_school_ids(actor)
    q = case_content_visible_q(actor)
    if schools:
        q |= Q(Exists(_current_enrolments_at(schools).filter(child_id=OuterRef("child_id"))))
        q |= Q(school_id__in=schools, child__isnull=True)
    return q


# --- children ----------------------------------------------------------------------------


def _current_enrolments_at(school_ids: frozenset[int]) -> models.QuerySet[Enrolment]:
    today = _today()
    return Enrolment.objects.filter(school_id__in=school_ids, start_date__lte=today).filter(
        Q(end_date__isnull=True) | Q(end_date__gte=today)
    )


def child_read(actor: Actor, child: Child) -> Decision:
    """The child's overview page: core team of a current school, or involved in a case."""
    if actor.professional is None:
        return DENY
    schools = core_team_school_ids(actor)
    if schools and _current_enrolments_at(schools).filter(child=child).exists():
        return Decision(True, Ground.CORE_TEAM)
    own_cases = Case.objects.filter(case_content_visible_q(actor)).filter(
        Q(child=child) | Q(family_id=child.family_id, family__isnull=False)
    )
    for case in own_cases.only("coordinator_id")[:1]:
        ground = Ground.COORDINATOR if case.coordinator_id == actor.professional.pk else (
            Ground.INVOLVED)
        return Decision(True, ground)
    return DENY


def children_visible_q(actor: Actor) -> Q:
    """The children `child_read` allows, as a filter on `Child` (family cases included)."""
    schools = core_team_school_ids(actor)
    own_cases = Case.objects.filter(case_content_visible_q(actor))
    q = Q(Exists(own_cases.filter(child=OuterRef("pk"))))
    q |= Q(Exists(own_cases.filter(family_id=OuterRef("family_id"))))
    if schools:
        q |= Q(Exists(_current_enrolments_at(schools).filter(child=OuterRef("pk"))))
    return q


# --- signals -----------------------------------------------------------------------------


def signals_visible_q(actor: Actor) -> Q:
    if actor.professional is None:
        return Q(pk__in=[])
    schools = core_team_school_ids(actor)
    q = Q(raised_by=actor.professional)
    if schools:
        q |= Q(school_id__in=schools)
    q |= Q(case__in=Case.objects.filter(case_content_visible_q(actor)))
    return q


def signal_read(actor: Actor, signal: Signal) -> Decision:
    if actor.professional is None:
        return DENY
    if signal.school_id in core_team_school_ids(actor):
        return Decision(True, Ground.CORE_TEAM)
    if signal.raised_by_id == actor.professional.pk:
        return Decision(True, Ground.RAISED_BY)
    if signal.case is not None:
        return case_read(actor, signal.case)
    return DENY


def signal_triage(actor: Actor, signal: Signal) -> Decision:
    """Change a signal's status or open a case from it: the school's core team."""
    if signal.school_id in core_team_school_ids(actor):
        return Decision(True, Ground.CORE_TEAM)
    return DENY


def signal_raise(actor: Actor, school_id: int) -> Decision:
    """Anyone on the team, in or outside school, may raise a signal about a pupil of a school
    they work with: its staff, its core team, or those involved with its pupils."""
    if actor.professional is None:
        return DENY
    if school_id in core_team_school_ids(actor):
        return Decision(True, Ground.CORE_TEAM)
    if actor.professional.organisation.schools.filter(pk=school_id).exists():
        return Decision(True, Ground.INVOLVED)
    return DENY


def schools_for_raising(actor: Actor) -> Q:
    """Schools the actor may raise a signal for, as a filter on `School`."""
    if actor.professional is None:
        return Q(pk__in=[])
    return Q(pk__in=core_team_school_ids(actor)) | Q(organisation=actor.professional.organisation)


def case_open_from_school(actor: Actor, school_id: int) -> Decision:
    return signal_triage_school(actor, school_id)


def signal_triage_school(actor: Actor, school_id: int) -> Decision:
    if school_id in core_team_school_ids(actor):
        return Decision(True, Ground.CORE_TEAM)
    return DENY


# --- the access log ----------------------------------------------------------------------


def audit_log_read(actor: Actor) -> Decision:
    if actor.professional is not None and actor.professional.is_log_administrator:
        return Decision(True, Ground.LOG_ADMINISTRATOR)
    return DENY


# --- accounts ----------------------------------------------------------------------------


def account_manage(actor: Actor) -> Decision:
    """Deactivate an account or reset its second factor: the operators (Django superusers),
    who act for the functional administrator of an organisation."""
    if actor.user.is_superuser:
        return Decision(True, Ground.ACCOUNT_ADMINISTRATOR)
    return DENY


# --- consent and legal grounds -----------------------------------------------------------
#
# Which categories of a child's information an organisation may receive (DESIGN §2.5, §4):
# a consent in force on the day whose signatures satisfy that day's age rule
# (`consent.rules`), or a legal ground in force. During an OTS the certified institution (GI)
# carrying it out receives the school's data on the school's statutory duty to inform the
# jeugdbeschermer; that ground is derived from the active measure, never copied into rows.
# `category_allowed` is the one answer; case access calls it per category.

OTS_KINDS = frozenset({MeasureKind.OTS, MeasureKind.PROVISIONAL_OTS})
OTS_CATEGORIES = frozenset({InformationCategory.SCHOOL})
GROUND_CONSENT = "consent"


@dataclass(frozen=True)
class CategoryDecision:
    """Whether `organisation` may receive `category` of a child's information on a day, and
    the consent, stored legal ground or measure that allows it. `ground` is "consent" or a
    `LegalGroundKind` value."""

    allowed: bool
    requirement: rules.Requirement
    ground: str = ""
    consent: Consent | None = None
    legal_ground: LegalGround | None = None
    measure: Measure | None = None

    def __bool__(self) -> bool:
        return self.allowed

    @property
    def log_ground(self) -> str:
        """The consent profile for the access log, e.g. "consent #12"."""
        source = self.consent or self.legal_ground or self.measure
        return f"{self.ground} #{source.pk}" if source is not None else ""


def custody_rule() -> rules.CustodyRule:
    return rules.CustodyRule(settings.SCHAKEL_CONSENT_CUSTODY_RULE)


def consent_requirement(child: Child, day: dt.date) -> rules.Requirement:
    """Whose consent is needed for `child` on `day` (guardians with custody as recorded now)."""
    custodians = Guardianship.objects.filter(child=child, has_custody=True).values_list(
        "guardian_id", flat=True)
    return rules.required_consenters(
        birth_date=child.birth_date, day=day, custodian_ids=custodians,
        custody_rule=custody_rule())


def consent_in_force(consent: Consent, requirement: rules.Requirement, day: dt.date) -> bool:
    """Within its validity, not withdrawn, and signed by whoever `requirement` asks for."""
    if not consent.is_within_validity(day) or consent.is_withdrawn_on(day):
        return False
    signatures = list(consent.signatures.all())
    return rules.is_satisfied(
        requirement,
        guardian_ids={s.guardian_id for s in signatures if s.guardian_id is not None},
        young_person=any(s.is_young_person for s in signatures),
    )


def category_allowed(
    child: Child, organisation: Organisation, category: InformationCategory | str,
    day: dt.date | None = None,
) -> CategoryDecision:
    """May `organisation` receive `category` of `child`'s information on `day` (today by
    default)? Reads the database afresh, so a withdrawal refuses the very next request."""
    day = day or _today()
    requirement = consent_requirement(child, day)
    consents = Consent.objects.filter(
        child=child, organisation=organisation, category=category, given_at__lte=day,
    ).prefetch_related("signatures").order_by("-given_at", "-pk")
    for consent in consents:
        if consent_in_force(consent, requirement, day):
            return CategoryDecision(True, requirement, GROUND_CONSENT, consent=consent)
    grounds = LegalGround.objects.filter(
        child=child, organisation=organisation, category=category, valid_from__lte=day,
    ).filter(Q(valid_until__isnull=True) | Q(valid_until__gte=day)).order_by("-valid_from")
    legal_ground = grounds.first()
    if legal_ground is not None:
        return CategoryDecision(True, requirement, legal_ground.kind, legal_ground=legal_ground)
    if category in OTS_CATEGORIES:
        ots = Measure.objects.filter(
            child=child, organisation=organisation, kind__in=OTS_KINDS, start_date__lte=day,
        ).filter(Q(end_date__isnull=True) | Q(end_date__gte=day)).order_by("-start_date")
        measure = ots.first()
        if measure is not None:
            return CategoryDecision(True, requirement, LegalGroundKind.OTS_DUTY_TO_INFORM,
                                    measure=measure)
    return CategoryDecision(False, requirement)


def actor_category_allowed(
    actor: Actor, child: Child, category: InformationCategory | str,
) -> CategoryDecision | None:
    """`category_allowed` today for the actor's own organisation; None for a non-professional
    (parents and young people are not recipients in this sense)."""
    if actor.professional is None:
        return None
    return category_allowed(child, actor.professional.organisation, category)


def _case_ground_for_child(actor: Actor, child: Child) -> Ground | None:
    if actor.professional is None:
        return None
    own_cases = Case.objects.filter(case_content_visible_q(actor)).filter(
        Q(child=child) | Q(family_id=child.family_id, family__isnull=False))
    for case in own_cases.only("coordinator_id")[:1]:
        return Ground.COORDINATOR if case.coordinator_id == actor.professional.pk else (
            Ground.INVOLVED)
    return None


def consent_read(actor: Actor, child: Child) -> Decision:
    """See a child's consents, legal grounds and measures, and use the sharing check: whoever
    may read the child (the core team of a current school, those involved in a case)."""
    return child_read(actor, child)


def consent_manage(actor: Actor, child: Child) -> Decision:
    """Record or withdraw consent, record or end a legal ground: a professional involved in a
    case of the child or of its family, or its coordinator. The core team alone is not
    enough: it sees that a case exists, not its content."""
    ground = _case_ground_for_child(actor, child)
    return Decision(True, ground) if ground is not None else DENY


def measure_manage(actor: Actor, organisation: Organisation) -> Decision:
    """Start or end a measure: a professional of the certified institution carrying it out."""
    if actor.professional is not None and actor.professional.organisation_id == organisation.pk:
        return Decision(True, Ground.MEASURE_ORGANISATION)
    return DENY


# --- retention ---------------------------------------------------------------------------
#
# Retention rules and runs are the privacy officer's: the log administrator, who also reads
# the access log. A request to destroy a child's file (Jeugdwet 7.3.9) is registered, decided
# and carried out by the privacy officer or by the coordinator of a case of the child or of
# its family, closed cases included (requests usually come after the help has ended).


def retention_manage(actor: Actor) -> Decision:
    """See and change the retention rules, see the retention runs: the privacy officer."""
    if actor.professional is not None and actor.professional.is_log_administrator:
        return Decision(True, Ground.LOG_ADMINISTRATOR)
    return DENY


def destruction_request_handle(actor: Actor, child: Child) -> Decision:
    """Handle a destruction request about `child`: the privacy officer, or the coordinator of
    a case of the child or of its family."""
    if actor.professional is None:
        return DENY
    if actor.professional.is_log_administrator:
        return Decision(True, Ground.LOG_ADMINISTRATOR)
    coordinated = Case.objects.filter(coordinator=actor.professional).filter(
        Q(child=child) | Q(family_id=child.family_id, family__isnull=False))
    if coordinated.exists():
        return Decision(True, Ground.COORDINATOR)
    return DENY


def destruction_requests_list(actor: Actor) -> Decision:
    """Open the list of destruction requests: the privacy officer (all requests) or anyone who
    coordinates a case (the requests about their children, `destruction_requests_visible_q`)."""
    if actor.professional is None:
        return DENY
    if actor.professional.is_log_administrator:
        return Decision(True, Ground.LOG_ADMINISTRATOR)
    if Case.objects.filter(coordinator=actor.professional).exists():
        return Decision(True, Ground.COORDINATOR)
    return DENY


def destruction_requests_visible_q(actor: Actor) -> Q:
    """Destruction requests the actor may see and handle, as a filter on
    `retention.DestructionRequest`: the same people as `destruction_request_handle`."""
    if actor.professional is None:
        return Q(pk__in=[])
    if actor.professional.is_log_administrator:
        return Q()
    coordinated = Case.objects.filter(coordinator=actor.professional)
    return Q(Exists(coordinated.filter(child_id=OuterRef("child_id")))) | Q(
        Exists(coordinated.filter(family_id=OuterRef("child__family_id"))))
