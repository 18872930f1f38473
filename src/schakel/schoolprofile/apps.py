from django.apps import AppConfig


class SchoolProfileConfig(AppConfig):
    name = "schakel.schoolprofile"
    label = "schoolprofile"
