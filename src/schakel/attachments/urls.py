from django.urls import path

from schakel.attachments import views

app_name = "attachments"

urlpatterns = [
    path("<int:case_id>/bijlagen/nieuw/", views.attachment_add_view, name="add"),
    path("bijlagen/<int:attachment_id>/", views.attachment_download, name="download"),
]
