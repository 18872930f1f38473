from django.urls import path

from schakel.dialogue import views

app_name = "dialogue"

urlpatterns: list[object] = []
_ = (path, views)
