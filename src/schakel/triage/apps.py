from django.apps import AppConfig


class TriageConfig(AppConfig):
    name = "schakel.triage"
    label = "triage"
