from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "schakel.notifications"
    label = "notifications"
