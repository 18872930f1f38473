from django.apps import AppConfig


class PreventionConfig(AppConfig):
    name = "schakel.prevention"
    label = "prevention"
