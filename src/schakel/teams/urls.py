from django.urls import path

from schakel.teams import views

app_name = "teams"

urlpatterns = [
    path("<int:team_id>/", views.team_detail, name="detail"),
    path("<int:team_id>/leden/nieuw/", views.member_add, name="member_add"),
    path("<int:team_id>/afspraken/", views.charter_edit, name="charter"),
    path("lidmaatschap/<int:membership_id>/", views.member_change, name="member_change"),
]
