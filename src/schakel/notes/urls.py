from django.urls import path

from schakel.notes import views

app_name = "notes"

urlpatterns = [
    path("<int:case_id>/gespreksverslagen/nieuw/", views.note_add, name="add"),
    path("gespreksverslagen/<int:note_id>/corrigeren/", views.note_correct_view,
         name="correct"),
]
