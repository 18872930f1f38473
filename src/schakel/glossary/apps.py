from django.apps import AppConfig


class GlossaryConfig(AppConfig):
    name = "schakel.glossary"
    label = "glossary"
