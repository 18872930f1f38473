"""A meeting's invitation as iCalendar (RFC 5545): one stable UID for the meeting's life, its
SEQUENCE raised on every change (RFC 5545 §3.8.7.4), METHOD REQUEST or, once cancelled, CANCEL
(RFC 5546), times in Europe/Amsterdam with that VTIMEZONE. The invitation names the kind of
meeting and the school, never a child: its description is a link to Schakel."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress, vText

from schakel.meetings.models import Meeting

TZ = ZoneInfo("Europe/Amsterdam")
PRODID = "-//Schakel//Overleg//NL"


def invitation_ics(meeting: Meeting, *, link: str) -> bytes:
    cancelled = meeting.is_cancelled
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if cancelled else "REQUEST")
    event = Event()
    event.add("uid", f"{meeting.uid}@schakel")
    event.add("sequence", meeting.sequence)
    event.add("dtstamp", dt.datetime.now(dt.UTC))
    event.add("dtstart", meeting.starts_at.astimezone(TZ))
    event.add("dtend", meeting.ends_at.astimezone(TZ))
    event.add("summary", meeting.title)
    event.add("description", _("Agenda and documents in Schakel: %(link)s") % {"link": link})
    event.add("url", link)
    location = meeting.video_link or meeting.location
    if location:
        event.add("location", location)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    organiser = meeting.organiser
    if organiser.email:
        event.add("organizer", vCalAddress(f"mailto:{organiser.email}"),
                  parameters={"cn": vText(organiser.full_name)})
    for participant in meeting.participants.all():
        person = participant.professional
        if person is not None and person.email and person.pk != organiser.pk:
            event.add("attendee", vCalAddress(f"mailto:{person.email}"),
                      parameters={"cn": vText(person.full_name), "role": "REQ-PARTICIPANT",
                                  "rsvp": "TRUE"})
    event.add("last-modified", timezone.now().astimezone(dt.UTC))
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return bytes(calendar.to_ical())
