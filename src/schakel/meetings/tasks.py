"""The invitation e-mail of a meeting, with its iCalendar file attached (RFC 5545/5546:
REQUEST, or CANCEL once cancelled), to every invited professional with an e-mail address.
Enqueued by the planning services once their change commits; the in-app notification is
written by the service itself. The mail names the kind of meeting and the school and links
to Schakel; it never contains a child's data."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from schakel.meetings.invitations import invitation_ics
from schakel.meetings.models import Meeting
from schakel.notifications.tasks import EMAIL_QUEUE, site_url


@task(queue_name=EMAIL_QUEUE)
def meeting_invitations_send(*, meeting_id: int, sequence: int) -> int:
    """E-mail version `sequence` of the invitation; a newer version supersedes it (then
    nothing is sent: that version's own job sends the newer one). How many were sent."""
    meeting = (Meeting.objects.select_related("school", "organiser")
               .prefetch_related("participants__professional").filter(pk=meeting_id).first())
    if meeting is None or meeting.sequence != sequence:
        return 0
    recipients = [p.professional.email for p in meeting.participants.all()
                  if p.professional is not None and p.professional.email]
    if not recipients:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        link = site_url(reverse("meetings:detail", kwargs={"meeting_id": meeting.pk}))
        method = "CANCEL" if meeting.is_cancelled else "REQUEST"
        subject = (_("Cancelled: %(title)s") if meeting.is_cancelled
                   else _("Invitation: %(title)s")) % {"title": meeting.title}
        body = _("%(title)s.\n\nThe time, the place and the agenda you may see are in "
                 "Schakel: %(link)s\n\nThe attached file puts the meeting in your calendar.") % {
            "title": meeting.title, "link": link}
        ics = invitation_ics(meeting, link=link)
    connection = get_connection()
    sent = 0
    for address in recipients:
        message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [address],
                               connection=connection,
                               headers={"Auto-Submitted": "auto-generated"})
        message.attach("uitnodiging.ics", ics, f"text/calendar; method={method}; charset=utf-8")
        message.send()
        sent += 1
    return sent
