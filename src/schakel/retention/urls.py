from django.urls import path

from schakel.retention import views

app_name = "retention"

urlpatterns = [
    path("", views.rules, name="rules"),
    path("regels/<int:rule_id>/", views.rule_edit, name="rule_edit"),
    path("uitvoeringen/", views.runs, name="runs"),
    path("uitvoeringen/voorbeeld/", views.preview, name="preview"),
    path("uitvoeringen/<int:run_id>/", views.run_detail, name="run_detail"),
    path("vernietiging/", views.destruction_list, name="destruction_list"),
    path("vernietiging/kind/<int:child_id>/nieuw/", views.destruction_register,
         name="destruction_register"),
    path("vernietiging/<int:request_id>/", views.destruction_detail, name="destruction_detail"),
    path("vernietiging/<int:request_id>/besluit/", views.destruction_decide,
         name="destruction_decide"),
    path("vernietiging/<int:request_id>/uitvoeren/", views.destruction_carry_out,
         name="destruction_carry_out"),
    path("verwijsindex/casus/<int:case_id>/", views.verwijsindex, name="verwijsindex"),
]
