"""Generated cases with their regiehouder, involvements (2 to 7 professionals), agreements,
plan entries, interventions, classroom advice, consultations and escalations."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from itertools import accumulate

from django.utils import timezone

from schakel.cases.models import (
    Agreement,
    AgreementStatus,
    Case,
    CaseStatus,
    ClassroomAdvice,
    Consultation,
    Escalation,
    EscalationLevel,
    Intervention,
    Involvement,
    PlanStepEntry,
    PlanTemplate,
)
from schakel.demo.generator.bulk import explicit_timestamps, insert
from schakel.demo.generator.config import CASE_REFERENCE_PREFIX, RegionSize
from schakel.demo.generator.organisations import Pro, RegionIndex, SchoolInfo
from schakel.demo.generator.pupils import PupilIndex

TEAM_SIZES = ([2, 3, 4, 5, 6, 7], [20, 28, 24, 15, 8, 5])
STATUSES = ([CaseStatus.OPEN, CaseStatus.ESCALATED, CaseStatus.CLOSED], [70, 8, 22])
STEPS_FILLED = (list(range(9)), [10, 10, 12, 14, 16, 14, 10, 8, 6])
FAMILY_CASE_SHARE = 0.05
NO_COORDINATOR_SHARE = 0.12
INTERVENTIONS = [
    "Gesprekken met ouders over opvoeding", "Sociale-vaardigheidstraining",
    "Faalangsttraining", "Begeleiding bij schoolaanwezigheid", "Ambulante gezinsbegeleiding",
    "Kortdurende behandeling jeugd-GGZ", "Huiswerkbegeleiding", "Weerbaarheidstraining",
    "Mantelzorgondersteuning", "Observatie in de klas",
]
TITLES = [
    "Zorgen over gedrag in de klas", "Verzuim loopt op", "Somber en teruggetrokken",
    "Zorgen over de thuissituatie", "Leerachterstand en concentratie", "Ruzie en pesten",
    "Middelengebruik", "Overgewicht en bewegen", "Moeizame start na overstap",
]


@dataclass
class CaseDraft:
    """A case before it is inserted; later phases read it to write signals and the log."""

    number: int
    school_index: int
    child_ids: list[int]
    child_id: int | None
    family_id: int | None
    status: str
    opened: dt.datetime
    team: list[Pro]
    ended: set[int] = field(default_factory=set)  # team positions whose part has ended
    coordinator: Pro | None = None
    id: int = 0

    @property
    def active_team(self) -> list[Pro]:
        return [p for n, p in enumerate(self.team) if n not in self.ended]


def noon(day: dt.date) -> dt.datetime:
    """The fixed "now" of a generated region: noon of its day, so runs are repeatable."""
    return dt.datetime.combine(day, dt.time(12), tzinfo=timezone.get_current_timezone())


def _when(now: dt.datetime, rng: random.Random, low: int, high: int) -> dt.datetime:
    return now - dt.timedelta(days=rng.randint(low, high), minutes=rng.randint(0, 600))


def _drafts(region: RegionIndex, pupils: PupilIndex, size: RegionSize,
            now: dt.datetime) -> list[CaseDraft]:
    rng = size.rng("cases")
    weights = list(accumulate(info.pupils for info in region.schools))
    drafts = []
    for n in range(size.cases):
        s = rng.choices(range(len(region.schools)), cum_weights=weights)[0]
        info = region.schools[s]
        pupil = rng.choice(pupils.by_school[s])
        status = rng.choices(*STATUSES)[0]
        opened = _when(now, rng, 7, 700) if status == CaseStatus.CLOSED else _when(
            now, rng, 1, 365)
        is_family = rng.random() < FAMILY_CASE_SHARE
        draft = CaseDraft(
            number=n, school_index=s, status=status, opened=opened,
            child_id=None if is_family else pupil.child_id,
            family_id=pupil.family_id if is_family else None,
            child_ids=pupils.family_children[pupil.family_id] if is_family
            else [pupil.child_id],
            team=_team(info, region.care_pool(info.municipality), rng),
        )
        for position in range(1, len(draft.team)):
            if rng.random() < 0.1:
                draft.ended.add(position)
        care = [p for p in draft.active_team if p not in info.staff and p is not info.contact]
        if status == CaseStatus.CLOSED or rng.random() > NO_COORDINATOR_SHARE:
            draft.coordinator = rng.choice(care) if care else draft.team[0]
        drafts.append(draft)
    return drafts


def _team(info: SchoolInfo, pool: list[Pro], rng: random.Random) -> list[Pro]:
    """The contact point who opened the case, perhaps a teacher, and care professionals."""
    size = rng.choices(*TEAM_SIZES)[0]
    team = [info.contact]
    if info.staff and rng.random() < 0.6:
        team.append(rng.choice(info.staff))
    team += rng.sample(pool, k=min(len(pool), max(0, size - len(team))))
    return team


def cases_generate(region: RegionIndex, pupils: PupilIndex, size: RegionSize) -> list[CaseDraft]:
    today = size.day()
    now = noon(today)
    drafts = _drafts(region, pupils, size, now)
    rng = size.rng("case-content")
    template = PlanTemplate.objects.get(code="regie-7-stappen")
    plans = {d.number: _plan(d, rng, now) for d in drafts}
    cases = insert(Case, (
        Case(
            reference=f"{CASE_REFERENCE_PREFIX}{d.number + 1:06d}",
            title=rng.choice(TITLES), child_id=d.child_id, family_id=d.family_id,
            school_id=region.schools[d.school_index].id, status=d.status,
            coordinator_id=d.coordinator.id if d.coordinator else None,
            plan_template=template, opened_by_id=d.team[0].id, opened_at=d.opened,
            last_evaluated_at=max((e.filled_in_at for e in plans[d.number] if e.step == 6),
                                  default=None),
            closed_at=min(d.opened + dt.timedelta(days=rng.randint(30, 300)), now)
            if d.status == CaseStatus.CLOSED else None,
            closure_reason="Doelen bereikt; teruggekoppeld aan school en betrokkenen."
            if d.status == CaseStatus.CLOSED else "",
        )
        for d in drafts
    ), size.batch_size)
    for draft, case in zip(drafts, cases, strict=True):
        draft.id = case.pk
        for entry in plans[draft.number]:
            entry.case_id = case.pk
    with explicit_timestamps((PlanStepEntry, "filled_in_at"), (Agreement, "created_at"),
                             (ClassroomAdvice, "given_at"), (Consultation, "recorded_at"),
                             (Escalation, "escalated_at")):
        insert(Involvement, _involvements(drafts, today, rng), size.batch_size)
        insert(PlanStepEntry, (e for d in drafts for e in plans[d.number]), size.batch_size)
        insert(Agreement, _agreements(drafts, rng, now), size.batch_size)
        insert(Intervention, _interventions(drafts, rng, today), size.batch_size)
        _notes(drafts, rng, size)
    return drafts


def _involvements(drafts: list[CaseDraft], today: dt.date,
                  rng: random.Random) -> list[Involvement]:
    rows = []
    for d in drafts:
        for n, pro in enumerate(d.team):
            start = min(d.opened.date() + dt.timedelta(days=rng.randint(0, 20) if n else 0),
                        today)
            end = None
            if n in d.ended:
                end = min(start + dt.timedelta(days=rng.randint(10, 90)),
                          today - dt.timedelta(days=1))
                end = max(end, start)
            rows.append(Involvement(
                case_id=d.id, professional_id=pro.id, start_date=start, end_date=end,
                added_by_id=d.team[0].id,
                part="Aanspreekpunt school" if n == 0 else f"{pro.function}: eigen deel"))
    return rows


def _plan(d: CaseDraft, rng: random.Random, now: dt.datetime) -> list[PlanStepEntry]:
    entries = []
    moment = d.opened
    for step in range(rng.choices(*STEPS_FILLED)[0]):
        for version in (1, 2) if rng.random() < 0.15 else (1,):
            moment = min(moment + dt.timedelta(days=rng.randint(0, 10), hours=1), now)
            entries.append(PlanStepEntry(
                step=step, version=version, content=f"Stap {step}, versie {version}.",
                consensus=True if step in (3, 6) else None,
                filled_in_by_id=rng.choice(d.team).id, filled_in_at=moment))
    return entries


def _agreements(drafts: list[CaseDraft], rng: random.Random,
                now: dt.datetime) -> list[Agreement]:
    rows = []
    today = now.date()
    for d in drafts:
        for _ in range(rng.choice([0, 1, 2, 2, 3, 3, 4, 5])):
            created = min(d.opened + dt.timedelta(days=rng.randint(0, 60)), now)
            due = created.date() + dt.timedelta(days=rng.randint(7, 90))
            roll = rng.random()
            if due < today:
                status = (AgreementStatus.DONE if roll < 0.7 else AgreementStatus.OPEN
                          if roll < 0.95 else AgreementStatus.CANCELLED)
            else:
                status = AgreementStatus.DONE if roll < 0.1 else AgreementStatus.OPEN
            rows.append(Agreement(
                case_id=d.id, description="Afspraak uit het plan", owner_id=rng.choice(
                    d.active_team).id, due_date=due, status=status,
                created_by_id=d.team[0].id, created_at=created,
                completed_at=created if status == AgreementStatus.DONE else None))
    return rows


def _interventions(drafts: list[CaseDraft], rng: random.Random,
                   today: dt.date) -> list[Intervention]:
    rows = []
    for d in drafts:
        for _ in range(rng.choice([0, 0, 1, 1, 2, 3])):
            start = d.opened.date() - dt.timedelta(days=rng.randint(-60, 400))
            start = min(start, today)
            end = start + dt.timedelta(days=rng.randint(20, 200))
            pro = rng.choice(d.team)
            rows.append(Intervention(
                case_id=d.id, description=rng.choice(INTERVENTIONS), provider=pro.organisation,
                start_date=start, end_date=end if end < today else None,
                effect="Wisselend effect." if end < today else "",
                recorded_by_id=pro.id))
    return rows


def _notes(drafts: list[CaseDraft], rng: random.Random, size: RegionSize) -> None:
    advice, consultations, escalations = [], [], []
    for d in drafts:
        at = d.opened + dt.timedelta(days=rng.randint(1, 30))
        if rng.random() < 0.4:
            advice.append(ClassroomAdvice(
                case_id=d.id, advice="Geef voorspelbaarheid en benoem wat goed gaat.",
                given_by_id=rng.choice(d.team).id, given_at=at))
        if rng.random() < 0.5:
            consultations.append(Consultation(
                case_id=d.id, signals_seen="Zorgen op school en thuis.",
                already_started="Gesprek met ouders.", wisdom="Samen optrekken.",
                who_takes_role="Regiehouder uit het kernteam.", recorded_by_id=d.team[0].id,
                recorded_at=d.opened))
        if d.status == CaseStatus.ESCALATED or rng.random() < 0.03:
            escalations.append(Escalation(
                case_id=d.id, level=rng.choice(list(EscalationLevel)),
                reason="Onvoldoende voortgang; opschalen voor besluitvorming.",
                escalated_by_id=(d.coordinator or d.team[0]).id, escalated_at=at))
    insert(ClassroomAdvice, advice, size.batch_size)
    insert(Consultation, consultations, size.batch_size)
    insert(Escalation, escalations, size.batch_size)
