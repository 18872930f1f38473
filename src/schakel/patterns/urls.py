from django.urls import path

from schakel.patterns import views

app_name = "patterns"

urlpatterns = [
    path("", views.pattern_list_view, name="list"),
    path("<int:pattern_id>/", views.pattern_detail_view, name="detail"),
    path("<int:pattern_id>/status/", views.pattern_status_view, name="status"),
]
