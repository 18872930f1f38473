from django.urls import path

from schakel.dialogue.views import synthesis as views_synthesis, tables as views

app_name = "dialogue"

urlpatterns = [
    path("", views.table_list, name="list"),
    path("nieuw/", views.table_create, name="create"),
    path("<int:table_id>/", views.table_detail, name="detail"),
    path("<int:table_id>/bewerken/", views.table_edit, name="edit"),
    path("<int:table_id>/voorstel/", views.table_propose, name="propose"),
    path("<int:table_id>/voorgeschiedenis/", views.history_add, name="history_add"),
    path("<int:table_id>/deelnemers/", views.participant_add_view, name="participant_add"),
    path("<int:table_id>/factoren/", views.factor_add_view, name="factor_add"),
    path("<int:table_id>/aanbevelingen/", views.recommendation_add_view,
         name="recommendation_add"),
    path("<int:table_id>/reacties/", views.comment_add, name="comment"),
    path("<int:table_id>/ter-reactie/", views.review_start, name="review_start"),
    path("<int:table_id>/vaststellen/", views.adopt, name="adopt"),
    path("overstijgend/nieuw/", views_synthesis.synthesis_create_view,
         name="synthesis_create"),
    path("overstijgend/<int:synthesis_id>/", views_synthesis.synthesis_detail,
         name="synthesis_detail"),
    path("overstijgend/<int:synthesis_id>/bewerken/", views_synthesis.synthesis_edit,
         name="synthesis_edit"),
    path("overstijgend/<int:synthesis_id>/samenvoegen/", views_synthesis.merge,
         name="synthesis_merge"),
    path("overstijgend/<int:synthesis_id>/structureel/", views_synthesis.structural,
         name="synthesis_structural"),
    path("overstijgend/<int:synthesis_id>/aanbevelingen/", views_synthesis.recommendation_add,
         name="synthesis_recommendation_add"),
    path("overstijgend/<int:synthesis_id>/vaststellen/", views_synthesis.adopt,
         name="synthesis_adopt"),
    path("overstijgend/<int:synthesis_id>/overzicht/", views_synthesis.report,
         name="synthesis_report"),
    path("overstijgend/<int:synthesis_id>/overzicht.pdf", views_synthesis.report_pdf,
         name="synthesis_pdf"),
]
