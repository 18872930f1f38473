from django.apps import AppConfig


class TeamDevelopmentConfig(AppConfig):
    name = "schakel.teamdevelopment"
    label = "teamdevelopment"
