from django.apps import AppConfig


class PatternsConfig(AppConfig):
    name = "schakel.patterns"
    label = "patterns"
