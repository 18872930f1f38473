from django.apps import AppConfig


class SignalsConfig(AppConfig):
    name = "schakel.signals"
    label = "signals"
