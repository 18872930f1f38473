from django.apps import AppConfig


class AbsenceReportsConfig(AppConfig):
    name = "schakel.absencereports"
    label = "absencereports"
