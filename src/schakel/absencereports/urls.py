from django.urls import path

from schakel.absencereports import views

app_name = "absencereports"

urlpatterns = [
    path("", views.report_list, name="list"),
    path("<int:report_id>/", views.report_detail, name="detail"),
    path("<int:report_id>/concept/", views.report_edit, name="edit"),
    path("<int:report_id>/bevestigen/", views.report_confirm, name="confirm"),
    path("<int:report_id>/verzonden/", views.report_sent, name="sent"),
    path("<int:report_id>/antwoord/", views.report_answer, name="answer"),
    path("school/<int:school_id>/meldingen.csv", views.export_csv, name="export_csv"),
    path("school/<int:school_id>/afdrukken/", views.export_print, name="export_print"),
]
