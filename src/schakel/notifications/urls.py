from django.urls import path

from schakel.notifications import views

app_name = "notifications"

urlpatterns = [
    path("", views.notification_list, name="list"),
    path("voorkeuren/", views.notification_preferences, name="preferences"),
    path("<int:notification_id>/lezen/", views.notification_read, name="read"),
]
