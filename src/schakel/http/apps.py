from django.apps import AppConfig


class HttpConfig(AppConfig):
    """Installed only for its template tags (`{% render_panel %}`); it has no models."""

    name = "schakel.http"
    label = "schakel_http"
