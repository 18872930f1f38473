from django.urls import path

from schakel.meldcode import views

app_name = "meldcode"

urlpatterns = [
    path("", views.route_list, name="list"),
    path("casus/<int:case_id>/starten/", views.route_start, name="start"),
    path("<int:route_id>/", views.route_detail, name="detail"),
    path("<int:route_id>/stap/<int:step>/", views.step_record, name="step"),
]
