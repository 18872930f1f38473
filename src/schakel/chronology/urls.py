from django.urls import path

from schakel.chronology import views

app_name = "chronology"

urlpatterns = [
    path("<int:child_id>/tijdlijn/", views.child_chronology, name="child"),
    path("<int:child_id>/tijdlijn/pdf/", views.child_chronology_pdf, name="child_pdf"),
]
