from django.apps import AppConfig


class NotesConfig(AppConfig):
    name = "schakel.notes"
    label = "notes"
