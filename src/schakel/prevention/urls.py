from django.urls import path

from schakel.prevention import views

app_name = "prevention"

urlpatterns = [
    path("", views.matrix_list, name="list"),
    path("<int:school_id>/", views.matrix_detail, name="detail"),
    path("<int:school_id>/afdrukken/", views.matrix_print, name="print"),
    path("<int:school_id>/top/", views.ranked_add, name="ranked_add"),
    path("<int:school_id>/top/<int:ranked_id>/", views.ranked_edit, name="ranked_edit"),
    path("<int:school_id>/top/<int:ranked_id>/verwijderen/", views.ranked_remove,
         name="ranked_remove"),
    path("<int:school_id>/aanbod/", views.offer_add, name="offer_add"),
    path("<int:school_id>/aanbod/<int:offer_id>/verwijderen/", views.offer_remove,
         name="offer_remove"),
    path("<int:school_id>/ambitie/", views.ambition_edit, name="ambition_edit"),
    path("<int:school_id>/regie/", views.regie_add, name="regie_add"),
    path("<int:school_id>/regie/<int:regie_id>/verwijderen/", views.regie_remove,
         name="regie_remove"),
]
