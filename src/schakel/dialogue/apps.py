from django.apps import AppConfig


class DialogueConfig(AppConfig):
    name = "schakel.dialogue"
    label = "dialogue"
