"""The portal's pages of a meeting: a parent's or the young person's own invitation (see
`meetings.selectors.family`). They are portal pages (`portal_view`): a professional's session
never reaches them, a portal session reaches nothing else."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from schakel.meetings.invitations import invitation_ics
from schakel.meetings.selectors.family import portal_invitation_get
from schakel.portal.signin import portal_actor, portal_view


@portal_view
def invitation(request: HttpRequest, invitation_id: int) -> HttpResponse:
    page = portal_invitation_get(actor=portal_actor(request), invitation_id=invitation_id)
    return render(request, "meetings/family/invitation.html", {
        "page": page, "meeting": page.meeting})


@portal_view
def invitation_calendar(request: HttpRequest, invitation_id: int) -> HttpResponse:
    """The invitation for one's own calendar (.ics): the kind of meeting and the school, a
    link to this page, no child."""
    page = portal_invitation_get(actor=portal_actor(request), invitation_id=invitation_id)
    link = request.build_absolute_uri(
        reverse("portal_meetings:invitation", kwargs={"invitation_id": invitation_id}))
    response = HttpResponse(invitation_ics(page.meeting, link=link),
                            content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="overleg-{page.meeting.pk}.ics"'
    return response
