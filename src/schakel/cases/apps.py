from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "schakel.cases"
    label = "cases"
