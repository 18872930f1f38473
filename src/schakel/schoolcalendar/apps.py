from django.apps import AppConfig


class SchoolCalendarConfig(AppConfig):
    name = "schakel.schoolcalendar"
    label = "schoolcalendar"
    verbose_name = "School calendar"
