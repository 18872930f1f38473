from django.urls import path

from schakel.handover import views

app_name = "handover"

# Mounted under /casussen/ beside the cases app: the offer starts on a case's page.
urlpatterns = [
    path("<int:case_id>/overdragen/", views.handover_offer_view, name="offer"),
    path("overdrachten/", views.handover_list, name="list"),
    path("overdrachten/<int:handover_id>/", views.handover_detail, name="detail"),
    path("overdrachten/<int:handover_id>/accepteren/", views.handover_accept_view,
         name="accept"),
    path("overdrachten/<int:handover_id>/terugsturen/", views.handover_return_view,
         name="return"),
    path("overdrachten/<int:handover_id>/intrekken/", views.handover_withdraw_view,
         name="withdraw"),
]
