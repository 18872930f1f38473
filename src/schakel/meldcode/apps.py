from django.apps import AppConfig


class MeldcodeConfig(AppConfig):
    name = "schakel.meldcode"
    label = "meldcode"
