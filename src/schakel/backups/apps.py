from django.apps import AppConfig


class BackupsConfig(AppConfig):
    name = "schakel.backups"
    label = "backups"
    default_auto_field = "django.db.models.BigAutoField"
