from django.apps import AppConfig


class AttachmentsConfig(AppConfig):
    name = "schakel.attachments"
    label = "attachments"
