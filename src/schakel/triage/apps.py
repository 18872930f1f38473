from django.apps import AppConfig


class TriageConfig(AppConfig):
    name = "schakel.triage"
    label = "triage"

    def ready(self) -> None:
        # Registers the agenda source "for the next kernteam meeting" with meetings.
        from schakel.triage import agenda  # noqa: F401
