import importlib

from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "schakel.api"
    label = "api"
    verbose_name = "API"

    def ready(self) -> None:
        # The OpenAPI security scheme registers itself when loaded (drf-spectacular).
        importlib.import_module("schakel.api.schema")
