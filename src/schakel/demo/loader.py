"""Loading the demo world (DESIGN §5): places and people with the ORM, the stories of seed
004 through the services. Idempotent: a second run finds everything in place and changes
nothing, so `make run` can call it on every start."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from schakel.cases.models import Case
from schakel.cases.services.reminders import agreement_reminders_send
from schakel.children.models import Child, Enrolment
from schakel.demo.attendance import demo_attendance_load
from schakel.demo.dialogue import demo_dialogue_synthesis
from schakel.demo.family import classmates_load, family_load, voogdij_child_load
from schakel.demo.partners import partners_load
from schakel.demo.patterns import demo_patterns_load
from schakel.demo.people import professionals_load, teams_load
from schakel.demo.prevention import demo_prevention_matrix
from schakel.demo.stories import Cast, stories_load
from schakel.demo.teamdevelopment import demo_team_development
from schakel.demo.world import places_load
from schakel.organisations.models import Professional
from schakel.transactions import composed_services


@dataclass(frozen=True)
class DemoWorld:
    cast: Cast
    bas_case: Case

    @property
    def professionals(self) -> dict[str, Professional]:
        return self.cast.professionals


def _attendance_load(cast: Cast, dylan: Child, today: dt.date) -> None:
    secondary = cast.places.schools["vo"]
    tina = cast.children["tina"]
    classmate = (Enrolment.objects.active_on(today).filter(school=secondary)
                 .exclude(child__in=[tina, dylan]).order_by("child_id").first())
    stories = {tina.pk: "tina", dylan.pk: "dylan"}
    if classmate is not None:
        stories[classmate.child_id] = "long_term"
    demo_attendance_load(schools=list(cast.places.schools.values()), stories=stories,
                         today=today)


def demo_world_load() -> DemoWorld:
    today = timezone.localdate()
    with composed_services():
        places = places_load(today)
        professionals = professionals_load(places.organisations)
        teams_load(places.schools, professionals)
        partners_load(places.schools)
        family = family_load(places, today)
        dylan = classmates_load(places, today)
        jayden = voogdij_child_load(places, today)
        cast = Cast(places=places, professionals=professionals, children=family.children,
                    today=today)
        bas_case = stories_load(cast, dylan, jayden)
        _attendance_load(cast, dylan, today)
        # A rode draad in groep 4, on the next kernteam meeting's agenda.
        demo_patterns_load(cast)
        # The three dialogue tables of seed 001 and their synthesis, chaired by the
        # municipality's policy officer (who organised them in the region).
        demo_dialogue_synthesis(actor=cast.actor("beleid.demo"))
        # The secondary school's preventiematrix, kept by its kernteam's chair and the
        # municipality's policy officer (seed 004 §3.3 e).
        demo_prevention_matrix(school=places.schools["vo"],
                               chair=cast.actor("zorgcoordinator.demo"),
                               officer=cast.actor("beleid.demo"))
        # The secondary school's kernteam: two nulmetingen a year apart and a taart van
        # ambities (seed 004).
        demo_team_development(cast)
        # As the morning's reminder job would: the IB'er's overdue agreement on Bas's case is
        # in her notifications (once: a second load finds it sent).
        agreement_reminders_send(today=today)
    return DemoWorld(cast=cast, bas_case=bas_case)
