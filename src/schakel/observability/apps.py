from django.apps import AppConfig


class ObservabilityConfig(AppConfig):
    """Request logs as JSON lines and Prometheus metrics, without personal data
    (docs/production.md "Observability")."""

    name = "schakel.observability"
    label = "observability"
