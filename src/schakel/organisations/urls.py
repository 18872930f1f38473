from django.urls import path

app_name = "organisations"

urlpatterns: list[object] = []
