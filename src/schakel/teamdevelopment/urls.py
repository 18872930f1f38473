from django.urls import path

from schakel.teamdevelopment import views

app_name = "teamdevelopment"

urlpatterns = [
    path("", views.team_list, name="list"),
    path("teams/<int:team_id>/", views.team_page, name="team"),
    path("teams/<int:team_id>/ronde/", views.survey_open, name="survey_open"),
    path("teams/<int:team_id>/taart/", views.session_start, name="session_start"),
    path("rondes/<int:survey_id>/", views.survey_page, name="survey"),
    path("rondes/<int:survey_id>/antwoorden/", views.survey_answer, name="survey_answer"),
    path("rondes/<int:survey_id>/sluiten/", views.survey_close, name="survey_close"),
    path("taart/<int:session_id>/", views.session_page, name="session"),
    path("taart/<int:session_id>/notities/", views.session_note, name="session_note"),
    path("taart/<int:session_id>/deelnemers/", views.session_participant,
         name="session_participant"),
    path("taart/<int:session_id>/cijfers/", views.session_scores, name="session_scores"),
    path("taart/<int:session_id>/acties/", views.session_action, name="session_action"),
]
