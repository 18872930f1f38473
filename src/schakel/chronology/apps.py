from django.apps import AppConfig


class ChronologyConfig(AppConfig):
    name = "schakel.chronology"
    label = "chronology"
