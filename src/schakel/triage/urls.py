from django.urls import path

from schakel.triage import views

app_name = "triage"

urlpatterns = [
    path("", views.triage_inbox_view, name="inbox"),
    path("<int:signal_id>/", views.triage_signal_view, name="signal"),
]
