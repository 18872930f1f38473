from django.apps import AppConfig
from django.core.signals import request_finished

from schakel.observability.requestid import request_id_clear


class ObservabilityConfig(AppConfig):
    """Request logs as JSON lines and Prometheus metrics, without personal data
    (docs/production.md "Observability")."""

    name = "schakel.observability"
    label = "observability"

    def ready(self) -> None:
        request_finished.connect(request_id_clear, dispatch_uid="observability.request_id")
