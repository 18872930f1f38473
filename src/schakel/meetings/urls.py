from django.urls import path

from schakel.meetings.views import family, planning, table

app_name = "meetings"

urlpatterns = [
    path("", planning.meeting_list, name="list"),
    path("plannen/", planning.meeting_plan_view, name="plan"),
    path("beschikbaarheid/", planning.availability_view, name="availability"),
    path("<int:meeting_id>/", table.meeting_detail, name="detail"),
    path("<int:meeting_id>/wijzigen/", planning.meeting_reschedule_view, name="reschedule"),
    path("<int:meeting_id>/afzeggen/", planning.meeting_cancel_view, name="cancel"),
    path("<int:meeting_id>/uitnodiging.ics", planning.invitation_view, name="invitation"),
    path("<int:meeting_id>/agenda/bijwerken/", planning.agenda_fill_view, name="agenda_fill"),
    path("<int:meeting_id>/agenda/punt/", table.agenda_item_add_view, name="agenda_item_add"),
    path("<int:meeting_id>/verslag/", table.minutes_write_view, name="minutes_write"),
    path("<int:meeting_id>/besluit/", table.decision_view, name="decision"),
    path("<int:meeting_id>/vier-vragen/", table.consultation_view, name="consultation"),
    path("<int:meeting_id>/verslag/vaststellen/", table.minutes_adopt_view, name="adopt"),
    path("<int:meeting_id>/verslag/<int:minutes_id>/correctie/", table.minutes_correct_view,
         name="correct"),
]

# Under the portal (`/portaal/overleggen/`, namespace `portal_meetings`): the invitations of
# parents and the young person.
portal_urlpatterns = [
    path("<int:invitation_id>/", family.invitation, name="invitation"),
    path("<int:invitation_id>/uitnodiging.ics", family.invitation_calendar,
         name="invitation_calendar"),
]
