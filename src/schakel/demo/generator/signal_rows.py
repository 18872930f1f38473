"""Generated signals at child, class and school level; one per case is linked to it."""

from __future__ import annotations

import datetime as dt

from schakel.demo.generator.bulk import explicit_timestamps, insert
from schakel.demo.generator.cases import CaseDraft, noon
from schakel.demo.generator.config import RegionSize
from schakel.demo.generator.names import THEME_WEIGHTS
from schakel.demo.generator.organisations import RegionIndex
from schakel.demo.generator.pupils import PupilIndex
from schakel.signals.models import Signal, SignalLevel, SignalStatus, Theme

LEVELS = ([SignalLevel.CHILD, SignalLevel.CLASS, SignalLevel.SCHOOL], [75, 15, 10])
OPEN_STATUSES = ([SignalStatus.NEW, SignalStatus.DISCUSSED, SignalStatus.CLOSED], [30, 40, 30])
DESCRIPTIONS = {
    SignalLevel.CHILD: "Zorg over deze leerling, ingebracht in het kernteam.",
    SignalLevel.CLASS: "Meerdere leerlingen in deze klas met dezelfde ondersteuningsvraag.",
    SignalLevel.SCHOOL: "Een thema dat op de hele school opvalt.",
}


def signals_generate(region: RegionIndex, pupils: PupilIndex, drafts: list[CaseDraft],
                     size: RegionSize) -> int:
    rng = size.rng("signals")
    now = noon(size.day())
    themes = {t.code: t.pk for t in Theme.objects.filter(code__in=THEME_WEIGHTS)}
    codes = [c for c in THEME_WEIGHTS if c in themes]
    weights = [THEME_WEIGHTS[c] for c in codes]

    def theme_id() -> int:
        return themes[rng.choices(codes, weights=weights)[0]]

    rows = []
    linked = drafts[:size.signals]  # the first signal of (up to) every case
    for d in linked:
        info = region.schools[d.school_index]
        rows.append(Signal(
            level=SignalLevel.CHILD, school_id=info.id,
            child_id=d.child_id or d.child_ids[0], theme_id=theme_id(),
            description=DESCRIPTIONS[SignalLevel.CHILD], status=SignalStatus.LINKED_CASE,
            raised_by_id=d.team[0].id, case_id=d.id,
            raised_at=d.opened - dt.timedelta(days=rng.randint(0, 21))))
    for _ in range(size.signals - len(linked)):
        s = rng.randrange(len(region.schools))
        info = region.schools[s]
        level = rng.choices(*LEVELS)[0]
        status = rng.choices(*OPEN_STATUSES)[0]
        collective = ""
        if level != SignalLevel.CHILD and rng.random() < 0.4:
            status, collective = SignalStatus.LINKED_COLLECTIVE, "Collectieve aanpak in de klas"
        raiser = rng.choice([info.contact, *info.staff, *region.care_pool(info.municipality)[:3]])
        rows.append(Signal(
            level=level, school_id=info.id,
            child_id=rng.choice(pupils.by_school[s]).child_id
            if level == SignalLevel.CHILD else None,
            school_class_id=rng.choice(info.classes)[0] if level == SignalLevel.CLASS else None,
            theme_id=theme_id(), description=DESCRIPTIONS[level], status=status,
            collective_action=collective, raised_by_id=raiser.id,
            raised_at=now - dt.timedelta(days=rng.randint(0, 365), minutes=rng.randint(0, 600)),
        ))
    with explicit_timestamps((Signal, "raised_at")):
        insert(Signal, rows, size.batch_size)
    return len(rows)
