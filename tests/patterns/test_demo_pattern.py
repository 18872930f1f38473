"""The demo's rode draad: three signals about behaviour in groep 4 of IKC De Vlinderboom, one
class pattern on the next kernteam meeting's agenda; loading twice adds nothing."""

from __future__ import annotations

import pytest
from django.utils import timezone

from schakel.demo.loader import demo_world_load
from schakel.meetings.models import AgendaItem, MeetingKind
from schakel.patterns.models import Pattern, PatternStatus

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_class_pattern_on_the_kernteam_agenda() -> None:
    demo = demo_world_load()
    school = demo.cast.places.schools["po"]
    pattern = Pattern.objects.get(school=school)
    assert pattern.school_class == demo.cast.places.classes["po", "groep 4"]
    assert (pattern.theme.code, pattern.signal_count, pattern.status) == (
        "gedrag", 3, PatternStatus.PROPOSED)
    item = AgendaItem.objects.get(source="patterns.proposed", meeting__school=school,
                                  meeting__kind=MeetingKind.CORE_TEAM,
                                  meeting__starts_at__gt=timezone.now())
    assert item.heading == "Rode draad in class groep 4: Behaviour"
    assert item.child_id is None
    demo_world_load()
    assert Pattern.objects.filter(school=school).count() == 1
    assert AgendaItem.objects.filter(source="patterns.proposed").count() == 1
