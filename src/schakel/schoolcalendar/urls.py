from django.urls import path

from schakel.schoolcalendar import views

app_name = "schoolcalendar"

urlpatterns = [
    path("<int:school_id>/", views.calendar_edit, name="edit"),
    path("<int:school_id>/vrije-dagen/", views.day_off_add, name="day_off_add"),
    path("<int:school_id>/vrije-dagen/<int:day_off_id>/verwijderen/", views.day_off_remove,
         name="day_off_remove"),
]
