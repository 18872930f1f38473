from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "schakel.meetings"
    label = "meetings"
