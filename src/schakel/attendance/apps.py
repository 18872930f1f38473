from django.apps import AppConfig


class AttendanceConfig(AppConfig):
    name = "schakel.attendance"
    label = "attendance"
