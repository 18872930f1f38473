from django.apps import AppConfig


class HandoverConfig(AppConfig):
    """Warm hand-over (warme overdracht) between professionals and between schools."""

    name = "schakel.handover"
    label = "handover"
