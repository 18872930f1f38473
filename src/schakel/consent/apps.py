from django.apps import AppConfig


class ConsentConfig(AppConfig):
    name = "schakel.consent"
    label = "consent"
