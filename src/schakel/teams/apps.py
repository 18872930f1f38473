from django.apps import AppConfig


class TeamsConfig(AppConfig):
    name = "schakel.teams"
    label = "teams"
