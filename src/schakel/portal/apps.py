from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "schakel.portal"
    label = "portal"
    verbose_name = "Portal for parents and young people"
