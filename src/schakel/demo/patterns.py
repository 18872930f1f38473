"""A rode draad in groep 4 of IKC De Vlinderboom (seed 004, Bijlage D, voorbeeld 3): besides
the teacher's signal about Bas's behaviour six weeks ago, she and the youth nurse raised two
signals about restlessness and fights in the class. Three signals of one theme in one class
within eight weeks: detection proposes a class item, which the next kernteam meeting's agenda
shows."""

from __future__ import annotations

from schakel.demo.stories.common import Cast, backdate, theme
from schakel.meetings.models import Meeting, MeetingKind
from schakel.meetings.services import meeting_agenda_fill
from schakel.patterns.services import patterns_detect
from schakel.signals.models import Signal, SignalLevel
from schakel.signals.services import signal_raise

CLASS_SIGNALS = (
    ("leerkracht.demo", 20,
     "Na de grote pauze is het in groep 4 steeds onrustig: kinderen duwen en schelden in de "
     "rij en komen boos binnen."),
    ("jvk.demo", 6,
     "Bij het buitenspelen van groep 4 lopen ruzies vaak uit op schoppen; de pleinwacht ziet "
     "steeds dezelfde groepjes tegenover elkaar staan."),
)


def demo_patterns_load(cast: Cast) -> None:
    school = cast.places.schools["po"]
    school_class = cast.places.classes["po", "groep 4"]
    for username, days_ago, text in CLASS_SIGNALS:
        if Signal.objects.filter(school=school, description=text).exists():
            continue
        signal = signal_raise(
            actor=cast.actor(username), level=SignalLevel.CLASS, school=school,
            theme=theme("gedrag"), description=text, school_class=school_class)
        backdate(signal, raised_at=cast.moment(days_ago, 14))
    if patterns_detect(school_ids=[school.pk]) == 0:
        return
    coming = (Meeting.objects.filter(school=school, kind=MeetingKind.CORE_TEAM,
                                     starts_at__gt=cast.moment(0, 0))
              .order_by("starts_at").first())
    if coming is not None:
        meeting_agenda_fill(actor=cast.actor("ib.demo"), meeting=coming)
