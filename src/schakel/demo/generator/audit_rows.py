"""A generated access log: reads and changes by the professionals involved in cases, core
teams looking at their pupils, and some refusals. Spread over a year."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator

from schakel.audit.models import AccessEvent, Action, Outcome
from schakel.demo.generator.bulk import insert_stream
from schakel.demo.generator.cases import CaseDraft, noon
from schakel.demo.generator.config import RegionSize
from schakel.demo.generator.organisations import Pro, RegionIndex
from schakel.demo.generator.pupils import PupilIndex

CASE_EVENTS = (
    [("case.view", Action.READ), ("case.list", Action.READ), ("case.plan_step", Action.UPDATE),
     ("case.agreement", Action.CREATE), ("case.intervention", Action.CREATE),
     ("child.view", Action.READ)],
    [50, 28, 8, 5, 2, 7],
)
KIND_WEIGHTS = ([0, 1, 2], [85, 11, 4])  # case work, core team, refused


def _event(pro: Pro, ip: str, at: dt.datetime, code: str, action: Action, object_type: str,
           object_id: int, child_id: int | None, ground: str,
           outcome: Outcome = Outcome.SUCCESS) -> AccessEvent:
    return AccessEvent(
        occurred_at=at, event_code=code, action=action, outcome=outcome, user_id=pro.user_id,
        user_name=pro.name, user_function=pro.function, organisation_name=pro.organisation,
        ip_address=ip, object_type=object_type, object_id=str(object_id), child_id=child_id,
        ground=ground)


def _events(region: RegionIndex, pupils: PupilIndex, drafts: list[CaseDraft],
            size: RegionSize, rng: random.Random) -> Iterator[AccessEvent]:
    now = noon(size.day())
    seconds = 365 * 24 * 3600
    ips = {p.id: f"10.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(1, 255)}"
           for p in region.professionals}
    work = [(d, p) for d in drafts for p in d.active_team]
    for _ in range(size.audit_rows):
        at = now - dt.timedelta(seconds=rng.randrange(seconds))
        kind = rng.choices(*KIND_WEIGHTS)[0] if work else 1
        if kind == 0:
            d, pro = rng.choice(work)
            code, action = rng.choices(*CASE_EVENTS)[0]
            ground = "coordinator" if pro is d.coordinator else "involved"
            child = rng.choice(d.child_ids)
            if code == "child.view":
                yield _event(pro, ips[pro.id], at, code, action, "children.child", child,
                             child, ground)
            else:
                yield _event(pro, ips[pro.id], at, code, action, "cases.case", d.id, child,
                             ground)
        elif kind == 1:
            s = rng.randrange(len(region.schools))
            info = region.schools[s]
            child = rng.choice(pupils.by_school[s]).child_id
            code = rng.choice(["child.view", "child.search", "signal.list"])
            yield _event(info.contact, ips[info.contact.id], at, code, Action.READ,
                         "children.child", child, child, "core_team")
        else:
            d = rng.choice(drafts)
            pro = rng.choice(region.professionals)
            yield _event(pro, ips[pro.id], at, "case.view", Action.READ, "cases.case", d.id,
                         None, "", Outcome.DENIED)


def audit_generate(region: RegionIndex, pupils: PupilIndex, drafts: list[CaseDraft],
                   size: RegionSize) -> int:
    rng = size.rng("audit")
    return insert_stream(AccessEvent, _events(region, pupils, drafts, size, rng),
                         size.batch_size)
