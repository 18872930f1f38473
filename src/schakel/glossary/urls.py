from django.urls import path

from schakel.glossary import views

app_name = "glossary"

urlpatterns = [
    path("", views.term_list, name="list"),
    path("nieuw/", views.term_create, name="create"),
    path("<int:term_id>/", views.term_edit, name="edit"),
    path("<int:term_id>/verwijderen/", views.term_delete, name="delete"),
]
