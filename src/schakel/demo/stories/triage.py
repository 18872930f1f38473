"""The core team's inbox at the Esrand College (docs/triage.md): the zorgcoördinator has
triaged the youth worker's signal about smoking and blowing at the shopping centre (for the
youth worker, this week, onto the next kernteam meeting); the mentor's signal about the class
group chat came in yesterday and waits in *Nieuwe signalen*."""

from __future__ import annotations

from schakel.demo.stories.common import Cast, backdate, theme
from schakel.demo.stories.secondary import DRUGS_STREET
from schakel.signals.models import Signal, SignalLevel, SignalStatus
from schakel.signals.services import signal_raise
from schakel.triage.models import SignalTriage, Urgency
from schakel.triage.services import signal_triage_record

GROUP_CHAT = (
    "In de groepsapp van 1 mavo/havo a worden sinds een week foto's van klasgenoten gedeeld "
    "met nare opmerkingen. Twee leerlingen kwamen er vandaag over praten.")


def triage_story(cast: Cast) -> None:
    school = cast.places.schools["vo"]
    street = Signal.objects.filter(school=school, description=DRUGS_STREET,
                                   status=SignalStatus.NEW).first()
    if street is not None and not SignalTriage.objects.filter(signal=street).exists():
        signal_triage_record(
            actor=cast.actor("zorgcoordinator.demo"), signal=street,
            assignee=cast.professionals["jongerenwerk.demo"], urgency=Urgency.THIS_WEEK,
            for_next_meeting=True)
    if not Signal.objects.filter(school=school, description=GROUP_CHAT).exists():
        chat = signal_raise(
            actor=cast.actor("mentor.demo"), level=SignalLevel.CLASS, school=school,
            theme=theme("sociale-relaties"), description=GROUP_CHAT,
            school_class=cast.places.classes["vo", "1 mavo/havo a"])
        backdate(chat, raised_at=cast.moment(1, 14))
