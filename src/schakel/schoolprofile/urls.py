from django.urls import path

from schakel.schoolprofile import views

app_name = "schoolprofile"

urlpatterns = [
    path("", views.profile_list, name="list"),
    path("monitor/", views.monitor_import, name="import"),
    path("<int:school_id>/", views.profile_detail, name="detail"),
]
