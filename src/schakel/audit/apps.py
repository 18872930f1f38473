from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "schakel.audit"
    label = "audit"
