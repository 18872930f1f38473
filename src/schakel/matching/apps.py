from django.apps import AppConfig


class MatchingConfig(AppConfig):
    """Knowing who else is involved with a child or a sibling (never the content)."""

    name = "schakel.matching"
    label = "matching"
