from django.urls import path

from schakel.children import views

app_name = "children"

urlpatterns = [
    path("zoeken/", views.search, name="search"),
    path("leerlingadministratie/", views.edexml_upload, name="edexml_upload"),
    path("<int:child_id>/", views.child_detail, name="detail"),
    path("<int:child_id>/gezag/", views.custody, name="custody"),
    path("<int:child_id>/maatregelen/", views.measures, name="measures"),
    path("<int:child_id>/maatregelen/einde/", views.measure_end_view, name="measure_end"),
]
