from django.urls import path

from schakel.audit import views

app_name = "audit"

urlpatterns = [
    path("", views.log, name="log"),
    path("export/", views.export, name="export"),
    path("ongebruikelijk/", views.dashboard, name="dashboard"),
]
