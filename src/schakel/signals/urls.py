from django.urls import path

from schakel.signals import views

app_name = "signals"

urlpatterns = [
    path("", views.signal_list, name="list"),
    path("nieuw/", views.signal_raise_view, name="raise"),
    path("leerling-zoeken/", views.pupil_search, name="pupil_search"),
    path("<int:signal_id>/", views.signal_detail, name="detail"),
    path("<int:signal_id>/status/", views.signal_status, name="status"),
]
