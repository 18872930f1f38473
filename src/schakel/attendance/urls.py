from django.urls import path

from schakel.attendance import views

app_name = "attendance"

urlpatterns = [
    path("import/", views.import_start, name="import"),
    path("import/profiel/", views.profile_create, name="profile_create"),
    path("import/<int:import_id>/", views.import_detail, name="import_detail"),
    path("import/<int:import_id>/fouten.csv", views.import_errors_csv, name="import_errors"),
    path("import/<int:import_id>/geldige-rijen/", views.import_valid_rows,
         name="import_valid_rows"),
    path("school/<int:school_id>/", views.school_figures_page, name="school"),
    path("school/<int:school_id>/leerling/<int:child_id>/", views.pupil_figures_page,
         name="pupil"),
]
