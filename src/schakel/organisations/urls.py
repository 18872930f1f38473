from django.urls import path

from schakel.organisations import views

app_name = "organisations"

urlpatterns = [
    path("scholen/", views.school_list, name="schools"),
    path("scholen/<int:school_id>/", views.school_route_view, name="school_route"),
    path("professionals/<int:professional_id>/", views.professional_view, name="professional"),
]
